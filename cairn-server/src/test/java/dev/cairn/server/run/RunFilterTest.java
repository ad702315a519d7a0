package dev.cairn.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.server.http.ApiException;
import dev.cairn.server.store.Dialect;
import org.junit.jupiter.api.Test;

class RunFilterTest {

    @Test
    void user_values_and_keys_are_bound_never_written_into_the_sql() {
        String hostile = "x'; DROP TABLE runs; --";
        Sql sql = RunFilter.compile("{\"name\":\"" + hostile + "\",\"config." + hostile + "\":{\"$regex\":\"" + hostile + "\"}}",
                Dialect.SQLITE);

        assertThat(sql.text()).doesNotContain("DROP");
        assertThat(sql.params()).containsExactly(hostile, "config." + hostile, hostile);
    }

    @Test
    void a_config_condition_is_an_exists_probe_of_run_fields() {
        Sql sql = RunFilter.compile("{\"config.lr\":{\"$gt\":0.001}}", Dialect.POSTGRES);

        assertThat(sql.text()).isEqualTo(
                "EXISTS (SELECT 1 FROM run_fields f WHERE f.run_id = r.id AND f.field = ? AND f.num > ?)");
        assertThat(sql.params()).containsExactly("config.lr", 0.001);
    }

    @Test
    void regex_uses_each_dialects_operator() {
        assertThat(RunFilter.compile("{\"name\":{\"$regex\":\"^a\"}}", Dialect.SQLITE).text()).isEqualTo("r.name REGEXP ?");
        assertThat(RunFilter.compile("{\"name\":{\"$regex\":\"^a\"}}", Dialect.POSTGRES).text()).isEqualTo("r.name ~ ?");
    }

    @Test
    void an_empty_or_missing_filter_matches_everything() {
        assertThat(RunFilter.compile((String) null, Dialect.SQLITE).text()).isEqualTo("1 = 1");
        assertThat(RunFilter.compile("{}", Dialect.SQLITE).text()).isEqualTo("1 = 1");
    }

    @Test
    void negations_stay_two_valued_on_nullable_columns() {
        Sql sql = RunFilter.compile("{\"group\":{\"$ne\":\"g1\"}}", Dialect.SQLITE);

        assertThat(sql.text()).isEqualTo("NOT ((r.group_name IS NOT NULL AND r.group_name = ?))");
    }

    @Test
    void deep_nesting_and_huge_value_lists_are_refused() {
        String deep = "{\"$not\":".repeat(40) + "{}" + "}".repeat(40);
        assertThatThrownBy(() -> RunFilter.compile(deep, Dialect.SQLITE))
                .isInstanceOf(ApiException.BadRequest.class).hasMessageContaining("nested deeper");

        StringBuilder values = new StringBuilder("[0");
        for (int i = 1; i <= FilterAtoms.MAX_IN_VALUES; i++) {
            values.append(',').append(i);
        }
        String many = "{\"config.x\":{\"$in\":" + values + "]}}";
        assertThatThrownBy(() -> RunFilter.compile(many, Dialect.SQLITE))
                .isInstanceOf(ApiException.BadRequest.class).hasMessageContaining("at most " + FilterAtoms.MAX_IN_VALUES);
    }

    @Test
    void times_compare_as_epoch_milliseconds() {
        Sql sql = RunFilter.compile("{\"created_at\":{\"$gte\":\"2026-01-01T00:00:00.500Z\"}}", Dialect.SQLITE);

        assertThat(sql.text()).isEqualTo("r.created_at >= ?");
        assertThat(sql.params()).containsExactly(1767225600500L);
    }
}
