package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.store.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The single conditions of a run filter ({@code field op value}) as SQL on {@code runs r}, one method per
 * operator, each branching on the kind of field. Every condition is true or false, never NULL.
 *
 * <p>Config and summary leaves compare by type, as in MongoDB: a number against {@code run_fields.num},
 * a string against the text of leaves that are not numbers.
 */
final class FilterAtoms {
    static final int MAX_IN_VALUES = 1_000;
    private static final String TRUE = "1 = 1";
    private static final String FALSE = "1 = 0";

    private final Dialect dialect;
    /** Null: probe each run's fields ({@code EXISTS}); else match the set of this project's runs ({@code IN}). */
    private final Long setProjectPk;

    FilterAtoms(Dialect dialect, Long setProjectPk) {
        this.dialect = dialect;
        this.setProjectPk = setProjectPk;
    }

    Sql eq(FieldRef field, JsonNode value) {
        if (field instanceof FieldRef.Document document) {
            if (value.isNull()) {
                return not(fieldExists(document, null));
            }
            return fieldExists(document, documentEquals(document, value));
        }
        if (field instanceof FieldRef.Tags tags) {
            if (value.isNull()) {
                return not(tagExists(null));
            }
            return tagExists(new Sql().append("t.tag = ").param(tagText(tags, "$eq", value)));
        }
        FieldRef.Column column = (FieldRef.Column) field;
        if (value.isNull()) {
            return new Sql().append(column.isNullable() ? column.qualified() + " IS NULL" : FALSE);
        }
        return guarded(column, new Sql().append(column.qualified() + " = ").param(columnValue(column, "$eq", value)));
    }

    Sql compare(FieldRef field, String sqlOperator, String operator, JsonNode value) {
        if (field instanceof FieldRef.Document document) {
            if (value.isNumber()) {
                return fieldExists(document, new Sql().append("f.num " + sqlOperator + " ").param(value.doubleValue()));
            }
            if (value.isTextual()) {
                return fieldExists(document,
                        new Sql().append("f.num IS NULL AND f.txt " + sqlOperator + " ").param(value.textValue()));
            }
            throw new ApiException.BadRequest(operator + " on '" + field.name() + "' compares with a number or a string,"
                    + " not " + RunFilter.abbreviate(value));
        }
        if (field instanceof FieldRef.Tags) {
            throw new ApiException.BadRequest(operator + " does not apply to 'tags'; use $eq, $ne, $in, $nin, $exists"
                    + " or $regex");
        }
        FieldRef.Column column = (FieldRef.Column) field;
        return guarded(column,
                new Sql().append(column.qualified() + " " + sqlOperator + " ").param(columnValue(column, operator, value)));
    }

    Sql in(FieldRef field, String operator, JsonNode values) {
        if (!values.isArray()) {
            throw new ApiException.BadRequest(operator + " on '" + field.name() + "' takes an array of values, not "
                    + RunFilter.abbreviate(values));
        }
        if (values.size() > MAX_IN_VALUES) {
            throw new ApiException.BadRequest(operator + " on '" + field.name() + "' has " + values.size()
                    + " values; at most " + MAX_IN_VALUES + " are allowed");
        }
        if (values.isEmpty()) {
            return new Sql().append(FALSE);
        }
        if (field instanceof FieldRef.Document) {
            return anyOf(field, values);
        }
        List<Object> plain = new ArrayList<>();
        boolean withNull = false;
        for (JsonNode value : values) {
            if (value.isNull()) {
                withNull = true;
            } else if (field instanceof FieldRef.Tags tags) {
                plain.add(tagText(tags, operator, value));
            } else {
                plain.add(columnValue((FieldRef.Column) field, operator, value));
            }
        }
        List<Sql> alternatives = new ArrayList<>();
        if (!plain.isEmpty()) {
            alternatives.add(field instanceof FieldRef.Tags
                    ? tagExists(new Sql().append("t.tag IN ").paramList(plain))
                    : guarded((FieldRef.Column) field,
                            new Sql().append(((FieldRef.Column) field).qualified() + " IN ").paramList(plain)));
        }
        if (withNull) {
            alternatives.add(eq(field, com.fasterxml.jackson.databind.node.NullNode.getInstance()));
        }
        return or(alternatives);
    }

    Sql exists(FieldRef field, JsonNode flag) {
        if (!flag.isBoolean()) {
            throw new ApiException.BadRequest("$exists on '" + field.name() + "' takes true or false, not "
                    + RunFilter.abbreviate(flag));
        }
        Sql present;
        if (field instanceof FieldRef.Document document) {
            present = fieldExists(document, null);
        } else if (field instanceof FieldRef.Tags) {
            present = tagExists(null);
        } else {
            FieldRef.Column column = (FieldRef.Column) field;
            present = new Sql().append(column.isNullable() ? column.qualified() + " IS NOT NULL" : TRUE);
        }
        return flag.booleanValue() ? present : not(present);
    }

    Sql regex(FieldRef field, JsonNode pattern) {
        if (!pattern.isTextual()) {
            throw new ApiException.BadRequest("$regex on '" + field.name() + "' takes a pattern string, not "
                    + RunFilter.abbreviate(pattern));
        }
        try {
            Pattern.compile(pattern.textValue());
        } catch (PatternSyntaxException e) {
            throw new ApiException.BadRequest("$regex on '" + field.name() + "': '" + pattern.textValue()
                    + "' is not a valid regular expression (" + e.getDescription() + ")");
        }
        String match = dialect.isSqlite() ? " REGEXP " : " ~ ";
        if (field instanceof FieldRef.Document document) {
            return fieldExists(document, new Sql().append("f.num IS NULL AND f.txt" + match).param(pattern.textValue()));
        }
        if (field instanceof FieldRef.Tags) {
            return tagExists(new Sql().append("t.tag" + match).param(pattern.textValue()));
        }
        FieldRef.Column column = (FieldRef.Column) field;
        if (column.isTime()) {
            throw new ApiException.BadRequest("$regex does not apply to '" + field.name() + "', a time;"
                    + " use $gte and $lt with ISO-8601 times");
        }
        return guarded(column, new Sql().append(column.qualified() + match).param(pattern.textValue()));
    }

    /** $in on a config/summary leaf: one alternative per value, since each value picks its own comparison. */
    private Sql anyOf(FieldRef field, JsonNode values) {
        List<Sql> alternatives = new ArrayList<>();
        for (JsonNode value : values) {
            alternatives.add(eq(field, value));
        }
        return or(alternatives);
    }

    private static Sql documentEquals(FieldRef.Document field, JsonNode value) {
        if (value.isNumber()) {
            return new Sql().append("f.num = ").param(value.doubleValue());
        }
        if (value.isBoolean()) {
            // booleans are stored as 1/0 with the text true/false; the text tells them from numbers and strings
            return new Sql().append("f.num IS NOT NULL AND f.txt = ").param(value.toString());
        }
        if (value.isTextual()) {
            return new Sql().append("f.num IS NULL AND f.txt = ").param(value.textValue());
        }
        if (value.isArray()) {
            return new Sql().append("f.num IS NULL AND f.txt = ").param(JsonDocs.write(value));
        }
        throw new ApiException.BadRequest("filter on '" + field.name() + "' cannot compare with " + RunFilter.abbreviate(value));
    }

    private Sql fieldExists(FieldRef.Document field, Sql condition) {
        Sql sql = setProjectPk == null
                ? new Sql().append("EXISTS (SELECT 1 FROM run_fields f WHERE f.run_id = r.id AND f.field = ")
                : new Sql().append("r.id IN (SELECT f.run_id FROM run_fields f WHERE f.project_id = ").param(setProjectPk)
                        .append(" AND f.field = ");
        sql.param(field.name());
        if (condition != null) {
            sql.append(" AND ").append(condition);
        }
        return sql.append(")");
    }

    private static Sql tagExists(Sql condition) {
        Sql sql = new Sql().append("EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id");
        if (condition != null) {
            sql.append(" AND ").append(condition);
        }
        return sql.append(")");
    }

    /** A comparison on a nullable column is NULL when the column is; the guard makes it false instead. */
    private static Sql guarded(FieldRef.Column column, Sql comparison) {
        if (!column.isNullable()) {
            return comparison;
        }
        return new Sql().append("(" + column.qualified() + " IS NOT NULL AND ").append(comparison).append(")");
    }

    private static Object columnValue(FieldRef.Column column, String operator, JsonNode value) {
        if (!value.isTextual()) {
            throw new ApiException.BadRequest(operator + " on '" + column.name() + "' compares with "
                    + (column.isTime() ? "an ISO-8601 time such as \"2026-11-25T13:04:32Z\"" : "a string")
                    + ", not " + RunFilter.abbreviate(value));
        }
        if (!column.isTime()) {
            return value.textValue();
        }
        Long epochMs = Times.parseEpochMs(value.textValue());
        if (epochMs == null) {
            throw new ApiException.BadRequest(operator + " on '" + column.name() + "': '" + value.textValue()
                    + "' is not an ISO-8601 time; write it like \"2026-11-25T13:04:32Z\" or \"2026-11-25\"");
        }
        return epochMs;
    }

    private static String tagText(FieldRef.Tags field, String operator, JsonNode value) {
        if (!value.isTextual()) {
            throw new ApiException.BadRequest(operator + " on '" + field.name() + "' compares with a tag string, not "
                    + RunFilter.abbreviate(value));
        }
        return value.textValue();
    }

    private static Sql or(List<Sql> alternatives) {
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        Sql sql = new Sql().append("(");
        for (int i = 0; i < alternatives.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append(alternatives.get(i));
        }
        return sql.append(")");
    }

    private static Sql not(Sql condition) {
        return new Sql().append("NOT (").append(condition).append(")");
    }
}
