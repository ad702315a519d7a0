package dev.cairn.server.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A parsed {@code --db} value: empty for the default SQLite file, {@code sqlite:PATH}, or
 * {@code postgresql://user:pass@host:port/db}.
 */
record DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password, Path sqliteFile) {

    static DatabaseUrl parse(String url, Path dataDir) {
        if (url == null || url.isBlank()) {
            return sqlite(dataDir.resolve("cairn.db"));
        }
        if (url.startsWith("sqlite:")) {
            return sqlite(Path.of(url.substring("sqlite:".length())));
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return postgres(url);
        }
        throw new IllegalArgumentException("--db '" + url + "' is not understood: use postgresql://user:pass@host:port/db,"
                + " sqlite:/path/to/file.db, or leave it out for the SQLite file in the data folder");
    }

    private static DatabaseUrl sqlite(Path file) {
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), null, null, file);
    }

    private static DatabaseUrl postgres(String url) {
        URI uri = URI.create(url);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseUrl(Dialect.POSTGRES, jdbc, user, password, null);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The URL with its password hidden, for messages and logs. */
    String describe() {
        return dialect.isSqlite() ? "SQLite " + sqliteFile.toAbsolutePath() : "PostgreSQL " + jdbcUrl;
    }
}
