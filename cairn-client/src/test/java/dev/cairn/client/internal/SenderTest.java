package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender's decisions, step by step on a fake clock: no sleeps, no threads. */
class SenderTest {
    private static final SenderSettings SETTINGS = new SenderSettings(100, 1024 * 1024, 100, 30_000, 100, 2_000);

    @TempDir
    Path dir;
    private final ScriptedApi api = new ScriptedApi();
    private final java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
    private long nowMs = 1_000;
    private RecordLog log;
    private RecordLogReader reader;

    @BeforeEach
    void openLog() throws IOException {
        log = RecordLog.open(dir.resolve("records.log"));
        reader = RecordLogReader.open(log.file());
    }

    @AfterEach
    void closeLog() throws IOException {
        reader.close();
        log.close();
    }

    private Sender sender(byte[] createBody, long serverLastSeq) {
        return new Sender(reader, api, SETTINGS, new Backoff(SETTINGS.retryInitialMs(), SETTINGS.retryMaxMs(), () -> 0.0),
                () -> nowMs, new Warnings(new PrintStream(stderr, true)), new AckFile(dir), createBody, serverLastSeq);
    }

    @Test
    void new_records_wait_for_the_linger_time_then_leave_in_one_batch() throws IOException {
        Sender sender = sender(null, 0);
        TestRecords.append(log, 1, 5);

        assertThat(sender.runOnce()).isEqualTo(100);
        nowMs += 60;
        TestRecords.append(log, 6, 8);
        assertThat(sender.runOnce()).isEqualTo(40);
        assertThat(api.batches).isEmpty();

        nowMs += 40;
        sender.runOnce();

        assertThat(api.batches).containsExactly(seqs(1, 8));
        assertThat(sender.ackedSeq()).isEqualTo(8);
        assertThat(new AckFile(dir).read()).isEqualTo(8);
    }

    @Test
    void a_backlog_goes_out_in_full_batches_back_to_back() throws IOException {
        Sender sender = sender(null, 0);
        TestRecords.append(log, 1, 250);
        sender.runOnce();
        nowMs += 100;

        assertThat(sender.runOnce()).isZero();
        assertThat(sender.runOnce()).isZero();
        assertThat(sender.runOnce()).isEqualTo(100);

        assertThat(api.batches).containsExactly(seqs(1, 100), seqs(101, 200), seqs(201, 250));
    }

    @Test
    void a_flush_sends_without_lingering() throws IOException {
        Sender sender = sender(null, 0);
        TestRecords.append(log, 1, 3);
        sender.requestFlush();

        sender.runOnce();

        assertThat(api.batches).containsExactly(seqs(1, 3));
    }

    @Test
    void an_unreachable_server_is_retried_with_doubling_waits_up_to_the_cap_and_nothing_is_skipped()
            throws IOException {
        Sender sender = sender(null, 0);
        sender.requestFlush();
        TestRecords.append(log, 1, 10);
        for (int i = 0; i < 7; i++) {
            api.unreachable();
        }

        long[] waits = new long[7];
        for (int i = 0; i < 7; i++) {
            waits[i] = sender.runOnce();
            assertThat(sender.runOnce()).as("not due yet").isEqualTo(waits[i]);
            nowMs += waits[i];
        }
        sender.runOnce();

        assertThat(waits).containsExactly(100, 200, 400, 800, 1600, 2000, 2000);
        assertThat(api.batches).hasSize(8).allSatisfy(batch -> assertThat(batch).isEqualTo(seqs(1, 10)));
        assertThat(sender.ackedSeq()).isEqualTo(10);
        assertThat(sender.failures()).isZero();
        assertThat(stderr.toString()).containsOnlyOnce("cannot reach the server at http://scripted");
    }

    @Test
    void a_flush_cuts_a_running_backoff_short_once() throws IOException {
        Sender sender = sender(null, 0);
        TestRecords.append(log, 1, 3);
        api.unreachable().unreachable().unreachable().unreachable();
        sender.runOnce();
        nowMs += 100; // the linger time passes
        for (int i = 0; i < 3; i++) {
            nowMs += sender.runOnce(); // failures 1-3 and their waits
        }
        assertThat(sender.runOnce()).isEqualTo(800); // failure 4
        nowMs += 10;
        assertThat(sender.runOnce()).isEqualTo(790);

        sender.requestFlush();
        sender.runOnce();

        assertThat(api.batches).hasSize(5);
        assertThat(sender.ackedSeq()).isEqualTo(3);
    }

    @Test
    void jitter_shortens_a_wait_by_at_most_a_fifth() {
        Backoff backoff = new Backoff(100, 10_000, () -> 0.999);
        assertThat(backoff.delayMs(1)).isEqualTo(81);
        assertThat(backoff.delayMs(20)).isEqualTo(8002);
    }

    @Test
    void server_errors_and_throttling_are_retried_but_a_refusal_stops_the_sender_and_keeps_the_records()
            throws IOException {
        Sender sender = sender(null, 0);
        sender.requestFlush();
        TestRecords.append(log, 1, 3);
        api.answer(503, "{\"error\":{\"code\":\"store_unavailable\",\"message\":\"db busy\"}}")
                .answer(429, "{}")
                .answer(403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"bad API key\"}}");

        nowMs += sender.runOnce();
        nowMs += sender.runOnce();
        sender.runOnce();

        assertThat(sender.isStopped()).isTrue();
        assertThat(sender.stopReason()).contains("HTTP 403", "bad API key");
        assertThat(stderr.toString()).contains("./cairn sync " + dir);
        assertThat(sender.ackedSeq()).isZero();
        assertThat(TestRecords.readAll(log.file())).hasSize(3);
        sender.runOnce();
        assertThat(api.batches).hasSize(3);
    }

    @Test
    void a_seq_gap_answer_restarts_from_the_seq_the_server_expects() throws IOException {
        Sender sender = sender(null, 0);
        sender.requestFlush();
        TestRecords.append(log, 1, 20);
        sender.runOnce();
        assertThat(sender.ackedSeq()).isEqualTo(20);

        api.lastSeq = 15; // a server restored from an older backup: it expects 16 again
        TestRecords.append(log, 21, 25);
        sender.runOnce();
        sender.runOnce();

        assertThat(api.batches).containsExactly(seqs(1, 20), seqs(21, 25), seqs(16, 25));
        assertThat(api.lastSeq).isEqualTo(25);
    }

    @Test
    void records_the_server_already_has_are_counted_as_duplicates_not_resent_forever() throws IOException {
        Sender sender = sender(null, 0);
        sender.requestFlush();
        TestRecords.append(log, 1, 20);
        api.lastSeq = 12; // sent by an earlier process whose acknowledgement never reached the acked file

        sender.runOnce();

        assertThat(api.batches).containsExactly(seqs(1, 20));
        assertThat(sender.ackedSeq()).isEqualTo(20);
        assertThat(sender.recordsApplied()).isEqualTo(8);
    }

    @Test
    void records_read_ahead_during_a_batch_are_topped_up_with_later_records_into_a_full_batch() throws IOException {
        Sender sender = sender(null, 0);
        sender.requestFlush();
        TestRecords.append(log, 1, 150);

        sender.runOnce(); // sends 1-100 and reads 101-150 while it is in flight
        TestRecords.append(log, 151, 260);
        sender.runOnce();
        sender.runOnce();

        assertThat(api.batches).containsExactly(seqs(1, 100), seqs(101, 200), seqs(201, 260));
        assertThat(sender.ackedSeq()).isEqualTo(260);
    }

    @Test
    void a_failed_batch_is_resent_whole_before_the_records_read_ahead_of_it() throws IOException {
        Sender sender = sender(null, 0);
        sender.requestFlush();
        TestRecords.append(log, 1, 250);
        sender.runOnce();
        api.answer(503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"store busy\"}}");

        sender.runOnce();
        nowMs += 100;
        sender.runOnce();
        sender.runOnce();

        assertThat(api.batches).containsExactly(seqs(1, 100), seqs(101, 200), seqs(101, 200), seqs(201, 250));
        assertThat(sender.ackedSeq()).isEqualTo(250);
    }

    @Test
    void the_sender_rewinds_when_the_server_has_lost_acknowledged_records() throws IOException {
        Sender sender = sender(null, 20);
        sender.requestFlush();
        TestRecords.append(log, 1, 25);
        api.lastSeq = 15;

        sender.runOnce();
        sender.runOnce();

        assertThat(api.batches).containsExactly(seqs(21, 25), seqs(16, 25));
        assertThat(sender.ackedSeq()).isEqualTo(25);
    }

    @Test
    void a_batch_too_large_for_the_server_is_halved() throws IOException {
        Sender sender = sender(null, 0);
        sender.requestFlush();
        TestRecords.append(log, 1, 80);
        api.answer(413, "{\"error\":{\"code\":\"payload_too_large\",\"message\":\"limit 1 MiB\"}}");

        sender.runOnce();
        sender.runOnce();
        sender.runOnce();

        assertThat(api.batches).containsExactly(seqs(1, 80), seqs(1, 40), seqs(41, 80));
    }

    @Test
    void a_run_the_server_did_not_see_at_init_is_created_before_its_records_are_sent() throws IOException {
        Sender sender = sender("{\"id\":\"r1\",\"resume\":\"allow\"}".getBytes(), 0);
        sender.requestFlush();
        TestRecords.append(log, 1, 4);
        api.unreachable();

        nowMs += sender.runOnce();
        sender.runOnce();
        sender.runOnce();

        assertThat(api.calls).containsExactly("create", "create", "records");
        assertThat(api.batches).containsExactly(seqs(1, 4));
    }

    @Test
    void a_refused_deferred_create_stops_with_the_servers_reason() {
        Sender sender = sender("{\"id\":\"r1\",\"resume\":\"must\"}".getBytes(), 0);
        api.answer(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"run r1 does not exist\"}}");

        sender.runOnce();

        assertThat(sender.stopReason()).contains("refused to create the run", "run r1 does not exist");
    }

    @Test
    void an_idle_sender_heartbeats_every_interval() {
        Sender sender = sender(null, 0);
        assertThat(sender.runOnce()).isEqualTo(Sender.IDLE_MS);
        nowMs += 29_999;
        sender.runOnce();
        assertThat(api.calls).isEmpty();

        nowMs += 1;
        sender.runOnce();
        nowMs += 10_000;
        sender.runOnce();

        assertThat(api.calls).containsExactly("heartbeat");
    }

    @Test
    void batches_stop_at_the_byte_limit() throws IOException {
        Sender sender = new Sender(reader, api, new SenderSettings(1000, 120, 0, 30_000, 100, 2_000),
                new Backoff(100, 2000, () -> 0.0), () -> nowMs, new Warnings(new PrintStream(stderr)), null, null, 0);
        TestRecords.append(log, 1, 10); // each frame is 47 bytes: 8 of framing, a 39-byte binary record

        for (int i = 0; i < 8; i++) {
            sender.runOnce();
        }

        assertThat(api.batches).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(batch -> assertThat(batch.size()).isBetween(1, 120 / 47));
        assertThat(api.batches.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(seqs(1, 10));
    }

    private static List<Long> seqs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
