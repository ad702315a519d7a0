package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a project's runs: filtered ({@link RunFilter}), sorted ({@link RunSort}) and paged by keyset
 * ({@link RunCursor}). A page reads its sort segments in order, each with one query that walks an index
 * and stops after the rows it needs, so the first page of 100,000 runs costs about as much as of 100.
 */
final class RunLister {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1_000;
    /** PostgreSQL's error for a pattern its regular-expression engine rejects. */
    private static final String PG_INVALID_REGEX = "2201B";

    private final Database database;
    private final Clock clock;

    RunLister(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A validated list request: what to match, in which order, from where. */
    record Query(Project project, Sql filter, Sql countFilter, RunSort sort, RunCursor cursor, int limit) {
        Query after(RunCursor position) {
            return new Query(project, filter, countFilter, sort, position, limit);
        }

        Query withLimit(int newLimit) {
            return new Query(project, filter, countFilter, sort, null, newLimit);
        }
    }

    /** One page, with the cursor of the next (null on the last page) and, when asked, the number of matches. */
    record Page(Project project, List<RunRow> runs, RunCursor next, Long total) {
        String nextCursor() {
            return next == null ? null : next.encode();
        }
    }

    /** Parses and checks the list parameters; 404 when the project does not exist, 400 naming a bad parameter. */
    Query query(String entity, String projectName, String filter, String sort, String cursor, Integer limit) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw new ApiException.BadRequest("limit " + pageSize + " is out of range; use 1 to " + MAX_LIMIT);
        }
        JsonNode parsed = RunFilter.parse(filter);
        // compiled before the project is looked up: a bad filter answers 400 even for an unknown project
        Sql probe = RunFilter.compile(parsed, database.dialect(), RunFilter.Form.PROBE, 0);
        RunSort order = RunSort.parse(sort);
        Project project = database.withHandle(c -> ProjectStore.require(c, entity, projectName));
        RunCursor after = cursor == null || cursor.isBlank() ? null
                : RunCursor.decode(cursor, order, order.segments(project).size());
        Sql set = RunFilter.compile(parsed, database.dialect(), RunFilter.Form.SET, project.pk());
        return new Query(project, probe, set, order, after, pageSize);
    }

    Page page(Query query, boolean withTotal) {
        return database.withHandle(c -> {
            prepare(c);
            List<SortSegment> segments = query.sort().segments(query.project());
            List<RunRow> rows = new ArrayList<>();
            List<RunCursor> positions = new ArrayList<>();
            int first = query.cursor() == null ? 0 : query.cursor().segment();
            for (int i = first; i < segments.size() && rows.size() <= query.limit(); i++) {
                RunCursor after = i == first ? query.cursor() : null;
                readSegment(c, query, i, segments.get(i), after, query.limit() + 1 - rows.size(), rows, positions);
            }
            RunCursor next = null;
            if (rows.size() > query.limit()) {
                next = positions.get(query.limit() - 1);
                rows = rows.subList(0, query.limit());
            }
            Long total = withTotal ? count(c, query) : null;
            return new Page(query.project(), List.copyOf(rows), next, total);
        });
    }

    long nowMs() {
        return clock.millis();
    }

    private void readSegment(Connection c, Query query, int index, SortSegment segment, RunCursor after, int wanted,
                             List<RunRow> rows, List<RunCursor> positions) throws SQLException {
        String direction = query.sort().direction();
        String compare = query.sort().isDescending() ? " < " : " > ";
        Sql sql = new Sql().append("SELECT " + RunRow.COLUMNS + ", " + (segment.valueExpr() == null ? "NULL" : segment.valueExpr())
                        + " FROM " + segment.from() + " WHERE ")
                .append(segment.where()).append(" AND r.deleted_at IS NULL AND ").append(query.filter());
        if (after != null && segment.valueExpr() != null) {
            sql.append(" AND (" + segment.valueExpr() + ", " + segment.idExpr() + ")" + compare + "(")
                    .param(after.value()).append(", ").param(after.pk()).append(")");
        } else if (after != null) {
            sql.append(" AND " + segment.idExpr() + compare).param(after.pk());
        }
        sql.append(" ORDER BY " + (segment.valueExpr() == null ? "" : segment.valueExpr() + " " + direction + ", ")
                + segment.idExpr() + " " + direction + " LIMIT ").param(wanted);
        try (PreparedStatement statement = sql.prepare(c); ResultSet result = execute(statement)) {
            int valueColumn = RunRow.COLUMN_COUNT + 1;
            while (result.next()) {
                RunRow row = RunRow.read(result);
                rows.add(row);
                positions.add(new RunCursor(query.sort().spec(), index, segment.readValue(result, valueColumn), row.pk()));
            }
        }
    }

    private long count(Connection c, Query query) throws SQLException {
        Sql sql = new Sql().append("SELECT COUNT(*) FROM runs r WHERE r.project_id = ").param(query.project().pk())
                .append(" AND r.deleted_at IS NULL AND ").append(query.countFilter());
        try (PreparedStatement statement = sql.prepare(c); ResultSet result = execute(statement)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void prepare(Connection c) throws SQLException {
        if (database.dialect().isSqlite()) {
            SqliteRegexp.install(c);
        }
    }

    private static ResultSet execute(PreparedStatement statement) throws SQLException {
        try {
            return statement.executeQuery();
        } catch (SQLException e) {
            if (PG_INVALID_REGEX.equals(e.getSQLState())) {
                throw new ApiException.BadRequest("a $regex pattern is not valid for this server's PostgreSQL store: "
                        + e.getMessage());
            }
            throw e;
        }
    }
}
