package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopWatchTest {
    @Test
    void a_heartbeat_answering_stop_makes_the_stop_request_visible_and_it_stays() throws Exception {
        ScriptedApi api = new ScriptedApi().answer(200, "{\"state\":\"running\",\"stop\":false}")
                .answer(200, "{\"state\":\"running\",\"stop\":true}");
        StopWatch watch = StopWatch.start(api, 1);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!watch.isStopRequested() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(watch.isStopRequested()).isTrue();
            while (api.calls.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(watch.isStopRequested()).as("still, after later beats answered stop:false").isTrue();
        } finally {
            watch.close();
        }
    }

    @Test
    void a_run_outside_a_sweep_is_never_asked_to_stop() {
        assertThat(StopWatch.none().isStopRequested()).isFalse();
    }
}
