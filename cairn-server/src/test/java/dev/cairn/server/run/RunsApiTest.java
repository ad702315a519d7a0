package dev.cairn.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import dev.cairn.server.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunsApiTest {
    private static final String RUNS = "/api/v1/runs/alice/mnist";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_run_created_without_id_or_name_gets_generated_ones_and_its_project(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());

            ApiClient.Response created = api.post(RUNS, "{\"config\":{\"lr\":0.001},\"tags\":[\"baseline\"]}");

            assertThat(created.status()).isEqualTo(201);
            JsonNode run = created.json();
            assertThat(run.path("id").asText()).matches("[a-z0-9]{8}");
            assertThat(run.path("name").asText()).matches("[a-z]+-[a-z]+-\\d+");
            assertThat(run.path("entity").asText()).isEqualTo("alice");
            assertThat(run.path("project").asText()).isEqualTo("mnist");
            assertThat(run.path("state").asText()).isEqualTo("running");
            assertThat(run.path("config").path("lr").asDouble()).isEqualTo(0.001);
            assertThat(run.path("tags").get(0).asText()).isEqualTo("baseline");
            assertThat(run.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(run.path("finished_at").isNull()).isTrue();
            assertThat(run.path("last_seq").asLong()).isZero();
            assertThat(run.path("next_step").asLong()).isZero();
            assertThat(run.path("deleted").asBoolean()).isFalse();

            JsonNode projects = api.get("/api/v1/projects?entity=alice").json().path("projects");
            assertThat(projects).hasSize(1);
            assertThat(projects.get(0).path("name").asText()).isEqualTo("mnist");
            assertThat(projects.get(0).path("run_count").asLong()).isEqualTo(1);
            assertThat(projects.get(0).path("last_activity_at").asText()).isNotEmpty();
            assertThat(api.get("/api/v1/projects?entity=bob").json().path("projects")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void resume_modes_follow_wandb(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());

            ApiClient.Response mustUnknown = api.post(RUNS, "{\"id\":\"r1\",\"resume\":\"must\"}");
            assertThat(mustUnknown.status()).isEqualTo(404);
            assertThat(mustUnknown.errorMessage()).contains("r1");

            assertThat(api.post(RUNS, "{\"id\":\"r1\",\"resume\":\"allow\",\"name\":\"first\"}").status()).isEqualTo(201);

            ApiClient.Response neverTaken = api.post(RUNS, "{\"id\":\"r1\"}");
            assertThat(neverTaken.status()).isEqualTo(409);
            assertThat(neverTaken.errorCode()).isEqualTo("conflict");
            assertThat(neverTaken.errorMessage()).contains("'r1'").contains("resume");

            ApiClient.Response allowed = api.post(RUNS, "{\"id\":\"r1\",\"resume\":\"allow\"}");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.json().path("name").asText()).as("a resume keeps the name").isEqualTo("first");

            assertThat(api.post(RUNS, "{\"id\":\"r1\",\"resume\":\"must\"}").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void resuming_a_finished_run_runs_it_again_and_merges_config(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"r1\",\"config\":{\"lr\":0.1,\"epochs\":3,\"drop\":true}}");
            api.patch(RUNS + "/r1", "{\"state\":\"failed\"}");
            assertThat(api.get(RUNS + "/r1").json().path("finished_at").isNull()).isFalse();

            JsonNode resumed = api.post(RUNS, "{\"id\":\"r1\",\"resume\":\"must\",\"config\":{\"lr\":0.2,\"drop\":null}}").json();

            assertThat(resumed.path("state").asText()).isEqualTo("running");
            assertThat(resumed.path("finished_at").isNull()).isTrue();
            assertThat(resumed.path("exit_code").isNull()).isTrue();
            assertThat(resumed.path("config").toString()).isEqualTo("{\"lr\":0.2,\"epochs\":3}");
            JsonNode listed = api.get(RUNS + "?filter=" + ListingTest.encode("{\"config.lr\":0.2}")).json();
            assertThat(listed.path("total").asLong()).as("the merged config is searchable").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void every_bad_field_answers_400_naming_it(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());

            assertBadRequest(api.post(RUNS, "{\"tags\":\"baseline\"}"), "tags");
            assertBadRequest(api.post(RUNS, "{\"tags\":[1]}"), "tag");
            assertBadRequest(api.post(RUNS, "{\"tags\":[\"" + "t".repeat(65) + "\"]}"), "64");
            assertBadRequest(api.post(RUNS, "{\"name\":\"" + "n".repeat(257) + "\"}"), "name");
            assertBadRequest(api.post(RUNS, "{\"name\":5}"), "name");
            assertBadRequest(api.post(RUNS, "{\"notes\":\"" + "x".repeat(100 * 1024 + 1) + "\"}"), "notes");
            assertBadRequest(api.post(RUNS, "{\"config\":[1,2]}"), "config");
            assertBadRequest(api.post(RUNS, "{\"metadata\":\"gpu\"}"), "metadata");
            assertBadRequest(api.post(RUNS, "{\"group\":7}"), "group");
            assertBadRequest(api.post(RUNS, "{\"job_type\":\"" + "j".repeat(65) + "\"}"), "job_type");
            assertBadRequest(api.post(RUNS, "{\"id\":\"bad id\"}"), "id");
            assertBadRequest(api.post(RUNS, "{\"id\":\"export\"}"), "reserved");
            assertBadRequest(api.post(RUNS, "{\"resume\":\"sometimes\"}"), "resume");
            assertBadRequest(api.post(RUNS, "{\"resume\":\"must\"}"), "id");
            assertBadRequest(api.post(RUNS, "[1]"), "object");
            assertBadRequest(api.post("/api/v1/runs/alice/bad%20project", "{}"), "project");

            ApiClient.Response malformed = api.post(RUNS, "{\"name\": ");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.errorCode()).isEqualTo("bad_json");

            assertThat(api.get("/api/v1/projects").json().path("projects")).as("nothing was created").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void patch_updates_fields_and_merges_config_and_summary(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"r1\",\"group\":\"g\",\"tags\":[\"a\"],\"config\":{\"lr\":0.1}}");

            ApiClient.Response patched = api.patch(RUNS + "/r1", "{\"name\":\"renamed\",\"notes\":\"why\",\"tags\":[\"b\",\"c\"],"
                    + "\"group\":null,\"job_type\":\"train\",\"config\":{\"batch\":32},\"summary\":{\"best\":0.9}}");

            assertThat(patched.status()).isEqualTo(200);
            JsonNode run = patched.json();
            assertThat(run.path("name").asText()).isEqualTo("renamed");
            assertThat(run.path("notes").asText()).isEqualTo("why");
            assertThat(run.path("tags").toString()).isEqualTo("[\"b\",\"c\"]");
            assertThat(run.path("group").isNull()).isTrue();
            assertThat(run.path("job_type").asText()).isEqualTo("train");
            assertThat(run.path("config").toString()).isEqualTo("{\"lr\":0.1,\"batch\":32}");
            assertThat(run.path("summary").path("best").asDouble()).isEqualTo(0.9);
            assertThat(run.path("state").asText()).isEqualTo("running");

            assertBadRequest(api.patch(RUNS + "/r1", "{\"exit_code\":3}"), "state");
            assertBadRequest(api.patch(RUNS + "/r1", "{\"state\":\"failed\",\"exit_code\":1.5}"), "exit_code");
            ApiClient.Response failed = api.patch(RUNS + "/r1", "{\"state\":\"failed\",\"exit_code\":3}");
            assertThat(failed.json().path("state").asText()).isEqualTo("failed");
            assertThat(failed.json().path("exit_code").asInt()).isEqualTo(3);
            assertThat(failed.json().path("finished_at").isNull()).isFalse();

            assertBadRequest(api.patch(RUNS + "/r1", "{\"state\":\"running\"}"), "state");
            assertBadRequest(api.patch(RUNS + "/r1", "{\"summary\":3}"), "summary");
            assertThat(api.patch(RUNS + "/r1", "{\"name\":").errorCode()).isEqualTo("bad_json");
            assertThat(api.patch(RUNS + "/nope", "{}").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_deleted_run_is_hidden_until_restored(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"keep\"}");
            api.post(RUNS, "{\"id\":\"gone\"}");

            assertThat(api.delete(RUNS + "/gone").json().path("deleted").asBoolean()).isTrue();

            assertThat(api.get(RUNS + "/gone").status()).isEqualTo(404);
            assertThat(api.get(RUNS + "/gone?include_deleted=true").json().path("deleted").asBoolean()).isTrue();
            assertThat(ids(api.get(RUNS).json())).containsExactly("keep");
            assertThat(api.get(RUNS).json().path("total").asLong()).isEqualTo(1);
            assertThat(api.get("/api/v1/projects").json().path("projects").get(0).path("run_count").asLong()).isEqualTo(1);
            assertThat(api.delete(RUNS + "/gone").status()).isEqualTo(404);
            assertThat(api.patch(RUNS + "/gone", "{\"name\":\"x\"}").status()).isEqualTo(404);
            assertThat(api.post(RUNS, "{\"id\":\"gone\",\"resume\":\"allow\"}").status()).isEqualTo(409);

            assertThat(api.post(RUNS + "/gone/restore", "").json().path("deleted").asBoolean()).isFalse();

            assertThat(api.get(RUNS + "/gone").status()).isEqualTo(200);
            assertThat(ids(api.get(RUNS + "?sort=id").json())).containsExactly("gone", "keep");
            assertThat(api.post(RUNS + "/never/restore", "").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void unknown_runs_and_projects_answer_404(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"r1\"}");

            ApiClient.Response unknownRun = api.get(RUNS + "/r2");
            assertThat(unknownRun.status()).isEqualTo(404);
            assertThat(unknownRun.errorMessage()).contains("alice/mnist/r2");
            assertThat(api.get("/api/v1/runs/alice/other/r1").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/runs/alice/other").status()).isEqualTo(404);
            assertThat(api.post(RUNS + "/r2/heartbeat", "").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_silent_run_is_marked_crashed_and_comes_back_with_a_heartbeat_or_resume(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"silent\"}");
            api.post(RUNS, "{\"id\":\"done\"}");
            api.patch(RUNS + "/done", "{\"state\":\"finished\"}");
            RunReaper reaper = server.services().runs().reaper();

            assertThat(reaper.runOnce(Instant.now())).as("nothing is silent yet").isZero();
            Instant later = Instant.now().plus(server.services().options().heartbeatTimeout()).plusSeconds(1);
            assertThat(reaper.runOnce(later)).isEqualTo(1);

            JsonNode crashed = api.get(RUNS + "/silent").json();
            assertThat(crashed.path("state").asText()).isEqualTo("crashed");
            assertThat(crashed.path("finished_at").asText()).isEqualTo(crashed.path("heartbeat_at").asText());
            assertThat(api.get(RUNS + "/done").json().path("state").asText()).isEqualTo("finished");

            ApiClient.Response beat = api.post(RUNS + "/silent/heartbeat", "");
            assertThat(beat.json().toString()).contains("\"state\":\"running\"").contains("\"stop\":false");
            assertThat(api.get(RUNS + "/silent").json().path("finished_at").isNull()).isTrue();

            assertThat(reaper.runOnce(later.plus(server.services().options().heartbeatTimeout()))).isEqualTo(1);
            assertThat(api.post(RUNS, "{\"id\":\"silent\",\"resume\":\"allow\"}").json().path("state").asText())
                    .isEqualTo("running");
            assertThat(api.post(RUNS + "/done/heartbeat", "").json().path("state").asText())
                    .as("a heartbeat does not revive a finished run").isEqualTo("finished");
        }
    }

    @Test
    void the_background_check_marks_silent_runs_crashed_on_its_own() throws InterruptedException {
        ServerOptions options = ServerOptions.local(dataDir).withHeartbeatTimeout(Duration.ofMillis(400));
        try (CairnServer server = CairnServer.start(options)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"r1\"}");
            assertThat(server.services().runs().reaper().periodMs()).isEqualTo(100);

            long deadlineMs = System.currentTimeMillis() + 30_000;
            String state = "running";
            while (state.equals("running") && System.currentTimeMillis() < deadlineMs) {
                Thread.sleep(50);
                state = api.get(RUNS + "/r1").json().path("state").asText();
            }

            assertThat(state).isEqualTo("crashed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void projects_count_live_runs_and_show_their_latest_activity(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"r1\"}");
            api.post(RUNS, "{\"id\":\"r2\"}");
            api.post("/api/v1/runs/alice/cifar", "{}");
            api.post("/api/v1/runs/bob/mnist", "{}");
            api.delete(RUNS + "/r2");
            String beat = api.get(RUNS + "/r1").json().path("heartbeat_at").asText();

            JsonNode all = api.get("/api/v1/projects").json().path("projects");
            JsonNode alice = api.get("/api/v1/projects?entity=alice").json().path("projects");

            assertThat(all).hasSize(3);
            assertThat(alice).hasSize(2);
            assertThat(alice.get(0).path("name").asText()).isEqualTo("cifar");
            assertThat(alice.get(1).path("name").asText()).isEqualTo("mnist");
            assertThat(alice.get(1).path("run_count").asLong()).isEqualTo(1);
            assertThat(alice.get(1).path("last_activity_at").asText()).isGreaterThanOrEqualTo(beat);
            assertThat(api.get("/api/v1/projects?entity=no%20such").status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void heartbeats_move_heartbeat_at(String store) throws InterruptedException {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String before = api.post(RUNS, "{\"id\":\"r1\"}").json().path("heartbeat_at").asText();
            waitForClockTick(before);

            api.post(RUNS + "/r1/heartbeat", "");

            assertThat(api.get(RUNS + "/r1").json().path("heartbeat_at").asText()).isGreaterThan(before);
        }
    }

    /** Returns once the wall clock has passed the millisecond of {@code iso}; at most a few ms. */
    private static void waitForClockTick(String iso) throws InterruptedException {
        while (!Instant.now().isAfter(Instant.parse(iso))) {
            Thread.sleep(1);
        }
    }

    static java.util.List<String> ids(JsonNode page) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        page.path("runs").forEach(run -> ids.add(run.path("id").asText()));
        return ids;
    }

    private static void assertBadRequest(ApiClient.Response response, String mentioned) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("bad_request");
        assertThat(response.errorMessage()).contains(mentioned);
    }
}
