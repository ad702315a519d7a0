package dev.cairn.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frames body ({@code application/vnd.cairn.frames}) with JSON and binary payloads, as docs/records.md lays them out. */
class FramesIngestTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void binary_and_json_records_in_one_gzipped_frames_body_are_all_applied_bit_exact(String store) throws IOException {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            long oddNaN = 0x7ff0_0000_0000_0001L;
            byte[] body = frames(
                    json("{\"seq\":1,\"type\":\"config\",\"time\":1.5,\"values\":{\"lr\":0.01}}"),
                    binary(1, 2, 2.0, 0, new String[] {"loss", "val/acc"}, 0.5, 0.25),
                    binary(1, 3, 3.0, -1, new String[] {"loss", "gr\u00fc\u00dfe"}, Double.longBitsToDouble(oddNaN),
                            Double.NEGATIVE_INFINITY),
                    json("{\"seq\":4,\"type\":\"console\",\"time\":4,\"stream\":\"stdout\",\"line\":0,\"text\":\"epoch 1\"}"),
                    binary(1, 5, 5.0, -1, new String[] {"loss", "gr\u00fc\u00dfe"}, 0.125, 7.0),
                    binary(2, 6, 6.0, -1, new String[] {"cpu_percent"}, 12.5));

            ApiClient.Response answer = postFrames(api, run, gzip(body), true);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("applied").asInt()).isEqualTo(6);
            JsonNode points = api.get(run + "/history?keys=loss,gr%C3%BC%C3%9Fe,val/acc").json().path("points");
            assertThat(points.path("loss")).extracting(p -> p.path("step").asLong()).containsExactly(0L, 1L, 2L);
            assertThat(points.path("loss").get(2).path("value").asDouble()).isEqualTo(0.125);
            assertThat(points.path("gr\u00fc\u00dfe").get(1).path("value").asDouble()).isEqualTo(7.0);
            assertThat(points.path("loss").get(0).path("value").asDouble()).isEqualTo(0.5);
            assertThat(points.path("loss").get(1).path("value").asText()).isEqualTo("NaN");
            assertThat(points.path("gr\u00fc\u00dfe").get(0).path("value").asText()).isEqualTo("-Infinity");
            assertThat(points.path("val/acc").get(0).path("value").asDouble()).isEqualTo(0.25);
            assertThat(api.get(run + "/history?keys=cpu_percent&namespace=system").json()
                    .path("points").path("cpu_percent").get(0).path("value").asDouble()).isEqualTo(12.5);
            assertThat(api.get(run + "/console?from_line=0&limit=10").json().toString()).contains("epoch 1");
            assertThat(RunFixture.json(server, run, "config").path("lr").asDouble()).isEqualTo(0.01);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_damaged_frame_answers_400_naming_it_and_nothing_of_the_batch_is_applied(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            byte[] good = frames(binary(1, 1, 1.0, 0, new String[] {"loss"}, 1.0),
                    binary(1, 2, 2.0, 1, new String[] {"loss"}, 2.0));
            byte[] flipped = good.clone();
            flipped[flipped.length - 1] ^= 1;

            ApiClient.Response corrupt = postFrames(api, run, flipped, false);
            ApiClient.Response cut = postFrames(api, run, Arrays.copyOf(good, good.length - 3), false);

            assertThat(corrupt.status()).isEqualTo(400);
            assertThat(corrupt.errorMessage()).contains("frame 1").contains("CRC-32").contains("nothing of this batch");
            assertThat(cut.status()).isEqualTo(400);
            assertThat(cut.errorMessage()).contains("frame 1").contains("runs past the end");
            assertThat(RunFixture.column(server, run, "last_seq")).isEqualTo("0");
            assertThat(api.get(run + "/history?keys=loss").json().path("points").path("loss")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_malformed_binary_record_answers_400_saying_what_is_wrong(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            byte[] negativeStep = binary(1, 1, 1.0, -5, new String[] {"loss"}, 1.0);
            byte[] valid = binary(1, 1, 1.0, 0, new String[] {"loss"}, 1.0);
            byte[] trailing = Arrays.copyOf(valid, valid.length + 2);
            byte[] unknownType = binary(7, 1, 1.0, 0, new String[] {"loss"}, 1.0);
            byte[] emptyKey = binary(1, 1, 1.0, 0, new String[] {""}, 1.0);

            assertThat(postFrames(api, run, frames(negativeStep), false).errorMessage())
                    .contains("record 0 (seq 1)").contains("'step' must be a non-negative integer");
            assertThat(postFrames(api, run, frames(trailing), false).errorMessage()).contains("10 bytes follow its keys, not the 8");
            assertThat(postFrames(api, run, frames(unknownType), false).errorMessage()).contains("type byte is 7");
            assertThat(postFrames(api, run, frames(valid, json("{\"seq\":2,\"type\":\"hist")), false).errorMessage())
                    .contains("record 1 is not valid JSON");
            ApiClient.Response empty = postFrames(api, run, frames(emptyKey), false);
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.errorMessage()).contains("must be 1-512 characters");
            assertThat(RunFixture.column(server, run, "last_seq")).isEqualTo("0");
        }
    }

    private static ApiClient.Response postFrames(ApiClient api, String run, byte[] body, boolean isGzipped) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(run + "/records"))
                .header("Content-Type", "application/vnd.cairn.frames")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (isGzipped) {
            request.header("Content-Encoding", "gzip");
        }
        return api.send(request);
    }

    /** A binary metric payload laid out by hand from docs/records.md. */
    private static byte[] binary(int type, long seq, double time, long step, String[] keys, double... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).put((byte) type)
                .putLong(seq).putDouble(time).putLong(step).putShort((short) keys.length).array());
        for (String text : keys) {
            byte[] key = text.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(2 + key.length).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) key.length).put(key).array());
        }
        for (double value : values) {
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(Double.doubleToRawLongBits(value)).array());
        }
        return out.toByteArray();
    }

    private static byte[] json(String record) {
        return record.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] frames(byte[]... payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] payload : payloads) {
            CRC32 crc = new CRC32();
            crc.update(payload);
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(payload.length)
                    .putInt((int) crc.getValue()).array());
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }
}
