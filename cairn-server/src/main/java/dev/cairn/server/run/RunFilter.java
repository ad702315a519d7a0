package dev.cairn.server.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.store.Dialect;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compiles a MongoDB-style run filter (docs/api.md, "Listing runs") into a SQL condition on
 * {@code runs r}, with every value bound as a parameter. Each condition on a config/summary key or on
 * the tags becomes an {@code EXISTS} probe of {@code run_fields} / {@code run_tags} by primary key.
 *
 * <pre>{@code
 * Sql where = RunFilter.compile("{\"config.lr\":{\"$gt\":0.001},\"state\":\"finished\"}", Dialect.SQLITE);
 * // (EXISTS (SELECT 1 FROM run_fields f WHERE f.run_id = r.id AND f.field = ? AND f.num > ?) AND r.state = ?)
 * }</pre>
 *
 * <p>Every condition it writes is true or false, never SQL NULL, so {@code $not}, {@code $ne} and
 * {@code $nin} match runs that lack the field, as in MongoDB.
 *
 * <p>The same filter compiles in two forms. {@link Form#PROBE} tests one run at a time ({@code EXISTS} by
 * primary key): cheapest when a page walks a sort index and stops after 50 matches. {@link Form#SET}
 * tests membership in the set of matching runs ({@code r.id IN (SELECT ... )} over the value index):
 * cheapest when every run of the project must be tested, as in a count. SQLite does not turn one into
 * the other by itself; PostgreSQL plans both as semi-joins.
 */
final class RunFilter {
    static final int MAX_DEPTH = 32;
    static final int MAX_PARAMS = 5_000;
    private static final String OPERATORS_HELP = "use $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists, $regex or $not";

    /** How conditions on config/summary keys test a run; see the class comment. */
    enum Form { PROBE, SET }

    private final FilterAtoms atoms;

    private RunFilter(Dialect dialect, Long setProjectPk) {
        this.atoms = new FilterAtoms(dialect, setProjectPk);
    }

    /** Reads the {@code filter} query parameter: null when it is absent or blank (every run), 400 when not JSON. */
    static JsonNode parse(String filterJson) {
        if (filterJson == null || filterJson.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(filterJson);
        } catch (JsonProcessingException e) {
            throw new ApiException.BadRequest("filter is not valid JSON (" + e.getOriginalMessage()
                    + "); send a JSON object such as {\"config.lr\":{\"$gt\":0.001}}");
        }
    }

    /** Compiles in the {@link Form#PROBE} form, which needs no project. */
    static Sql compile(String filterJson, Dialect dialect) {
        return compile(parse(filterJson), dialect, Form.PROBE, 0);
    }

    /** Compiles a parsed filter (null: every run) for the runs {@code r} of project {@code projectPk}. */
    static Sql compile(JsonNode filter, Dialect dialect, Form form, long projectPk) {
        if (filter == null) {
            return new Sql().append("1 = 1");
        }
        Sql sql = new RunFilter(dialect, form == Form.SET ? projectPk : null).document(filter, 0);
        if (sql.params().size() > MAX_PARAMS) {
            throw new ApiException.BadRequest("filter has " + sql.params().size() + " values; at most "
                    + MAX_PARAMS + " are allowed, split the query");
        }
        return sql;
    }

    /** A filter document: every key (a field or $and/$or/$not) must hold. */
    private Sql document(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ApiException.BadRequest("filter is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (!node.isObject()) {
            throw new ApiException.BadRequest("filter must be a JSON object such as {\"state\":\"finished\"}, not "
                    + abbreviate(node));
        }
        List<Sql> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "$and" -> parts.add(combine("AND", documents(key, value, depth)));
                case "$or" -> parts.add(combine("OR", documents(key, value, depth)));
                case "$not" -> parts.add(not(document(value, depth + 1)));
                default -> {
                    if (key.startsWith("$")) {
                        throw new ApiException.BadRequest("unknown operator '" + key + "' at the top of a filter;"
                                + " use $and, $or, $not or a field name");
                    }
                    parts.add(field(FieldRef.resolve(key), value, depth + 1));
                }
            }
        }
        return parts.isEmpty() ? new Sql().append("1 = 1") : combine("AND", parts);
    }

    private List<Sql> documents(String operator, JsonNode value, int depth) {
        if (!value.isArray() || value.isEmpty()) {
            throw new ApiException.BadRequest(operator + " takes a non-empty array of filters, not " + abbreviate(value));
        }
        List<Sql> parts = new ArrayList<>();
        for (JsonNode element : value) {
            parts.add(document(element, depth + 1));
        }
        return parts;
    }

    /** The condition on one field: a plain value means $eq, an object holds operators. */
    private Sql field(FieldRef field, JsonNode condition, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ApiException.BadRequest("filter is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (!condition.isObject()) {
            return atoms.eq(field, condition);
        }
        if (condition.isEmpty() || !condition.fieldNames().next().startsWith("$")) {
            throw new ApiException.BadRequest("filter on '" + field.name() + "' has the object " + abbreviate(condition)
                    + "; objects are flattened, so filter on a leaf such as '" + field.name()
                    + ".key', or give operators such as {\"$gt\":1}");
        }
        List<Sql> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            parts.add(operator(field, operator.getKey(), operator.getValue(), depth));
        }
        return combine("AND", parts);
    }

    private Sql operator(FieldRef field, String operator, JsonNode argument, int depth) {
        return switch (operator) {
            case "$eq" -> atoms.eq(field, argument);
            case "$ne" -> not(atoms.eq(field, argument));
            case "$gt" -> atoms.compare(field, ">", operator, argument);
            case "$gte" -> atoms.compare(field, ">=", operator, argument);
            case "$lt" -> atoms.compare(field, "<", operator, argument);
            case "$lte" -> atoms.compare(field, "<=", operator, argument);
            case "$in" -> atoms.in(field, operator, argument);
            case "$nin" -> not(atoms.in(field, operator, argument));
            case "$exists" -> atoms.exists(field, argument);
            case "$regex" -> atoms.regex(field, argument);
            case "$not" -> not(field(field, argument, depth + 1));
            default -> throw new ApiException.BadRequest("unknown operator '" + operator + "' on '" + field.name()
                    + "'; " + OPERATORS_HELP);
        };
    }

    private static Sql combine(String connective, List<Sql> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Sql sql = new Sql().append("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(" " + connective + " ");
            }
            sql.append(parts.get(i));
        }
        return sql.append(")");
    }

    private static Sql not(Sql condition) {
        return new Sql().append("NOT (").append(condition).append(")");
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
