package dev.cairn.server.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQLite's {@code REGEXP} operator, which SQLite leaves to the application: {@code text REGEXP pattern}
 * is true when {@link java.util.regex.Matcher#find()} finds the pattern in the text. PostgreSQL has its
 * own {@code ~}; filters validate patterns with Java's syntax first, which both accept in its common form.
 */
final class SqliteRegexp extends org.sqlite.Function {
    private static final int CACHED_PATTERNS = 64;

    /** Compiled patterns by source, so a filter compiles each pattern once rather than once per row. */
    private final Map<String, Pattern> patterns = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CACHED_PATTERNS;
        }
    };

    private SqliteRegexp() {
    }

    /** Registers {@code REGEXP} on this connection (again: cheap, and pooled connections may be new). */
    static void install(Connection connection) throws SQLException {
        org.sqlite.Function.create(connection, "REGEXP", new SqliteRegexp(), 2, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String pattern = value_text(0);
        String text = value_text(1);
        if (pattern == null || text == null) {
            result(0);
            return;
        }
        Pattern compiled = patterns.computeIfAbsent(pattern, Pattern::compile);
        result(compiled.matcher(text).find() ? 1 : 0);
    }
}
