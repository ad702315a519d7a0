package dev.cairn.bench;

import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import dev.cairn.server.store.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The runs table at scale: a project of 100,000 runs, each with a config and a summary; how long the
 * first page (50 runs) of a filtered list sorted by a summary metric takes through HTTP, median of
 * 20 requests after warm-up. Prints {@code runs.page: X ms}.
 *
 * <pre>{@code
 * RunsBench.run(System.out, null);                                       // SQLite in a temp folder
 * RunsBench.run(System.out, "postgresql://cairn:cairn@127.0.0.1:5432/bench");
 * }</pre>
 */
public final class RunsBench {
    static final int RUNS = 100_000;
    static final int BATCH = 5_000;
    static final int WARMUP_REQUESTS = 10;
    static final int TIMED_REQUESTS = 20;
    static final String FILTER = "{\"config.lr\":{\"$gt\":0.001}}";
    static final String SORT = "-summary.acc";

    private RunsBench() {
    }

    public static void main(String[] args) throws Exception {
        String db = null;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--db")) {
                db = args[i + 1];
            }
        }
        run(System.out, db);
    }

    public static void run(PrintStream out, String dbUrlOrNull) throws Exception {
        Path dataDir = Files.createTempDirectory("cairn-runs-bench");
        try (CairnServer server = CairnServer.start(ServerOptions.local(dataDir).withDbUrl(dbUrlOrNull))) {
            HttpClient http = HttpClient.newHttpClient();
            String runs = server.url() + "/api/v1/runs/bench/runs100k";
            send(http, HttpRequest.newBuilder(URI.create(runs)).POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"seed\"}"))
                    .header("Content-Type", "application/json"), 201);
            insertRuns(server.services().database());

            URI page = URI.create(runs + "?limit=50&sort=" + SORT + "&filter=" + URLEncoder.encode(FILTER, StandardCharsets.UTF_8));
            for (int i = 0; i < WARMUP_REQUESTS; i++) {
                send(http, HttpRequest.newBuilder(page).GET(), 200);
            }
            double[] millis = new double[TIMED_REQUESTS];
            for (int i = 0; i < TIMED_REQUESTS; i++) {
                long startNanos = System.nanoTime();
                send(http, HttpRequest.newBuilder(page).GET(), 200);
                millis[i] = (System.nanoTime() - startNanos) / 1e6;
            }
            Arrays.sort(millis);
            out.printf(Locale.ROOT, "runs.page: %.1f ms%n", millis[TIMED_REQUESTS / 2]);
        } finally {
            deleteTree(dataDir);
        }
    }

    /** Writes the runs straight into the store in batches: setting up 100,000 runs through HTTP would take minutes. */
    private static void insertRuns(Database database) {
        Random random = new Random(42);
        long projectPk = database.withHandle(c -> single(c, "SELECT id FROM projects WHERE entity = 'bench' AND name = 'runs100k'"));
        long firstPk = database.withHandle(c -> single(c, "SELECT MAX(id) FROM runs")) + 1;
        long nowMs = System.currentTimeMillis();
        for (int start = 0; start < RUNS; start += BATCH) {
            int from = start;
            database.inTransaction(c -> {
                try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (id, project_id, run_id, name, tags, state,"
                        + " config, summary, user_summary, created_at, updated_at, heartbeat_at, finished_at)"
                        + " VALUES (?, ?, ?, ?, '[]', 'finished', ?, ?, '{}', ?, ?, ?, ?)");
                     PreparedStatement field = c.prepareStatement(
                             "INSERT INTO run_fields (run_id, project_id, field, num, txt) VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = from; i < from + BATCH; i++) {
                        long pk = firstPk + i;
                        double lr = Math.pow(10, -5 + 4 * random.nextDouble());
                        int batch = 16 << random.nextInt(5);
                        String optimizer = random.nextBoolean() ? "adam" : "sgd";
                        double acc = random.nextDouble();
                        double loss = -Math.log(Math.max(acc, 1e-9));
                        long createdMs = nowMs - (RUNS - i) * 1000L;
                        run.setLong(1, pk);
                        run.setLong(2, projectPk);
                        run.setString(3, String.format(Locale.ROOT, "r%07d", i));
                        run.setString(4, "run-" + i);
                        run.setString(5, String.format(Locale.ROOT, "{\"lr\":%s,\"batch_size\":%d,\"optimizer\":\"%s\"}",
                                lr, batch, optimizer));
                        run.setString(6, String.format(Locale.ROOT, "{\"acc\":%s,\"loss\":%s}", acc, loss));
                        run.setLong(7, createdMs);
                        run.setLong(8, createdMs + 600_000);
                        run.setLong(9, createdMs + 600_000);
                        run.setLong(10, createdMs + 600_000);
                        run.addBatch();
                        addField(field, pk, projectPk, "config.lr", lr, null);
                        addField(field, pk, projectPk, "config.batch_size", (double) batch, null);
                        addField(field, pk, projectPk, "config.optimizer", null, optimizer);
                        addField(field, pk, projectPk, "summary.acc", acc, null);
                        addField(field, pk, projectPk, "summary.loss", loss, null);
                    }
                    run.executeBatch();
                    field.executeBatch();
                }
                return null;
            });
        }
        database.inTransaction(c -> {
            try (Statement statement = c.createStatement()) {
                // no ANALYZE on SQLite: a real server has no statistics either, and the plan must not need them
                if (!database.dialect().isSqlite()) {
                    // explicit ids leave the id sequence behind; later inserts must not collide
                    statement.execute("SELECT setval(pg_get_serial_sequence('runs', 'id'), (SELECT MAX(id) FROM runs))");
                    statement.execute("ANALYZE runs");
                    statement.execute("ANALYZE run_fields");
                }
            }
            return null;
        });
    }

    private static void addField(PreparedStatement field, long pk, long projectPk, String name, Double num, String txt)
            throws SQLException {
        field.setLong(1, pk);
        field.setLong(2, projectPk);
        field.setString(3, name);
        if (num == null) {
            field.setNull(4, java.sql.Types.DOUBLE);
        } else {
            field.setDouble(4, num);
        }
        field.setString(5, txt != null ? txt : Double.toString(num));
        field.addBatch();
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void send(HttpClient http, HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("expected " + expectedStatus + ", got " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }
}
