package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpTransportTest {
    @Test
    void batches_to_a_server_on_this_machine_go_uncompressed() {
        assertThat(HttpTransport.isLoopback("http://127.0.0.1:8080")).isTrue();
        assertThat(HttpTransport.isLoopback("http://localhost:8080/")).isTrue();
        assertThat(HttpTransport.isLoopback("http://[::1]:8080")).isTrue();
    }

    @Test
    void batches_to_another_machine_are_gzipped() {
        assertThat(HttpTransport.isLoopback("http://tracker.example.com:8080")).isFalse();
        assertThat(HttpTransport.isLoopback("http://10.0.0.5")).isFalse();
    }
}
