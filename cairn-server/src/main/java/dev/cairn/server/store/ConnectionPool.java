package dev.cairn.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed-size pool of JDBC connections, opened lazily. Small on purpose: Cairn needs a handful of
 * connections, and a pool library would add start-up time and a dependency for no gain.
 */
final class ConnectionPool implements AutoCloseable {
    private static final long BORROW_TIMEOUT_MS = 30_000;

    private final DatabaseUrl url;
    private final boolean forWrites;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;
    private boolean closed;

    ConnectionPool(DatabaseUrl url, int size, boolean forWrites) {
        this.url = url;
        this.size = size;
        this.forWrites = forWrites;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    Connection borrow() {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (this) {
            if (closed) {
                throw new StoreException("the database is closed", null);
            }
            if (all.size() < size) {
                Connection opened = open();
                all.add(opened);
                return opened;
            }
        }
        try {
            connection = idle.poll(BORROW_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        if (connection == null) {
            throw new StoreException("no database connection free after " + BORROW_TIMEOUT_MS + " ms", null);
        }
        return connection;
    }

    void giveBack(Connection connection) {
        if (!idle.offer(connection)) {
            closeQuietly(connection);
        }
    }

    private Connection open() {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        try {
            Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
            if (url.dialect().isSqlite()) {
                configureSqlite(connection);
            }
            return connection;
        } catch (SQLException e) {
            throw new StoreException("cannot open " + url.describe() + ": " + e.getMessage(), e);
        }
    }

    private void configureSqlite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            // NORMAL in WAL mode loses nothing when the process dies, only on power loss.
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA busy_timeout=30000");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA cache_size=-65536");
            statement.execute("PRAGMA temp_store=MEMORY");
            if (!forWrites) {
                statement.execute("PRAGMA query_only=ON");
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection connection : all) {
            closeQuietly(connection);
        }
        all.clear();
        idle.clear();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
