package dev.cairn.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.metrics.store.ChunkCodec;
import dev.cairn.server.metrics.store.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {
    @Test
    void chunks_round_trip_steps_times_and_value_bits_exactly() {
        Random random = new Random(3);
        Points points = new Points(ChunkCodec.CAPACITY);
        long[] specials = {Double.doubleToRawLongBits(Double.NaN), 0x7ff8_0000_dead_beefL,
            Double.doubleToRawLongBits(Double.POSITIVE_INFINITY), Double.doubleToRawLongBits(-0.0)};
        for (int i = 0; i < ChunkCodec.CAPACITY; i++) {
            long step = random.nextInt(10) == 0 ? random.nextInt(1_000_000) : i * 3L;
            long bits = i < specials.length ? specials[i] : Double.doubleToRawLongBits(random.nextGaussian());
            points.add(step, 1_764_072_000_000_000L + random.nextInt(1_000_000), bits);
        }

        Points decoded = new Points(1);
        int count = ChunkCodec.decode(ChunkCodec.encode(points, 0, points.size()), decoded);

        assertThat(count).isEqualTo(points.size());
        for (int i = 0; i < count; i++) {
            assertThat(decoded.step(i)).isEqualTo(points.step(i));
            assertThat(decoded.time(i)).isEqualTo(points.time(i));
            assertThat(decoded.bits(i)).isEqualTo(points.bits(i));
        }
    }

    @Test
    void a_point_costs_about_eleven_bytes_when_steps_and_times_advance_steadily() {
        Points points = new Points(ChunkCodec.CAPACITY);
        for (int i = 0; i < ChunkCodec.CAPACITY; i++) {
            points.add(i, 1_764_072_000_000_000L + i * 1000L, Double.doubleToRawLongBits(Math.sin(i)));
        }

        assertThat(ChunkCodec.encode(points, 0, points.size()).length).isLessThanOrEqualTo(11 * ChunkCodec.CAPACITY + 16);
    }
}
