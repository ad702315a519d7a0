package dev.cairn.server.run;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One part of a sorted run list that a single index-ordered query returns: the rows {@code from} where
 * {@code where} holds, ordered by {@code valueExpr} (absent for runs lacking the field) and then by
 * {@code idExpr}, the run's internal key.
 */
record SortSegment(String from, Sql where, String valueExpr, String idExpr, Kind kind) {

    /** The type of the sort value, as a cursor carries it. */
    enum Kind { NUMBER, TEXT, LONG, NONE }

    /** The sort value of the current row, selected as the column after {@link RunRow#COLUMNS}. */
    Object readValue(ResultSet rows, int column) throws SQLException {
        return switch (kind) {
            case NUMBER -> rows.getDouble(column);
            case TEXT -> rows.getString(column);
            case LONG -> rows.getLong(column);
            case NONE -> null;
        };
    }
}
