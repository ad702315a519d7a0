package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.record.RecordFrames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogTest {
    @TempDir
    Path dir;

    @Test
    void a_new_log_starts_with_the_header_and_reads_back_what_was_appended() throws IOException {
        Path file = dir.resolve("run/records.log");
        try (RecordLog log = RecordLog.open(file)) {
            assertThat(log.recoveredLastSeq()).isZero();
            TestRecords.append(log, 1, 3);
        }
        assertThat(Arrays.copyOf(Files.readAllBytes(file), 8)).isEqualTo(RecordFrames.FILE_HEADER);
        assertThat(TestRecords.seqs(TestRecords.readAll(file))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void the_frames_decode_with_the_shared_record_frames_codec() throws IOException {
        Path file = dir.resolve("records.log");
        try (RecordLog log = RecordLog.open(file)) {
            TestRecords.append(log, 1, 5);
        }
        RecordFrames.Decoded decoded = RecordFrames.decode(Files.readAllBytes(file), RecordFrames.FILE_HEADER.length);
        assertThat(decoded.isClean()).isTrue();
        assertThat(decoded.payloads()).hasSize(5);
    }

    @Test
    void a_torn_tail_is_cut_off_and_appending_continues_after_the_last_whole_record() throws IOException {
        Path file = dir.resolve("records.log");
        try (RecordLog log = RecordLog.open(file)) {
            TestRecords.append(log, 1, 10);
        }
        long cleanSize = Files.size(file);
        byte[] halfFrame = Arrays.copyOf(RecordFrames.encode(new RecordEncoder().encode(TestRecords.history(11))), 20);
        Files.write(file, halfFrame, StandardOpenOption.APPEND);

        try (RecordLog log = RecordLog.open(file)) {
            assertThat(log.recoveredLastSeq()).isEqualTo(10);
            assertThat(log.truncatedBytes()).isEqualTo(20);
            assertThat(Files.size(file)).isEqualTo(cleanSize);
            TestRecords.append(log, 11, 12);
        }
        assertThat(TestRecords.seqs(TestRecords.readAll(file))).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 12).boxed().toList());
    }

    @Test
    void a_corrupt_record_ends_the_log_there() throws IOException {
        Path file = dir.resolve("records.log");
        try (RecordLog log = RecordLog.open(file)) {
            TestRecords.append(log, 1, 3);
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x55; // flips bits inside the last payload: its checksum fails
        Files.write(file, bytes);

        try (RecordLog log = RecordLog.open(file)) {
            assertThat(log.recoveredLastSeq()).isEqualTo(2);
        }
        assertThat(TestRecords.seqs(TestRecords.readAll(file))).containsExactly(1L, 2L);
    }

    @Test
    void a_file_that_is_not_a_record_log_is_refused_not_overwritten() throws IOException {
        Path file = dir.resolve("records.log");
        Files.writeString(file, "hello, this is a text file");
        assertThatThrownBy(() -> RecordLog.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Cairn record log");
        assertThat(Files.readString(file)).isEqualTo("hello, this is a text file");
    }

    @Test
    void the_reader_finds_a_records_position_by_seq() throws IOException {
        Path file = dir.resolve("records.log");
        try (RecordLog log = RecordLog.open(file)) {
            TestRecords.append(log, 5, 9);
        }
        try (RecordLogReader reader = RecordLogReader.open(file)) {
            assertThat(reader.readAt(reader.positionOf(7)).seq()).isEqualTo(7);
            assertThat(reader.readAt(reader.positionOf(1)).seq()).isEqualTo(5);
            assertThat(reader.readAt(reader.positionOf(10))).isNull();
        }
    }

    @Test
    void seq_is_read_from_payloads_that_do_not_start_with_it() throws IOException {
        assertThat(RecordLogReader.seqOf("{\"seq\":42,\"type\":\"history\"}".getBytes())).isEqualTo(42);
        assertThat(RecordLogReader.seqOf("{\"type\":\"history\",\"values\":{\"seq\":1},\"seq\":7}".getBytes()))
                .isEqualTo(7);
        assertThat(RecordLogReader.seqOf("{\"seq\": 8, \"type\":\"exit\"}".getBytes())).isEqualTo(8);
    }
}
