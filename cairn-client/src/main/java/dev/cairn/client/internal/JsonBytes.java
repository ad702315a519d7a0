package dev.cairn.client.internal;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.Arrays;

/**
 * A growable byte buffer that writes the few JSON pieces a metric record is made of, byte for byte as the
 * shared Jackson configuration would ({@code dev.cairn.core.json.Json}): numbers through Jackson's own
 * shortest-representation writer, NaN and infinities as strings, the same escapes. It writes ASCII text only;
 * {@link #string} says when a text holds anything else, so the caller can fall back to Jackson.
 *
 * <pre>{@code
 * JsonBytes out = new JsonBytes(256);
 * out.raw('{'); out.string("loss"); out.raw(':'); out.number(0.25); out.raw('}');
 * byte[] json = out.toByteArray();   // {"loss":0.25}
 * }</pre>
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For each ASCII character: 0 as is, a letter for a two-character escape, -1 for a six-character &#92;u00XX escape. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        Arrays.fill(ESCAPES, 0, 32, (byte) -1);
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private byte[] bytes;
    private int size;

    JsonBytes(int initialBytes) {
        bytes = new byte[initialBytes];
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void raw(char ascii) {
        ensure(1);
        bytes[size++] = (byte) ascii;
    }

    /** Writes ASCII text as it is (no quotes, no escapes): the caller's constant field names. */
    void raw(String ascii) {
        int length = ascii.length();
        ensure(length);
        ascii.getBytes(0, length, bytes, size); // the low byte of each char: exact for ASCII
        size += length;
    }

    /** Writes {@code "text"} escaped; returns false, having written an unspecified part, if it is not all ASCII. */
    boolean string(String text) {
        int length = text.length();
        ensure(length + 2);
        bytes[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return false;
            }
            byte escape = ESCAPES[c];
            if (escape == 0) {
                bytes[size++] = (byte) c;
            } else {
                escape(c, escape, length - i);
            }
        }
        bytes[size++] = '"';
        return true;
    }

    private void escape(char c, byte escape, int charsLeft) {
        ensure(6 + charsLeft + 1);
        bytes[size++] = '\\';
        if (escape > 0) {
            bytes[size++] = escape;
        } else {
            bytes[size++] = 'u';
            bytes[size++] = '0';
            bytes[size++] = '0';
            bytes[size++] = HEX[c >> 4];
            bytes[size++] = HEX[c & 0xF];
        }
    }

    void number(long value) {
        if (value >= 0 && value < 10) {
            raw((char) ('0' + value));
        } else {
            raw(Long.toString(value));
        }
    }

    /** Finite values in Jackson's shortest form (same text as before); NaN and infinities as JSON strings. */
    void number(double value) {
        if (Double.isFinite(value)) {
            raw(NumberOutput.toString(value, true));
        } else {
            nonFinite(Double.toString(value));
        }
    }

    void number(float value) {
        if (Float.isFinite(value)) {
            raw(NumberOutput.toString(value, true));
        } else {
            nonFinite(Float.toString(value));
        }
    }

    private void nonFinite(String name) {
        raw('"');
        raw(name);
        raw('"');
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
