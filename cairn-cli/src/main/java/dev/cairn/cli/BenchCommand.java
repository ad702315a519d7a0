package dev.cairn.cli;

import dev.cairn.bench.BenchSetupException;
import dev.cairn.bench.Benchmarks;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn bench NAME}: runs one benchmark, which prints {@code key: value unit} lines. */
@Command(name = "bench", description = "Run a benchmark; it prints 'key: value unit' lines (see docs/performance.md).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Names.class,
            description = "one of: ${COMPLETION-CANDIDATES}")
    String name;

    @Option(names = "--db", paramLabel = "URL",
            description = "store for benchmarks that use one: postgresql://user:pass@host:port/db (default: a throw-away SQLite file)")
    String dbUrl;

    @Override
    public Integer call() throws Exception {
        Benchmarks.Entry entry;
        try {
            entry = Benchmarks.get(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (dbUrl != null && !entry.usesDatabase()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--db does not apply to the " + name + " benchmark");
        }
        try (PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8)) {
            entry.benchmark().run(out, dbUrl);
        } catch (BenchSetupException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }

    /** The benchmark names, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Benchmarks.names().iterator();
        }
    }
}
