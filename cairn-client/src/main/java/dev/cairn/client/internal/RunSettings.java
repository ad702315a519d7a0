package dev.cairn.client.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.CairnException;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Mode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.Names;
import dev.cairn.core.run.ResumeMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link InitOptions} with every gap filled from the environment or a default, validated: what a run
 * actually starts with.
 *
 * @param name    the display name; null when resuming without one (the server keeps the run's name)
 * @param sweepId the sweep that created this run ({@code CAIRN_SWEEP_ID}, set by sweep agents), or null
 */
public record RunSettings(Mode mode, String baseUrl, String apiKey, String entity, String project, String id,
                         ResumeMode resume, String name, String group, String jobType, List<String> tags,
                         String notes, Map<String, Object> config, Path dir, long sampleIntervalMs,
                         boolean captureConsole, long finishTimeoutMs, String sweepId) {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";
    public static final String DEFAULT_PROJECT = "uncategorized";
    public static final long DEFAULT_SAMPLE_INTERVAL_MS = 15_000;
    public static final long DEFAULT_FINISH_TIMEOUT_MS = 30_000;

    /** Fills the gaps in {@code options} from {@code env} (a lookup such as {@code System::getenv}). */
    public static RunSettings resolve(InitOptions options, Function<String, String> env) {
        try {
            Mode mode = options.mode() != null ? options.mode()
                    : present(env.apply("CAIRN_MODE")) ? Mode.parse(env.apply("CAIRN_MODE")) : Mode.ONLINE;
            // Under a sweep agent the run already exists in the sweep's project: the agent's entity and project
            // win over the script's own, or init would make a second run elsewhere.
            boolean isAgentChild = options.id() == null && present(env.apply("CAIRN_RUN_ID"))
                    && present(env.apply("CAIRN_SWEEP_ID"));
            String entity = Names.requireValid("entity", isAgentChild
                    ? firstOf(env.apply("CAIRN_ENTITY"), options.entity(), userEntity(System.getProperty("user.name")))
                    : firstOf(options.entity(), env.apply("CAIRN_ENTITY"), userEntity(System.getProperty("user.name"))));
            String project = Names.requireValid("project", isAgentChild
                    ? firstOf(env.apply("CAIRN_PROJECT"), options.project(), DEFAULT_PROJECT)
                    : firstOf(options.project(), env.apply("CAIRN_PROJECT"), DEFAULT_PROJECT));
            String sweepRunId = env.apply("CAIRN_RUN_ID");
            String id = firstOf(options.id(), sweepRunId, Names.newRunId());
            Names.requireValid("id", id);
            ResumeMode resume = options.resume() != null ? options.resume()
                    : options.id() == null && present(sweepRunId) ? ResumeMode.ALLOW : ResumeMode.NEVER;
            String name = options.name() != null ? options.name()
                    : resume == ResumeMode.NEVER ? Names.memorableName() : null;
            Path dir = options.dir() != null ? options.dir()
                    : Path.of(firstOf(env.apply("CAIRN_DIR"), "cairn-runs"));
            long sampleIntervalMs = options.sampleIntervalMs() != null ? options.sampleIntervalMs()
                    : DEFAULT_SAMPLE_INTERVAL_MS;
            long finishTimeoutMs = options.finishTimeoutMs() != null ? options.finishTimeoutMs()
                    : DEFAULT_FINISH_TIMEOUT_MS;
            if (sampleIntervalMs < 0 || finishTimeoutMs < 0) {
                throw new IllegalArgumentException("sampleIntervalMs and finishTimeoutMs must be 0 or more, not "
                        + sampleIntervalMs + " and " + finishTimeoutMs);
            }
            // A sweep agent captures the child's console itself and says so with CAIRN_CONSOLE=off.
            boolean captureConsole = options.captureConsole() && !"off".equalsIgnoreCase(env.apply("CAIRN_CONSOLE"));
            String sweepId = firstOf(options.sweepId(), env.apply("CAIRN_SWEEP_ID"));
            return new RunSettings(mode, firstOf(options.baseUrl(), env.apply("CAIRN_BASE_URL"), DEFAULT_BASE_URL),
                    firstOf(options.apiKey(), env.apply("CAIRN_API_KEY"), null), entity, project, id, resume, name,
                    options.group(), options.jobType(), options.tags(), options.notes(), configMap(options.config()),
                    dir, sampleIntervalMs, captureConsole, finishTimeoutMs, sweepId);
        } catch (IllegalArgumentException e) {
            throw new CairnException(e.getMessage(), e);
        }
    }

    public boolean isSweepRun() {
        return sweepId != null;
    }

    /** The folder of this run's log: {@code <dir>/runs/<entity>/<project>/<id>}. */
    public Path runDir() {
        return dir.resolve("runs").resolve(entity).resolve(project).resolve(id);
    }

    /** The run's page: {@code <baseUrl>/<entity>/<project>/runs/<id>}. */
    public String url() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/" + entity + "/" + project + "/runs/" + id;
    }

    /** A config given as a Map, a record or a POJO, as a JSON-shaped map (nested objects become maps). */
    static Map<String, Object> configMap(Object config) {
        if (config == null) {
            return new LinkedHashMap<>();
        }
        try {
            return Json.mapper().convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config of type " + config.getClass().getName()
                    + " cannot be turned into a map of values: " + e.getMessage()
                    + "; pass a Map, a record, or an object with getters", e);
        }
    }

    /** The OS user name made into a valid entity: other characters become '_'. */
    static String userEntity(String userName) {
        if (userName == null || userName.isBlank()) {
            return "local";
        }
        String cleaned = userName.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (!Character.isLetterOrDigit(cleaned.charAt(0))) {
            cleaned = "u" + cleaned;
        }
        return cleaned.length() > 128 ? cleaned.substring(0, 128) : cleaned;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The first candidate that is set and not blank, or null. */
    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (present(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
