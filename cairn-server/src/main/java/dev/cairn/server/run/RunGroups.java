package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups every run a listing filter matches by one field, with each group's run count and, per asked field,
 * min / mean / max of its numbers, all computed in SQL: the dashboard's grouped table counts runs it has
 * not loaded.
 *
 * <pre>{@code
 * RunGroups.Result r = groups.of(lister.query("alice", "mnist", null, null, null, null),
 *         "config.optimizer", List.of("summary.acc"), 100);
 * r.groups().get(0).value();            // "adam"
 * r.groups().get(0).stats().get("summary.acc").mean();
 * }</pre>
 *
 * <p>Config and summary values group as the filter compares them: numbers by value, booleans, texts and
 * arrays by their text; runs without the field form the group whose value is null. With {@code tags}, a run
 * is in each of its tags' groups.
 */
final class RunGroups {
    static final int MAX_GROUPS = 1_000;
    static final int MAX_FIELDS = 200;
    /** A boolean leaf is stored as 1/0 with the text true/false: it is not a number to average. */
    private static final String NUMBER = "CASE WHEN f.txt IN ('true', 'false') THEN NULL ELSE f.num END";

    private final Database database;

    RunGroups(Database database) {
        this.database = database;
    }

    /** One group: its value (null: runs without one), run count, and the stats of each asked field it has. */
    record Group(JsonNode value, long count, Map<String, FieldStats> stats) {
    }

    /**
     * A field over one group's runs: how many have it, the value when all runs share it (else null), and
     * min/mean/max over its finite numbers (null when there are none).
     */
    record FieldStats(long count, JsonNode shared, long numbers, Double min, Double mean, Double max) {
    }

    /** The groups, largest first (the null group last), at most {@code limit}; {@code groupCount} counts all. */
    record Result(String groupBy, long runCount, int groupCount, List<Group> groups) {
    }

    Result of(RunLister.Query query, String groupBy, List<String> fields, int limit) {
        FieldRef field = groupField(groupBy);
        for (String name : fields) {
            if (!(FieldRef.resolve(name) instanceof FieldRef.Document)) {
                throw new ApiException.BadRequest("metrics: '" + name + "' is not a config or summary key;"
                        + " name them like \"summary.acc\" or \"config.lr\"");
            }
        }
        return database.withHandle(c -> {
            if (database.dialect().isSqlite()) {
                SqliteRegexp.install(c);
            }
            Map<Key, Group> groups = counts(c, query, field);
            if (!fields.isEmpty() && !groups.isEmpty()) {
                addStats(c, query, field, fields, groups);
            }
            List<Group> ordered = new ArrayList<>(groups.values());
            ordered.sort(Comparator.comparing((Group g) -> g.value().isNull())
                    .thenComparing(Comparator.comparingLong(Group::count).reversed())
                    .thenComparing(g -> g.value().toString()));
            // a run is in exactly one group, except with tags (one per tag, or the null group)
            long runs = field instanceof FieldRef.Tags ? runCount(c, query) : groups.values().stream().mapToLong(Group::count).sum();
            return new Result(groupBy, runs, ordered.size(), List.copyOf(ordered.subList(0, Math.min(limit, ordered.size()))));
        });
    }

    private static FieldRef groupField(String groupBy) {
        FieldRef field;
        try {
            field = FieldRef.resolve(groupBy);
        } catch (ApiException.BadRequest e) {
            throw new ApiException.BadRequest("group_by: " + e.getMessage());
        }
        if (field instanceof FieldRef.Column column
                && (column.isTime() || column.name().equals("id") || column.name().equals("name"))) {
            throw new ApiException.BadRequest("group_by '" + groupBy + "' would put every run in a group of its own;"
                    + " use group, job_type, state, sweep, tags, config.<key> or summary.<key>");
        }
        return field;
    }

    /** A group's identity in SQL: the text (texts, booleans, arrays) and the number (numbers, booleans). */
    private record Key(String text, Double number) {
    }

    /** The matching runs, one row per (run, group): run_id, gtxt, gnum. */
    private static Sql grouped(RunLister.Query query, FieldRef field) {
        Sql sql = new Sql();
        if (field instanceof FieldRef.Document) {
            sql.append("SELECT r.id AS run_id, CASE WHEN g.num IS NULL OR g.txt IN ('true', 'false') THEN g.txt END AS gtxt,"
                    + " g.num AS gnum FROM runs r LEFT JOIN run_fields g ON g.run_id = r.id AND g.field = ").param(field.name());
        } else if (field instanceof FieldRef.Tags) {
            sql.append("SELECT r.id AS run_id, g.tag AS gtxt, CAST(NULL AS DOUBLE PRECISION) AS gnum FROM runs r LEFT JOIN run_tags g ON g.run_id = r.id");
        } else {
            sql.append("SELECT r.id AS run_id, " + ((FieldRef.Column) field).qualified() + " AS gtxt, CAST(NULL AS DOUBLE PRECISION) AS gnum FROM runs r");
        }
        return sql.append(" WHERE r.project_id = ").param(query.project().pk())
                .append(" AND r.deleted_at IS NULL AND ").append(query.countFilter());
    }

    private static Map<Key, Group> counts(Connection c, RunLister.Query query, FieldRef field) throws SQLException {
        Sql sql = new Sql().append("SELECT x.gtxt, x.gnum, COUNT(*) FROM (").append(grouped(query, field))
                .append(") x GROUP BY x.gtxt, x.gnum");
        Map<Key, Group> groups = new LinkedHashMap<>();
        try (PreparedStatement statement = sql.prepare(c); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Key key = new Key(rows.getString(1), number(rows, 2));
                groups.put(key, new Group(valueOf(key), rows.getLong(3), new LinkedHashMap<>()));
            }
        }
        return groups;
    }

    private static void addStats(Connection c, RunLister.Query query, FieldRef field, List<String> fields,
                                 Map<Key, Group> groups) throws SQLException {
        // MIN(txt) = MAX(txt) tells a shared value: COUNT(DISTINCT txt) made the query half as slow again
        Sql sql = new Sql().append("SELECT x.gtxt, x.gnum, f.field, COUNT(*), MIN(f.txt), MAX(f.txt), MIN(f.num),"
                        + " COUNT(" + NUMBER + "), MIN(" + NUMBER + "), AVG(" + NUMBER + "), MAX(" + NUMBER + ") FROM (")
                .append(grouped(query, field))
                .append(") x JOIN run_fields f ON f.run_id = x.run_id AND f.field IN ").paramList(fields)
                .append(" GROUP BY x.gtxt, x.gnum, f.field");
        try (PreparedStatement statement = sql.prepare(c); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Group group = groups.get(new Key(rows.getString(1), number(rows, 2)));
                if (group == null) {
                    continue; // a run that joined the project between the two queries
                }
                long count = rows.getLong(4);
                boolean isShared = count == group.count() && Objects.equals(rows.getString(5), rows.getString(6));
                JsonNode shared = isShared ? valueOf(new Key(rows.getString(5), number(rows, 7))) : null;
                long numbers = rows.getLong(8);
                group.stats().put(rows.getString(3), new FieldStats(count, shared, numbers,
                        number(rows, 9), number(rows, 10), number(rows, 11)));
            }
        }
    }

    private static long runCount(Connection c, RunLister.Query query) throws SQLException {
        Sql sql = new Sql().append("SELECT COUNT(*) FROM runs r WHERE r.project_id = ").param(query.project().pk())
                .append(" AND r.deleted_at IS NULL AND ").append(query.countFilter());
        try (PreparedStatement statement = sql.prepare(c); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Double number(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** The JSON value a key stands for, as a filter would name it. */
    private static JsonNode valueOf(Key key) {
        if (key.text() == null && key.number() == null) {
            return NullNode.getInstance();
        }
        if (key.number() != null) {
            if (Objects.equals(key.text(), "true") || Objects.equals(key.text(), "false")) {
                return BooleanNode.valueOf(key.text().equals("true"));
            }
            double n = key.number();
            return n == Math.rint(n) && Math.abs(n) < 1e15 ? Json.mapper().getNodeFactory().numberNode((long) n)
                    : DoubleNode.valueOf(n);
        }
        if (key.text().startsWith("[")) {
            try {
                JsonNode array = Json.mapper().readTree(key.text());
                if (array != null && array.isArray()) {
                    return array;
                }
            } catch (Exception e) {
                // a text that only looks like an array
            }
        }
        return TextNode.valueOf(key.text());
    }
}
