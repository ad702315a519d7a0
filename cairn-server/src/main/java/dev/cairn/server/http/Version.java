package dev.cairn.server.http;

/** Cairn's version, from the jar manifest when packaged, else the development marker. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-dev" : version;
    }
}
