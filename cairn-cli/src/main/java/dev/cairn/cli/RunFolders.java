package dev.cairn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The run folders (those holding a {@code records.log}) named by command-line paths: a path is a run
 * folder itself, or any folder above run folders, such as the SDK's {@code ./cairn}.
 */
final class RunFolders {
    static final String LOG_FILE = "records.log";

    private RunFolders() {
    }

    /** Every run folder at or under the given paths, each once, in path order then name order. */
    static List<Path> find(List<Path> paths) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                throw new CliException(path + " is not a folder; name a run folder (holding " + LOG_FILE
                        + ") or a folder above run folders, such as ./cairn");
            }
            List<Path> under = under(path);
            if (under.isEmpty()) {
                throw new CliException("no runs under " + path + ": no " + LOG_FILE + " in it or in any folder below it");
            }
            found.addAll(under);
        }
        return new ArrayList<>(found);
    }

    private static List<Path> under(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().equals(LOG_FILE) && Files.isRegularFile(file))
                    .map(file -> file.getParent().toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CliException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }
}
