package dev.cairn.server.metrics;

import dev.cairn.server.http.ApiException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads request bodies under a size limit: refused from {@code Content-Length} before reading when it is too
 * large, and counted while reading (and while inflating a {@code Content-Encoding: gzip} body), so neither a
 * lying header nor a gzip bomb makes the server hold more than the limit.
 *
 * <pre>{@code
 * byte[] body = RequestBodies.read(ctx, options.maxRequestBytes(), "--max-request-mb");
 * }</pre>
 */
public final class RequestBodies {
    private static final int BUFFER_BYTES = 64 * 1024;

    private RequestBodies() {
    }

    /** The body, gunzipped when so encoded; {@link ApiException.PayloadTooLarge} beyond {@code maxBytes}. */
    public static byte[] read(Context ctx, long maxBytes, String limitName) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes, limitName, "");
        }
        byte[] raw = readLimited(ctx.req().getInputStream(), maxBytes, limitName, "", declared);
        String encoding = ctx.header("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        if (!encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("x-gzip")) {
            throw new ApiException.BadRequest("Content-Encoding '" + encoding + "' is not supported; send gzip or none");
        }
        try (InputStream inflated = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), BUFFER_BYTES)) {
            return readLimited(inflated, maxBytes, limitName, " after gunzip", -1);
        } catch (ZipException | java.io.EOFException e) {
            throw new ApiException.BadRequest("the body is marked Content-Encoding: gzip but is not valid gzip ("
                    + e.getMessage() + ")");
        }
    }

    /** @param expectedBytes the declared length (a batch is megabytes: read into one array of that size), or -1 */
    private static byte[] readLimited(InputStream in, long maxBytes, String limitName, String stage,
                                      long expectedBytes) throws IOException {
        if (expectedBytes > 0 && expectedBytes <= maxBytes) {
            // the declared length, read straight into an array of that size: no growing, no final copy
            byte[] body = new byte[(int) expectedBytes];
            int read = in.readNBytes(body, 0, body.length);
            if (read < body.length || in.read() != -1) {
                throw new ApiException.BadRequest("the body's length does not match its Content-Length of " + expectedBytes);
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER_BYTES);
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(maxBytes, limitName, stage);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static ApiException.PayloadTooLarge tooLarge(long maxBytes, String limitName, String stage) {
        return new ApiException.PayloadTooLarge("the request body is larger than the limit of " + describe(maxBytes)
                + " (" + maxBytes + " bytes" + stage + ", set by " + limitName + "); send less in one request");
    }

    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
