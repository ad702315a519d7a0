package dev.cairn.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventBusTest {
    private static LiveEvent event(String project, int n) {
        return new LiveEvent("alice", project, "history", "{\"n\":" + n + "}");
    }

    @Test
    void a_client_that_reads_too_slowly_is_told_to_resync_and_then_hears_new_events() throws Exception {
        EventBus bus = new EventBus(3);
        try (Subscription slow = bus.subscribe("alice", "mnist")) {
            for (int n = 0; n < 10; n++) {
                bus.publish(event("mnist", n)); // returns at once however far behind the client is
            }

            LiveEvent first = slow.next(1000);
            assertThat(first.type()).isEqualTo("resync");
            assertThat(slow.dropped()).isEqualTo(10);

            bus.publish(event("mnist", 10));
            assertThat(slow.next(1000).data()).isEqualTo("{\"n\":10}");
        }
    }

    @Test
    void events_reach_every_client_of_the_project_in_order_and_no_other() throws Exception {
        EventBus bus = new EventBus(100);
        try (Subscription a = bus.subscribe("alice", "mnist"); Subscription b = bus.subscribe("alice", "mnist");
             Subscription other = bus.subscribe("alice", "cifar")) {
            bus.publish(event("mnist", 1));
            bus.publish(event("mnist", 2));

            for (Subscription s : new Subscription[] {a, b}) {
                assertThat(s.next(1000).data()).isEqualTo("{\"n\":1}");
                assertThat(s.next(1000).data()).isEqualTo("{\"n\":2}");
            }
            assertThat(other.next(0)).isNull();
        }
    }

    @Test
    void a_closed_client_no_longer_counts_as_watching() {
        EventBus bus = new EventBus(10);
        Subscription subscription = bus.subscribe("alice", "mnist");
        assertThat(bus.isWatched("alice", "mnist")).isTrue();

        subscription.close();

        assertThat(bus.isWatched("alice", "mnist")).isFalse();
        assertThat(bus.subscriberCount()).isZero();
    }
}
