package dev.cairn.server.store;

/**
 * The differences between the SQL of SQLite and PostgreSQL, in one place.
 * Migrations are written once with the placeholders below; everything else is shared SQL.
 */
public enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "BLOB", "REAL"),
    POSTGRES("BIGSERIAL PRIMARY KEY", "BYTEA", "DOUBLE PRECISION");

    private final String autoId;
    private final String blobType;
    private final String doubleType;

    Dialect(String autoId, String blobType, String doubleType) {
        this.autoId = autoId;
        this.blobType = blobType;
        this.doubleType = doubleType;
    }

    /** Expands {@code ${id}}, {@code ${blob}} and {@code ${double}} in a migration script. */
    public String expand(String sql) {
        return sql.replace("${id}", autoId).replace("${blob}", blobType).replace("${double}", doubleType);
    }

    public boolean isSqlite() {
        return this == SQLITE;
    }
}
