package dev.cairn.server.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request's headers announcing a body but not the body itself, and reads the answer: shows that the
 * server refuses an oversized body from its Content-Length alone, before reading it.
 */
final class HeadersOnly {
    private HeadersOnly() {
    }

    /** The raw response (status line, headers, body) to {@code method path} announcing {@code contentLength}. */
    static String send(String baseUrl, String method, String path, long contentLength) throws IOException {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Length: "
                    + contentLength + "\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
