package dev.cairn.server.run;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text with its bound parameters, built up piece by piece. User input only ever enters as a
 * parameter ({@link #param}); {@link #append} takes text written in this package.
 *
 * <pre>{@code
 * Sql where = new Sql().append("r.name = ").param("resnet");   // "r.name = ?" with ["resnet"]
 * }</pre>
 */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Sql append(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends a {@code ?} bound to {@code value}: a String, Long, Integer or Double. */
    Sql param(Object value) {
        if (!(value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double)) {
            throw new IllegalArgumentException("unsupported SQL parameter " + value);
        }
        text.append('?');
        params.add(value);
        return this;
    }

    /** Appends {@code (?, ?, ...)} for the values. */
    Sql paramList(List<?> values) {
        text.append('(');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            param(values.get(i));
        }
        text.append(')');
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> params() {
        return Collections.unmodifiableList(params);
    }

    PreparedStatement prepare(java.sql.Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text());
        try {
            bind(statement);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof String s) {
                statement.setString(i + 1, s);
            } else if (value instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else {
                statement.setDouble(i + 1, (Double) value);
            }
        }
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
