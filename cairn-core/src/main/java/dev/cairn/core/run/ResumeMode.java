package dev.cairn.core.run;

import java.util.Locale;

/**
 * What to do when a run is created with an id that may already exist (W&B's {@code resume}).
 * <ul>
 *   <li>{@code ALLOW}: resume the run if it exists, create it otherwise.</li>
 *   <li>{@code MUST}: resume the run; fail if it does not exist.</li>
 *   <li>{@code NEVER}: create the run; fail if the id is taken.</li>
 * </ul>
 */
public enum ResumeMode {
    ALLOW, MUST, NEVER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResumeMode parse(String wireName) {
        for (ResumeMode mode : values()) {
            if (mode.wireName().equals(wireName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + wireName + "' is not a resume mode; one of allow, must, never");
    }
}
