package dev.cairn.client.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepRefTest {
    @Test
    void a_full_path_names_entity_project_and_sweep() {
        assertThat(SweepRef.parse("alice/mnist/sw4k2p9q", "bob", "other"))
                .isEqualTo(new SweepRef("alice", "mnist", "sw4k2p9q"));
    }

    @Test
    void a_bare_id_takes_the_entity_and_project_given() {
        assertThat(SweepRef.parse("sw4k2p9q", "alice", "mnist").path()).isEqualTo("alice/mnist/sw4k2p9q");
        assertThat(SweepRef.parse("mnist/sw4k2p9q", "alice", null).path()).isEqualTo("alice/mnist/sw4k2p9q");
    }

    @Test
    void a_bare_id_without_a_project_says_how_to_give_one() {
        assertThatThrownBy(() -> SweepRef.parse("sw4k2p9q", "alice", null))
                .hasMessageContaining("has no project").hasMessageContaining("--project or CAIRN_PROJECT");
        assertThatThrownBy(() -> SweepRef.parse("a/b/c/d", "alice", "mnist"))
                .hasMessageContaining("entity/project/sweep_id");
    }

    @Test
    void only_a_trial_or_a_terminal_state_ends_the_waiting() {
        assertThat(new NextTrial("paused", null, Map.of()).isSweepOver()).isFalse();
        assertThat(new NextTrial("running", null, Map.of()).isSweepOver()).isFalse();
        assertThat(new NextTrial("finished", null, Map.of()).isSweepOver()).isTrue();
        assertThat(new NextTrial("canceled", null, Map.of()).isSweepOver()).isTrue();
        assertThat(new NextTrial("running", "k3x9q2ab", Map.of("lr", 0.1)).hasRun()).isTrue();
    }
}
