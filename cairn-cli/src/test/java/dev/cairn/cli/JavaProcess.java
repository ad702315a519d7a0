package dev.cairn.cli;

import java.nio.file.Path;
import java.util.List;

/** The command line that runs a main class in a new JVM on this test's classpath, with no tuning flags: as users run it. */
final class JavaProcess {
    private JavaProcess() {
    }

    static List<String> command(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), mainClass);
    }
}
