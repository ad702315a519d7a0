package dev.cairn.bench;

import dev.cairn.server.run.RunKey;
import dev.cairn.server.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.stream.Stream;

/** Stores for benchmarks: a fresh database (SQLite in a temp folder unless a URL is given) and runs in it. */
final class BenchRuns {
    private BenchRuns() {
    }

    /** A scratch folder for the SQLite file (also given to PostgreSQL stores, which ignore it). */
    static Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp folder", e);
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** Creates {@code entity/project/run} straight in the store, as the runs service would. */
    static RunKey create(Database db, String entity, String project, String run) {
        db.inTransaction(c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO projects (entity, name, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (entity, name) DO NOTHING")) {
                insert.setString(1, entity);
                insert.setString(2, project);
                insert.setLong(3, now);
                insert.setLong(4, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (project_id, run_id, name, state,"
                    + " created_at, updated_at, heartbeat_at) SELECT id, ?, ?, 'running', ?, ?, ? FROM projects"
                    + " WHERE entity = ? AND name = ?")) {
                insert.setString(1, run);
                insert.setString(2, run);
                insert.setLong(3, now);
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.setString(6, entity);
                insert.setString(7, project);
                insert.executeUpdate();
            }
            return null;
        });
        return new RunKey(entity, project, run);
    }
}
