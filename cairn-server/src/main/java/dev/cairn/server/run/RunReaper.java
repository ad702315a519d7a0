package dev.cairn.server.run;

import dev.cairn.server.live.LiveEvents;
import dev.cairn.server.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks running runs {@code crashed} when their last heartbeat (or record batch) is older than the
 * heartbeat timeout. A crashed run's {@code finished_at} is its last heartbeat, the last moment it was
 * known alive; a later heartbeat or resume brings it back to {@code running}.
 *
 * <pre>{@code
 * int crashed = services.runs().reaper().runOnce(Instant.now());   // what the background task does
 * }</pre>
 */
public final class RunReaper {
    private static final Logger LOG = LoggerFactory.getLogger(RunReaper.class);
    private static final long MAX_PERIOD_MS = 30_000;
    private static final long MIN_PERIOD_MS = 100;

    private final Database database;
    private final Clock clock;
    private final long timeoutMs;
    private final LiveEvents events;

    RunReaper(Database database, Clock clock, Duration timeout, LiveEvents events) {
        this.database = database;
        this.events = events;
        this.clock = clock;
        this.timeoutMs = timeout.toMillis();
    }

    /** How often to check: a quarter of the timeout, so a run is marked at most 25% late, at most 30 s. */
    public long periodMs() {
        return Math.max(MIN_PERIOD_MS, Math.min(timeoutMs / 4, MAX_PERIOD_MS));
    }

    /** Marks every run crashed whose heartbeat is older than {@code now} minus the timeout; returns how many. */
    public int runOnce(Instant now) {
        long cutoffMs = now.toEpochMilli() - timeoutMs;
        List<RunKey> crashed = database.inTransaction(c -> {
            List<RunKey> silent = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT p.entity, p.name, r.run_id FROM runs r JOIN projects p ON p.id = r.project_id"
                            + " WHERE r.state = 'running' AND r.heartbeat_at < ?")) {
                query.setLong(1, cutoffMs);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        silent.add(new RunKey(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE runs SET state = 'crashed', finished_at = heartbeat_at, updated_at = ?"
                            + " WHERE state = 'running' AND heartbeat_at < ?")) {
                update.setLong(1, now.toEpochMilli());
                update.setLong(2, cutoffMs);
                update.executeUpdate();
            }
            return silent;
        });
        crashed.forEach(events::runTouched);
        return crashed.size();
    }

    /** One scheduled check; a failure is logged and the next period tries again. */
    public void runScheduled() {
        try {
            int crashed = runOnce(clock.instant());
            if (crashed > 0) {
                LOG.info("marked {} silent run(s) crashed (no heartbeat for {} ms)", crashed, timeoutMs);
            }
        } catch (RuntimeException e) {
            LOG.warn("crash check failed; retrying in {} ms", periodMs(), e);
        }
    }
}
