package dev.cairn.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts real servers for tests: SQLite in a temporary folder, or PostgreSQL when
 * {@code CAIRN_TEST_PG_URL} names a reachable server ({@code postgresql://user:pass@host:port/db};
 * .ci/run starts one). Each PostgreSQL server gets a fresh database of its own.
 */
public final class TestServers {
    public static final String PG_ENV = "CAIRN_TEST_PG_URL";
    private static final List<String> CREATED_DATABASES = new ArrayList<>();

    static {
        // the servers are closed by then; FORCE ends any connection a failed test left open
        Runtime.getRuntime().addShutdownHook(new Thread(TestServers::dropCreatedDatabases, "drop-test-databases"));
    }

    private TestServers() {
    }

    public static CairnServer sqlite(Path dataDir) {
        return CairnServer.start(ServerOptions.local(dataDir));
    }

    /** A server on a brand-new PostgreSQL database; the test is skipped when no PostgreSQL is configured. */
    public static CairnServer postgres(Path dataDir) {
        return CairnServer.start(ServerOptions.local(dataDir).withDbUrl(freshPostgresDatabase()));
    }

    /** Starts the named store: "sqlite" or "postgresql". */
    public static CairnServer start(String store, Path dataDir) {
        return "postgresql".equals(store) ? postgres(dataDir) : sqlite(dataDir);
    }

    /** Creates an empty database on the configured PostgreSQL server and returns its URL. */
    public static String freshPostgresDatabase() {
        String base = System.getenv(PG_ENV);
        Assumptions.assumeTrue(base != null && !base.isBlank(), PG_ENV + " is not set; PostgreSQL leg skipped");
        String name = "cairn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = adminConnection(base); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + base + ": " + e.getMessage(), e);
        }
        synchronized (CREATED_DATABASES) {
            CREATED_DATABASES.add(name);
        }
        String prefix = base.substring(0, base.lastIndexOf('/') + 1);
        return prefix + name;
    }

    private static void dropCreatedDatabases() {
        String base = System.getenv(PG_ENV);
        List<String> names;
        synchronized (CREATED_DATABASES) {
            names = List.copyOf(CREATED_DATABASES);
        }
        if (base == null || names.isEmpty()) {
            return;
        }
        try (Connection connection = adminConnection(base); Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (java.sql.SQLException e) {
            System.err.println("could not drop test databases " + names + ": " + e.getMessage());
        }
    }

    /** A connection to the database named in {@code CAIRN_TEST_PG_URL}, as its user. */
    private static Connection adminConnection(String base) throws java.sql.SQLException {
        java.net.URI uri = java.net.URI.create(base);
        String[] user = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432) + uri.getPath();
        return DriverManager.getConnection(jdbc, user[0], user.length > 1 ? user[1] : "");
    }
}
