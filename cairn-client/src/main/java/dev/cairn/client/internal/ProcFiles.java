package dev.cairn.client.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Readers of Linux's {@code /proc} files, as pure functions of the file's text so they can be tested on
 * captured samples. Each returns a negative number (or null) when the value is not there.
 */
final class ProcFiles {
    private ProcFiles() {
    }

    /** A {@code /proc} file's text, or null where it does not exist (not Linux). */
    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A {@code Key:   123 kB} line of {@code /proc/meminfo} or {@code /proc/self/status}, in bytes. */
    static long kilobytesField(String text, String key) {
        if (text == null) {
            return -1;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] parts = line.substring(key.length() + 1).strip().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * Bytes read and written by the block device {@code major:minor}, from {@code /proc/diskstats}
     * (sectors are 512 bytes there whatever the device's own sector size); null when it is not listed.
     */
    static long[] diskReadWriteBytes(String diskstats, long major, long minor) {
        if (diskstats == null) {
            return null;
        }
        for (String line : diskstats.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 10 && f[0].equals(Long.toString(major)) && f[1].equals(Long.toString(minor))) {
                try {
                    return new long[] {Long.parseLong(f[5]) * 512, Long.parseLong(f[9]) * 512};
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Bytes received and sent over all interfaces but loopback, from {@code /proc/net/dev}; null if absent. */
    static long[] networkReceivedSentBytes(String netDev) {
        if (netDev == null) {
            return null;
        }
        long received = 0;
        long sent = 0;
        for (String line : netDev.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.substring(0, colon).strip().equals("lo")) {
                continue;
            }
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            if (f.length < 9) {
                continue;
            }
            try {
                received += Long.parseLong(f[0]);
                sent += Long.parseLong(f[8]);
            } catch (NumberFormatException e) {
                // a header line
            }
        }
        return new long[] {received, sent};
    }

    /** Linux's {@code st_dev} split into the major and minor numbers /proc/diskstats lists devices by. */
    static long[] majorMinor(long dev) {
        long major = ((dev >>> 8) & 0xfffL) | ((dev >>> 32) & 0xfffff000L);
        long minor = (dev & 0xffL) | ((dev >>> 12) & 0xffffff00L);
        return new long[] {major, minor};
    }
}
