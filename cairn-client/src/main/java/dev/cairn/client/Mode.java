package dev.cairn.client;

/**
 * Where a run's records go.
 * <ul>
 *   <li>{@code ONLINE}: to the local record log, and from there to the server in the background.</li>
 *   <li>{@code OFFLINE}: to the local record log only; {@code ./cairn sync PATH} sends it later.</li>
 *   <li>{@code DISABLED}: nowhere; every call on the run does nothing (for tests and dry runs).</li>
 * </ul>
 */
public enum Mode {
    ONLINE, OFFLINE, DISABLED;

    /** Reads {@code online}, {@code offline} or {@code disabled} (any case), as in {@code CAIRN_MODE}. */
    public static Mode parse(String text) {
        for (Mode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a mode; use online, offline or disabled");
    }
}
