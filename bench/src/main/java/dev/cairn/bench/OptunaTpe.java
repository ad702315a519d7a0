package dev.cairn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Optuna's TPE on the sweep benchmark's functions, for comparison: runs the bundled
 * {@code sweep_optuna.py} with Debian's {@code /usr/bin/python3} and copies its
 * {@code sweep.<function>.optuna_tpe.regret@<trials>} lines through, after a
 * {@code sweep.optuna_tpe.seeds} line (it may use fewer seeds than the Java searches). Prints one "skipped" line
 * when {@code python3-optuna} is not installed.
 *
 * <pre>{@code
 * OptunaTpe.run(System.out, 20, new int[] {50, 100});
 * }</pre>
 */
final class OptunaTpe {
    private static final String PYTHON = "/usr/bin/python3";

    private OptunaTpe() {
    }

    static void run(PrintStream out, int seeds, int[] budgets) {
        if (!isInstalled()) {
            out.println("sweep.optuna_tpe: skipped (python3-optuna not installed)");
            return;
        }
        out.println("sweep.optuna_tpe.seeds: " + seeds);
        try {
            Path script = Files.createTempFile("sweep_optuna", ".py");
            try {
                try (InputStream in = OptunaTpe.class.getResourceAsStream("sweep_optuna.py")) {
                    Files.write(script, in.readAllBytes());
                }
                List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), String.valueOf(seeds)));
                for (int budget : budgets) {
                    command.add(String.valueOf(budget));
                }
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                out.print(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                if (process.waitFor() != 0) {
                    out.println("sweep.optuna_tpe: failed (exit " + process.exitValue() + ", see stderr)");
                }
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isInstalled() {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import optuna")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
