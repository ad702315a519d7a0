package dev.cairn.server.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Epoch milliseconds (the store) to and from ISO-8601 UTC text (the API), always with milliseconds. */
public final class Times {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 1764075872123} → {@code "2025-11-25T13:04:32.123Z"}. */
    public static String iso(long epochMs) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMs));
    }

    static String isoOrNull(Long epochMs) {
        return epochMs == null ? null : iso(epochMs);
    }

    /**
     * Reads {@code "2025-11-25T13:04:32.123Z"}, an offset form such as {@code "2025-11-25T14:04:32+01:00"},
     * or a date {@code "2025-11-25"} (midnight UTC); null when the text is none of these.
     */
    static Long parseEpochMs(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
