package dev.cairn.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection that the {@link Database} lends and takes back. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
