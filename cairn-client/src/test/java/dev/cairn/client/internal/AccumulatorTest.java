package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AccumulatorTest {
    @Test
    void records_from_many_threads_leave_in_seq_order_without_gaps() throws InterruptedException {
        Accumulator accumulator = new Accumulator(64, 100);
        List<Long> drained = new ArrayList<>();
        Thread writer = new Thread(() -> {
            List<PendingRecord> batch = new ArrayList<>();
            while (accumulator.drainTo(batch, 16, 1000)) {
                batch.forEach(r -> drained.add(r.seq()));
                batch.clear();
            }
            batch.forEach(r -> drained.add(r.seq()));
        });
        writer.start();
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread logger = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    accumulator.append(PendingRecord.ofValues("history", Map.of("x", i), PendingRecord.NO_STEP));
                }
            });
            loggers.add(logger);
            logger.start();
        }
        for (Thread logger : loggers) {
            logger.join();
        }
        accumulator.close();
        writer.join();

        assertThat(drained).containsExactlyElementsOf(LongStream.rangeClosed(101, 4100).boxed().toList());
    }

    @Test
    void after_close_appends_are_refused_but_queued_records_still_drain() {
        Accumulator accumulator = new Accumulator(8, 0);
        accumulator.append(TestRecords.history(0));
        accumulator.close();

        assertThat(accumulator.append(TestRecords.history(0))).isEqualTo(-1);
        List<PendingRecord> batch = new ArrayList<>();
        assertThat(accumulator.drainTo(batch, 8, 0)).isFalse();
        assertThat(batch).extracting(PendingRecord::seq).containsExactly(1L);
    }
}
