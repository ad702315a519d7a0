package dev.cairn.cli;

import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn server}: runs the tracking server in the foreground until Ctrl-C or SIGTERM, which stop
 * it cleanly (requests in flight finish, the store is closed).
 */
@Command(name = "server", description = "Start the Cairn server in the foreground (Ctrl-C stops it).")
final class ServerCommand implements Callable<Integer> {
    static final String DATA_ENV = "CAIRN_DATA";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:" + DATA_ENV + ":-${sys:user.home}/.cairn}",
            description = "data folder: the SQLite file and run files (default: $" + DATA_ENV + " or ~/.cairn)")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "postgresql://user:pass@host:port/db, or sqlite:/path/file.db (default: cairn.db in the data folder)")
    String dbUrl;

    @Option(names = "--heartbeat-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "a running run silent this long is marked crashed (default: ${DEFAULT-VALUE})")
    long heartbeatTimeoutSeconds;

    @Option(names = "--max-request-mb", paramLabel = "MB", defaultValue = "64",
            description = "largest request body accepted, in MiB (default: ${DEFAULT-VALUE})")
    int maxRequestMb;

    @Option(names = "--max-blob-mb", paramLabel = "MB", defaultValue = "16384",
            description = "largest artifact file accepted in one upload, in MiB (default: ${DEFAULT-VALUE})")
    long maxBlobMb;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = options();
        CairnServer server = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter out = spec.commandLine().getOut();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("Cairn stopped.");
            out.flush();
            stopped.countDown();
        }, "cairn-shutdown"));
        out.println("Cairn is running at " + server.url() + " (store: " + describeStore() + ")");
        out.println("Stop it with Ctrl-C.");
        if (!isLoopback(host)) {
            spec.commandLine().getErr().println("warning: bound to " + host + ", reachable from other machines;"
                    + " API keys are not enforced yet, so anyone who can reach this port can read and write runs.");
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private ServerOptions options() {
        if (port < 0 || port > 65535) {
            throw usage("--port " + port + " is out of range: use 0-65535 (0 picks a free port)");
        }
        if (heartbeatTimeoutSeconds <= 0) {
            throw usage("--heartbeat-timeout " + heartbeatTimeoutSeconds + " must be a positive number of seconds");
        }
        if (maxBlobMb <= 0) {
            throw usage("--max-blob-mb " + maxBlobMb + " must be a positive number of MiB");
        }
        if (maxRequestMb <= 0) {
            throw usage("--max-request-mb " + maxRequestMb + " must be a positive number of MiB");
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw usage("--host '" + host + "' is not a known address; use 127.0.0.1 (this machine only) or 0.0.0.0 (all)");
        }
        return new ServerOptions(host, port, dataDir.toAbsolutePath(), dbUrl,
                Duration.ofSeconds(heartbeatTimeoutSeconds), maxRequestMb * 1024L * 1024L, maxBlobMb * 1024L * 1024L);
    }

    private CairnServer start(ServerOptions options) {
        try {
            return CairnServer.start(options);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());   // an option value the server cannot use, such as a --db it does not know
        } catch (RuntimeException e) {
            BindException bindFailure = causeOfType(e, BindException.class);
            if (bindFailure != null && String.valueOf(bindFailure.getMessage()).contains("already in use")) {
                throw new CliException("port " + port + " on " + host + " is already in use — stop the program using it,"
                        + " or start Cairn on another port with --port");
            }
            if (bindFailure != null) {
                throw new CliException("cannot listen on " + host + ":" + port + " (" + bindFailure.getMessage() + ");"
                        + " --host must be an address of this machine: 127.0.0.1 (this machine only) or 0.0.0.0 (all)");
            }
            throw new CliException("the server could not start: " + e.getMessage(), e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The store in words, without any password: "SQLite /root/.cairn/cairn.db", "PostgreSQL db.local:5432/cairn". */
    private String describeStore() {
        if (dbUrl == null || dbUrl.isBlank()) {
            return "SQLite " + dataDir.toAbsolutePath().resolve("cairn.db").normalize();
        }
        if (dbUrl.startsWith("sqlite:")) {
            return "SQLite " + Path.of(dbUrl.substring("sqlite:".length())).toAbsolutePath().normalize();
        }
        URI uri = URI.create(dbUrl);
        return "PostgreSQL " + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432) + uri.getPath();
    }
}
