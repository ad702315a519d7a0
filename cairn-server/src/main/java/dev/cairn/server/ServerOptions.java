package dev.cairn.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link CairnServer} is started.
 *
 * @param host              address to bind; 127.0.0.1 by default
 * @param port              0 picks a free port
 * @param dataDir           folder for the SQLite file and run files
 * @param dbUrl             null for SQLite in {@code dataDir}, or {@code postgresql://user:pass@host:port/db}
 * @param heartbeatTimeout  a running run silent for this long is marked crashed
 * @param maxRequestBytes   largest request body accepted (413 beyond)
 * @param maxBlobBytes      largest artifact file accepted in one upload (413 beyond)
 */
public record ServerOptions(String host, int port, Path dataDir, String dbUrl, Duration heartbeatTimeout,
                            long maxRequestBytes, long maxBlobBytes) {

    public static final long DEFAULT_MAX_REQUEST_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_MAX_BLOB_BYTES = 16L * 1024 * 1024 * 1024;

    /** Options with the default limit on artifact files. */
    public ServerOptions(String host, int port, Path dataDir, String dbUrl, Duration heartbeatTimeout,
                         long maxRequestBytes) {
        this(host, port, dataDir, dbUrl, heartbeatTimeout, maxRequestBytes, DEFAULT_MAX_BLOB_BYTES);
    }

    /** Loopback on a free port, SQLite in {@code dataDir}: what tests and benchmarks use. */
    public static ServerOptions local(Path dataDir) {
        return new ServerOptions("127.0.0.1", 0, dataDir, null, Duration.ofMinutes(5), DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_BLOB_BYTES);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, dataDir, dbUrl, heartbeatTimeout, maxRequestBytes, maxBlobBytes);
    }

    public ServerOptions withDbUrl(String newDbUrl) {
        return new ServerOptions(host, port, dataDir, newDbUrl, heartbeatTimeout, maxRequestBytes, maxBlobBytes);
    }

    public ServerOptions withHeartbeatTimeout(Duration timeout) {
        return new ServerOptions(host, port, dataDir, dbUrl, timeout, maxRequestBytes, maxBlobBytes);
    }

    public ServerOptions withMaxRequestBytes(long bytes) {
        return new ServerOptions(host, port, dataDir, dbUrl, heartbeatTimeout, bytes, maxBlobBytes);
    }

    public ServerOptions withMaxBlobBytes(long bytes) {
        return new ServerOptions(host, port, dataDir, dbUrl, heartbeatTimeout, maxRequestBytes, bytes);
    }
}
