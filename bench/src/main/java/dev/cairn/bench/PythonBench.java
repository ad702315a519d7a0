package dev.cairn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Python client's {@code log()} costs the training loop, beside the Java SDK's figure: runs
 * {@code clients/python/bench_log.py} (10 metrics a call, offline) with {@code python3} and passes its
 * {@code python.log.median} / {@code python.log.p99} lines through, after {@link SdkBench}'s {@code sdk.log.*}.
 *
 * <p>The script is looked up in {@code $CAIRN_PYTHON_CLIENT}, then from the folder holding the running jar
 * upwards, then from the working folder upwards (the jar lives in {@code cairn-cli/target} of a checkout);
 * the interpreter is {@code $CAIRN_PYTHON}, else {@code python3}.
 *
 * <pre>{@code
 * PythonBench.run(System.out);   // sdk.log.median: 0.170 us ... python.log.median: 6.1 us
 * }</pre>
 */
public final class PythonBench {
    private static final String SCRIPT = "clients/python/bench_log.py";

    private PythonBench() {
    }

    public static void run(PrintStream out) throws IOException, InterruptedException {
        SdkBench.run(out);
        Path script = findScript();
        String python = System.getenv().getOrDefault("CAIRN_PYTHON", "python3");
        Process process = new ProcessBuilder(python, script.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (line.startsWith("python.")) {
                    out.println(line);
                }
            }
        }
        int exitCode = process.waitFor();
        if (exitCode != 0) {
            throw new IllegalStateException(python + " " + script + " exited with " + exitCode + ":\n" + String.join("\n", lines));
        }
    }

    private static Path findScript() {
        String override = System.getenv("CAIRN_PYTHON_CLIENT");
        if (override != null) {
            Path script = Path.of(override).resolve("bench_log.py");
            if (Files.isRegularFile(script)) {
                return script;
            }
            throw new IllegalStateException("CAIRN_PYTHON_CLIENT=" + override + " holds no bench_log.py");
        }
        for (Path start : List.of(jarFolder(), Path.of("").toAbsolutePath())) {
            for (Path folder = start; folder != null; folder = folder.getParent()) {
                Path script = folder.resolve(SCRIPT);
                if (Files.isRegularFile(script)) {
                    return script;
                }
            }
        }
        throw new IllegalStateException("cannot find " + SCRIPT + " above " + jarFolder() + " or the working folder;"
                + " run from a Cairn checkout or set CAIRN_PYTHON_CLIENT to the clients/python folder");
    }

    private static Path jarFolder() {
        try {
            return Path.of(PythonBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().getParent();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
