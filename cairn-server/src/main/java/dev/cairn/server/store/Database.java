package dev.cairn.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQL store behind Cairn: SQLite in WAL mode by default, PostgreSQL for teams.
 * Connections are only reached through scoped calls, so none can leak:
 *
 * <pre>{@code
 * Database db = Database.open("postgresql://cairn:secret@localhost:5432/cairn", dataDir);
 * long runs = db.withHandle(c -> count(c));      // reads, concurrent
 * db.inTransaction(c -> insert(c, run));        // writes, committed or rolled back as a whole
 * }</pre>
 *
 * <p>SQLite allows one writer at a time, so writes go through one connection under a lock while reads
 * use their own connections; PostgreSQL takes writes from every pooled connection.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final ConnectionPool readers;
    private final ConnectionPool writers;
    private final ReentrantLock writeLock;

    private Database(Dialect dialect, ConnectionPool readers, ConnectionPool writers, ReentrantLock writeLock) {
        this.dialect = dialect;
        this.readers = readers;
        this.writers = writers;
        this.writeLock = writeLock;
    }

    /**
     * Opens the store named by {@code url} ({@code null} or empty: {@code cairn.db} in {@code dataDir}) and
     * brings its schema up to date.
     */
    public static Database open(String url, Path dataDir) {
        DatabaseUrl parsed = DatabaseUrl.parse(url, dataDir);
        Database database;
        if (parsed.dialect().isSqlite()) {
            createParentFolder(parsed.sqliteFile());
            database = new Database(Dialect.SQLITE,
                    new ConnectionPool(parsed, 4, false),
                    new ConnectionPool(parsed, 1, true),
                    new ReentrantLock());
        } else {
            ConnectionPool pool = new ConnectionPool(parsed, 8, true);
            database = new Database(Dialect.POSTGRES, pool, pool, null);
        }
        try {
            Migrations.apply(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static void createParentFolder(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs read-only work on a pooled connection in auto-commit mode. */
    public <T> T withHandle(SqlFunction<T> work) {
        Connection connection = readers.borrow();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        } finally {
            readers.giveBack(connection);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlFunction<T> work) {
        if (writeLock != null) {
            writeLock.lock();
        }
        Connection connection = writers.borrow();
        try {
            connection.setAutoCommit(false);
            T result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(connection);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("database write failed: " + e.getMessage(), e);
        } finally {
            restoreAutoCommit(connection);
            writers.giveBack(connection);
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection is discarded by the pool on its next validation
        }
    }

    /** Closes every connection; waits for a write in progress to finish first. */
    @Override
    public void close() {
        if (writeLock != null) {
            writeLock.lock();
        }
        try {
            readers.close();
            writers.close();
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }
}
