package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn sweep FILE}: creates a sweep from a W&amp;B-format sweep file and prints the command that
 * starts an agent on it; its subcommands steer and show sweeps.
 *
 * <pre>{@code
 * ./cairn sweep sweep.yaml --project mnist      # prints the id and: ./cairn agent alice/mnist/sw4k2p9q
 * ./cairn sweep pause alice/mnist/sw4k2p9q
 * ./cairn sweep show alice/mnist/sw4k2p9q          # state, counts, best run and its parameters
 * ./cairn sweep delete alice/mnist/sw4k2p9q --runs # the sweep, and its runs to the trash
 * }</pre>
 */
@Command(name = "sweep", description = "Create a sweep from a sweep file (YAML or JSON), or steer one.",
        subcommands = {SweepControlCommands.Pause.class, SweepControlCommands.Resume.class,
                SweepControlCommands.Stop.class, SweepControlCommands.Cancel.class, SweepListCommand.class,
                SweepShowCommand.class, SweepDeleteCommand.class})
final class SweepCli implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "the sweep file; its project and entity keys are used when --project/--entity are not given")
    Path file;

    @Mixin
    SweepTarget target;

    @Override
    public Integer call() {
        if (file == null) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return CommandLine.ExitCode.USAGE;
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException("no sweep file " + file.toAbsolutePath() + "; give the path of a YAML or JSON sweep file");
        } catch (IOException e) {
            throw new CliException("cannot read the sweep file " + file + ": " + e.getMessage(), e);
        }
        Map<?, ?> keys = topLevelKeys(text);
        String entity = target.entity != null && !target.entity.isBlank() ? target.entity
                : keys.get("entity") instanceof String e ? e : target.entityOrUser();
        String project = target.project() != null ? target.project()
                : keys.get("project") instanceof String p ? p : null;
        if (project == null) {
            throw new CliException("which project is the sweep for? pass --project P (or set $CAIRN_PROJECT, "
                    + "or a project: key in " + file + ")");
        }
        JsonNode sweep = target.call(() -> target.client().create(entity, project, text));
        String path = sweep.path("entity").asText(entity) + "/" + sweep.path("project").asText(project) + "/"
                + sweep.path("id").asText();
        PrintWriter out = spec.commandLine().getOut();
        out.println("created sweep " + path + " (" + sweep.path("method").asText() + ")");
        out.println("run an agent, on as many machines as you like, with:");
        out.println("  ./cairn agent " + path);
        return 0;
    }

    /** The file's top-level keys, for {@code project} and {@code entity}; the server validates the rest. */
    private static Map<?, ?> topLevelKeys(String text) {
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return parsed instanceof Map<?, ?> map ? map : Map.of();
        } catch (RuntimeException e) {
            return Map.of(); // the server reports the syntax error with its line and column
        }
    }
}
