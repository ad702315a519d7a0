package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveMapTest {
    private final List<Map<String, Object>> changes = new ArrayList<>();
    private final LiveMap map = new LiveMap(Map.of("lr", 0.1), change -> changes.add(new LinkedHashMap<>(change)));

    @Test
    void each_change_is_sent_once_and_reads_see_it() {
        map.put("batch", 64);
        map.putAll(Map.of("lr", 0.01));
        map.remove("batch");
        map.remove("never-set");

        assertThat(map).containsExactly(Map.entry("lr", 0.01));
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).containsEntry("batch", 64);
        assertThat(changes.get(1)).containsEntry("lr", 0.01);
        assertThat(changes.get(2)).containsEntry("batch", null);
    }

    @Test
    void putting_null_removes_the_key_as_on_the_server() {
        map.put("lr", null);
        assertThat(map).isEmpty();
        assertThat(changes.get(0)).containsEntry("lr", null);
    }

    @Test
    void iteration_is_over_a_snapshot_that_cannot_be_changed_behind_the_maps_back() {
        assertThatThrownBy(() -> map.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        map.clear();
        assertThat(changes).containsExactly(java.util.Collections.singletonMap("lr", null));
    }
}
