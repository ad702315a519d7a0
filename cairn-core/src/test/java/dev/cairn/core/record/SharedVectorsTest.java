package dev.cairn.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record-log vectors in clients/python/tests/vectors, which the Python client's tests write byte
 * for byte: the Java framing must produce and read the very same files.
 */
class SharedVectorsTest {
    private static final Path VECTORS = Path.of("..", "clients", "python", "tests", "vectors");

    private static List<byte[]> payloads() throws Exception {
        List<byte[]> payloads = new ArrayList<>();
        for (String line : Files.readAllLines(VECTORS.resolve("payloads.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                payloads.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return payloads;
    }

    @Test
    void java_frames_the_shared_payloads_into_the_exact_bytes_python_writes() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.writeBytes(RecordFrames.FILE_HEADER);
        for (byte[] payload : payloads()) {
            RecordFrames.encodeTo(log, payload);
        }

        assertThat(log.toByteArray()).isEqualTo(Files.readAllBytes(VECTORS.resolve("records.log")));
    }

    @Test
    void java_reads_the_python_log_back_as_the_same_records() throws Exception {
        byte[] log = Files.readAllBytes(VECTORS.resolve("records.log"));

        RecordFrames.Decoded decoded = RecordFrames.decode(log, RecordFrames.FILE_HEADER.length);

        List<byte[]> expected = payloads();
        assertThat(decoded.isClean()).isTrue();
        assertThat(decoded.payloads()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode read = Json.mapper().readTree(decoded.payloads().get(i));
            assertThat(read).isEqualTo(Json.mapper().readTree(expected.get(i)));
        }
    }

    @Test
    void the_torn_python_log_ends_where_the_whole_one_ends() throws Exception {
        byte[] torn = Files.readAllBytes(VECTORS.resolve("torn.log"));

        RecordFrames.Decoded decoded = RecordFrames.decode(torn, RecordFrames.FILE_HEADER.length);

        assertThat(decoded.isClean()).isFalse();
        assertThat(decoded.payloads()).hasSize(payloads().size());
        assertThat(decoded.endOffset()).isEqualTo(Files.size(VECTORS.resolve("records.log")));
    }
}
