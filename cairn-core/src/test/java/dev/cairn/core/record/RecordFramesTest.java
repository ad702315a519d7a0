package dev.cairn.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordFramesTest {

    private static byte[] log(String... payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RecordFrames.FILE_HEADER);
        for (String payload : payloads) {
            RecordFrames.encodeTo(out, payload.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Test
    void frames_written_are_read_back_in_order() {
        byte[] bytes = log("{\"seq\":1}", "{\"seq\":2}");

        RecordFrames.Decoded decoded = RecordFrames.decode(bytes, RecordFrames.FILE_HEADER.length);

        assertThat(decoded.payloads()).extracting(RecordFramesTest::text).containsExactly("{\"seq\":1}", "{\"seq\":2}");
        assertThat(decoded.isClean()).isTrue();
        assertThat(decoded.endOffset()).isEqualTo(bytes.length);
    }

    @Test
    void a_torn_last_frame_ends_the_log_without_losing_earlier_records() {
        byte[] whole = log("{\"seq\":1}", "{\"seq\":2}");
        byte[] torn = Arrays.copyOf(whole, whole.length - 3);

        RecordFrames.Decoded decoded = RecordFrames.decode(torn, RecordFrames.FILE_HEADER.length);

        assertThat(decoded.payloads()).extracting(RecordFramesTest::text).containsExactly("{\"seq\":1}");
        assertThat(decoded.isClean()).isFalse();
        assertThat(decoded.endOffset()).isEqualTo(RecordFrames.FILE_HEADER.length + 8 + 9);
    }

    @Test
    void a_flipped_bit_is_caught_by_the_checksum() {
        byte[] bytes = log("{\"seq\":1}", "{\"seq\":2}");
        bytes[bytes.length - 2] ^= 0x01;

        RecordFrames.Decoded decoded = RecordFrames.decode(bytes, RecordFrames.FILE_HEADER.length);

        assertThat(decoded.payloads()).hasSize(1);
        assertThat(decoded.isClean()).isFalse();
    }

    @Test
    void the_checksum_is_zlib_crc32_so_python_writes_the_same_bytes() {
        // zlib.crc32(b"hello") == 0x3610a686 in Python
        byte[] frame = RecordFrames.encode("hello".getBytes(StandardCharsets.US_ASCII));

        assertThat(Arrays.copyOfRange(frame, 0, 8))
                .containsExactly(5, 0, 0, 0, 0x86, 0xa6, 0x10, 0x36);
    }

    @Test
    void log_files_are_recognised_by_their_header() {
        assertThat(RecordFrames.hasFileHeader(log())).isTrue();
        assertThat(RecordFrames.hasFileHeader("{}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
