package dev.cairn.core.sweep;

import java.util.Map;
import java.util.Objects;

/**
 * What a command's macros expand to on the machine that runs the trial.
 *
 * <pre>{@code
 * CommandContext unix = CommandContext.of("python3", System.getenv(), "/tmp/run-7/args.json");
 * CommandContext windows = unix.withoutEnvProgram();    // ${env} disappears, as in W&amp;B
 * }</pre>
 *
 * @param envProgram   what {@code ${env}} expands to; empty to drop it
 * @param interpreter  what {@code ${interpreter}} expands to, e.g. {@code python}
 * @param environment  the variables {@code ${envvar:NAME}} reads
 * @param argsJsonFile the path {@code ${args_json_file}} expands to; the agent writes
 *                     {@link SweepCommand#argsJson} there
 */
public record CommandContext(String envProgram, String interpreter, Map<String, String> environment,
                             String argsJsonFile) {

    public static final String UNIX_ENV = "/usr/bin/env";

    public CommandContext {
        Objects.requireNonNull(envProgram, "envProgram");
        Objects.requireNonNull(interpreter, "interpreter");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(argsJsonFile, "argsJsonFile");
    }

    /** A Unix context: {@code ${env}} is {@code /usr/bin/env}. */
    public static CommandContext of(String interpreter, Map<String, String> environment, String argsJsonFile) {
        return new CommandContext(UNIX_ENV, interpreter, environment, argsJsonFile);
    }

    /** The same context with {@code ${env}} expanding to nothing, as on Windows. */
    public CommandContext withoutEnvProgram() {
        return new CommandContext("", interpreter, environment, argsJsonFile);
    }
}
