package dev.cairn.server.run;

import dev.cairn.server.http.ApiException;
import java.util.List;

/**
 * The order of a run list: one field, ascending or descending ({@code -} prefix), ties broken by creation
 * order. Runs lacking the field come last either way. Each sort is walked as consecutive segments, each an
 * index-ordered query: for a config/summary key the numbers, then the texts, then the runs without it.
 *
 * <pre>{@code
 * RunSort.parse("-summary.acc").segments(project);   // numbers high to low, then texts, then missing
 * }</pre>
 */
record RunSort(String spec, FieldRef field, boolean isDescending) {
    static final String DEFAULT = "-created_at";

    static RunSort parse(String spec) {
        String text = spec == null || spec.isBlank() ? DEFAULT : spec.strip();
        boolean descending = text.startsWith("-");
        String name = descending || text.startsWith("+") ? text.substring(1) : text;
        FieldRef field;
        try {
            field = FieldRef.resolve(name);
        } catch (ApiException.BadRequest e) {
            throw new ApiException.BadRequest("sort '" + text + "': " + e.getMessage() + ", with '-' in front for descending");
        }
        if (field instanceof FieldRef.Tags) {
            throw new ApiException.BadRequest("sort '" + text + "': runs cannot be sorted by tags; filter by them instead");
        }
        return new RunSort(text, field, descending);
    }

    String direction() {
        return isDescending ? "DESC" : "ASC";
    }

    /** The segments in list order, for the runs of one project. */
    List<SortSegment> segments(Project project) {
        if (field instanceof FieldRef.Document document) {
            String join = "run_fields s JOIN runs r ON r.id = s.run_id";
            return List.of(
                    new SortSegment(join, fieldRows(project, document).append(" AND s.num IS NOT NULL"), "s.num", "s.run_id",
                            SortSegment.Kind.NUMBER),
                    new SortSegment(join, fieldRows(project, document).append(" AND s.num IS NULL"), "s.txt", "s.run_id",
                            SortSegment.Kind.TEXT),
                    new SortSegment("runs r", new Sql().append("r.project_id = ").param(project.pk())
                            .append(" AND NOT EXISTS (SELECT 1 FROM run_fields s WHERE s.run_id = r.id AND s.field = ")
                            .param(document.name()).append(")"), null, "r.id", SortSegment.Kind.NONE));
        }
        FieldRef.Column column = (FieldRef.Column) field;
        SortSegment.Kind kind = column.isTime() ? SortSegment.Kind.LONG : SortSegment.Kind.TEXT;
        SortSegment values = new SortSegment("runs r", new Sql().append("r.project_id = ").param(project.pk())
                .append(column.isNullable() ? " AND " + column.qualified() + " IS NOT NULL" : ""),
                column.qualified(), "r.id", kind);
        if (!column.isNullable()) {
            return List.of(values);
        }
        return List.of(values, new SortSegment("runs r", new Sql().append("r.project_id = ").param(project.pk())
                .append(" AND " + column.qualified() + " IS NULL"), null, "r.id", SortSegment.Kind.NONE));
    }

    private static Sql fieldRows(Project project, FieldRef.Document document) {
        return new Sql().append("s.project_id = ").param(project.pk()).append(" AND s.field = ").param(document.name());
    }
}
