package dev.cairn.client;

import dev.cairn.core.run.ResumeMode;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Cairn#init} starts: where the run goes, what it is called, and how the SDK behaves.
 * Every option is optional; unset ones fall back to environment variables, then to defaults.
 *
 * <pre>{@code
 * InitOptions options = InitOptions.builder()
 *         .project("mnist")
 *         .config(new TrainConfig(0.001, 64))   // a record, a POJO or a Map
 *         .tags("baseline")
 *         .build();
 * }</pre>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>environment</th><th>default</th></tr>
 *   <tr><td>baseUrl</td><td>CAIRN_BASE_URL</td><td>http://127.0.0.1:8080</td></tr>
 *   <tr><td>apiKey</td><td>CAIRN_API_KEY</td><td>none (sent as {@code Authorization: Bearer})</td></tr>
 *   <tr><td>project</td><td>CAIRN_PROJECT</td><td>uncategorized</td></tr>
 *   <tr><td>entity</td><td>CAIRN_ENTITY</td><td>the OS user name</td></tr>
 *   <tr><td>mode</td><td>CAIRN_MODE</td><td>online</td></tr>
 *   <tr><td>dir</td><td>CAIRN_DIR</td><td>./cairn-runs</td></tr>
 *   <tr><td>id, resume</td><td>CAIRN_RUN_ID (set by sweep agents: resume allow)</td><td>a new id, resume never</td></tr>
 *   <tr><td>sweepId</td><td>CAIRN_SWEEP_ID (set by sweep agents)</td><td>none</td></tr>
 *   <tr><td>name</td><td></td><td>a memorable name such as glorious-donkey-58</td></tr>
 *   <tr><td>sampleIntervalMs</td><td></td><td>15,000 (0 turns system metrics off)</td></tr>
 *   <tr><td>captureConsole</td><td>CAIRN_CONSOLE=off turns it off (sweep agents capture instead)</td><td>false</td></tr>
 *   <tr><td>finishTimeoutMs</td><td></td><td>30,000</td></tr>
 * </table>
 */
public final class InitOptions {
    private final String project;
    private final String entity;
    private final String name;
    private final String group;
    private final String jobType;
    private final List<String> tags;
    private final String notes;
    private final Object config;
    private final String id;
    private final ResumeMode resume;
    private final Mode mode;
    private final Path dir;
    private final String baseUrl;
    private final String apiKey;
    private final Long sampleIntervalMs;
    private final boolean captureConsole;
    private final Long finishTimeoutMs;
    private final String sweepId;

    private InitOptions(Builder b) {
        this.project = b.project;
        this.entity = b.entity;
        this.name = b.name;
        this.group = b.group;
        this.jobType = b.jobType;
        this.tags = List.copyOf(b.tags);
        this.notes = b.notes;
        this.config = b.config;
        this.id = b.id;
        this.resume = b.resume;
        this.mode = b.mode;
        this.dir = b.dir;
        this.baseUrl = b.baseUrl;
        this.apiKey = b.apiKey;
        this.sampleIntervalMs = b.sampleIntervalMs;
        this.captureConsole = b.captureConsole;
        this.finishTimeoutMs = b.finishTimeoutMs;
        this.sweepId = b.sweepId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change a few of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.project = project;
        b.entity = entity;
        b.name = name;
        b.group = group;
        b.jobType = jobType;
        b.tags = tags;
        b.notes = notes;
        b.config = config;
        b.id = id;
        b.resume = resume;
        b.mode = mode;
        b.dir = dir;
        b.baseUrl = baseUrl;
        b.apiKey = apiKey;
        b.sampleIntervalMs = sampleIntervalMs;
        b.captureConsole = captureConsole;
        b.finishTimeoutMs = finishTimeoutMs;
        b.sweepId = sweepId;
        return b;
    }

    /** Options with nothing set: everything from the environment and defaults. */
    public static InitOptions defaults() {
        return builder().build();
    }

    public String project() { return project; }
    public String entity() { return entity; }
    public String name() { return name; }
    public String group() { return group; }
    public String jobType() { return jobType; }
    public List<String> tags() { return tags; }
    public String notes() { return notes; }
    /** The config as given: a Map, a record, a POJO, or null. */
    public Object config() { return config; }
    public String id() { return id; }
    public ResumeMode resume() { return resume; }
    public Mode mode() { return mode; }
    public Path dir() { return dir; }
    public String baseUrl() { return baseUrl; }
    public String apiKey() { return apiKey; }
    public Long sampleIntervalMs() { return sampleIntervalMs; }
    public boolean captureConsole() { return captureConsole; }
    public Long finishTimeoutMs() { return finishTimeoutMs; }
    public String sweepId() { return sweepId; }

    /** Builds {@link InitOptions}. Setters return the builder; unset options keep their defaults. */
    public static final class Builder {
        private String project;
        private String entity;
        private String name;
        private String group;
        private String jobType;
        private List<String> tags = List.of();
        private String notes;
        private Object config;
        private String id;
        private ResumeMode resume;
        private Mode mode;
        private Path dir;
        private String baseUrl;
        private String apiKey;
        private Long sampleIntervalMs;
        private boolean captureConsole;
        private Long finishTimeoutMs;
        private String sweepId;

        private Builder() {
        }

        /** The project the run belongs to (created on first use). */
        public Builder project(String project) { this.project = project; return this; }
        /** The user or team that owns the project. */
        public Builder entity(String entity) { this.entity = entity; return this; }
        /** The run's display name. */
        public Builder name(String name) { this.name = name; return this; }
        /** Groups runs that belong together (the workers of one distributed job, say). */
        public Builder group(String group) { this.group = group; return this; }
        /** The kind of run: "train", "eval", ... */
        public Builder jobType(String jobType) { this.jobType = jobType; return this; }
        public Builder tags(String... tags) { this.tags = List.of(tags); return this; }
        public Builder tags(List<String> tags) { this.tags = List.copyOf(tags); return this; }
        public Builder notes(String notes) { this.notes = notes; return this; }
        /** Hyper-parameters: a {@code Map<String, ?>}, or any record or POJO (turned into a map by Jackson). */
        public Builder config(Object config) { this.config = config; return this; }
        /** The run's id: set it to resume a run (with {@link #resume}), or to choose the id of a new one. */
        public Builder id(String id) { this.id = id; return this; }
        /** What to do when the id exists: allow resuming, require it, or refuse (the default). */
        public Builder resume(ResumeMode resume) { this.resume = resume; return this; }
        public Builder mode(Mode mode) { this.mode = mode; return this; }
        /** The folder that holds the local record logs, {@code ./cairn} by default. */
        public Builder dir(Path dir) { this.dir = dir; return this; }
        public Builder baseUrl(String baseUrl) { this.baseUrl = baseUrl; return this; }
        public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }
        /** How often system metrics (CPU, memory, disk, network, GPU) are sampled; 0 turns them off. */
        public Builder sampleIntervalMs(long sampleIntervalMs) { this.sampleIntervalMs = sampleIntervalMs; return this; }
        /** Copies what the program prints on stdout and stderr into the run's console. */
        public Builder captureConsole(boolean captureConsole) { this.captureConsole = captureConsole; return this; }
        /** How long {@link Run#finish} waits for the server to acknowledge every record. */
        public Builder finishTimeoutMs(long finishTimeoutMs) { this.finishTimeoutMs = finishTimeoutMs; return this; }

        /**
         * The sweep whose trial this run is (set from {@code CAIRN_SWEEP_ID} by sweep agents, and by
         * {@link Cairn#agent}): the run then watches for the sweep's stop signal
         * ({@link Run#isStopRequested()}).
         */
        public Builder sweepId(String sweepId) { this.sweepId = sweepId; return this; }

        public InitOptions build() {
            return new InitOptions(this);
        }
    }
}
