package dev.cairn.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database's schema up to date with the numbered scripts in {@code db/migration}
 * ({@code V1__name.sql}, {@code V2__name.sql}, ...), each applied once, in order, in its own transaction.
 *
 * <p>Why not Flyway: its SQLite support is a separate module, its start-up costs about a second of the
 * three the server may take, and Cairn needs only ordered scripts with two dialect placeholders
 * ({@link Dialect#expand}). The scripts are listed in {@code db/migration/index.txt} because a jar cannot
 * be listed reliably. A script that is released is never edited again: changes go into a new script.
 */
final class Migrations {
    private static final String FOLDER = "db/migration/";
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    /** Serialises migrations of several servers starting on one PostgreSQL database. */
    private static final long POSTGRES_LOCK_KEY = 0x6361_6972_6e00L;

    private Migrations() {
    }

    static void apply(Database database) {
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            }
            return null;
        });
        for (String script : scripts()) {
            int version = versionOf(script);
            database.inTransaction(connection -> {
                lockIfPostgres(database.dialect(), connection);
                if (!isApplied(connection, version)) {
                    run(connection, database.dialect().expand(read(script)));
                    markApplied(connection, version, script);
                }
                return null;
            });
        }
    }

    private static List<String> scripts() {
        List<String> scripts = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                if (!FILE_NAME.matcher(name).matches()) {
                    throw new IllegalStateException("migration " + name + " is not named V<n>__<words>.sql");
                }
                scripts.add(name);
            }
        }
        return scripts;
    }

    private static int versionOf(String script) {
        Matcher matcher = FILE_NAME.matcher(script);
        if (!matcher.matches()) {
            throw new IllegalStateException(script);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static void lockIfPostgres(Dialect dialect, Connection connection) throws SQLException {
        if (!dialect.isSqlite()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + POSTGRES_LOCK_KEY + ")");
            }
        }
    }

    private static boolean isApplied(Connection connection, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM schema_version WHERE version = ?")) {
            query.setInt(1, version);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void run(Connection connection, String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*(\\n|$)")) {
                String withoutComments = sql.replaceAll("(?m)^\\s*--.*$", "").strip();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
        }
    }

    private static void markApplied(Connection connection, int version, String script) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, script);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }
}
