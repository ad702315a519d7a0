package dev.cairn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run files an SDK staged in a run folder ({@code files/<path>}) and the ones the server already holds
 * ({@code files.acked}: one {@code <sha256> <path>} line per upload). The Python client stages media and
 * {@code run.save()} files there; {@code cairn sync} uploads what is missing.
 *
 * <pre>{@code
 * int sent = StagedFiles.upload(runDir, "alice/mnist/k3x9q2ab", client);
 * }</pre>
 */
final class StagedFiles {
    private StagedFiles() {
    }

    /** Uploads every staged file the server does not hold with the same bytes; answers how many were sent. */
    static int upload(Path runDir, String runPath, ServerClient client) {
        Path root = runDir.resolve("files");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Path ackedFile = runDir.resolve("files.acked");
        Map<String, String> acked = readAcked(ackedFile);
        int sent = 0;
        for (Path file : staged(root)) {
            String path = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            try {
                byte[] bytes = Files.readAllBytes(file);
                String sha256 = sha256(bytes);
                if (sha256.equals(acked.get(path))) {
                    continue;
                }
                client.putBytes("/runs/" + runPath + "/files/" + encodePath(path), bytes);
                Files.writeString(ackedFile, sha256 + " " + path + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                sent++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staged file " + file, e);
            }
        }
        return sent;
    }

    private static List<Path> staged(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = new ArrayList<>();
            files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tmp"))
                    .sorted().forEach(found::add);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static Map<String, String> readAcked(Path ackedFile) {
        Map<String, String> acked = new HashMap<>();
        if (!Files.exists(ackedFile)) {
            return acked;
        }
        try {
            for (String line : Files.readAllLines(ackedFile, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    acked.put(line.substring(space + 1), line.substring(0, space));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ackedFile, e);
        }
        return acked;
    }

    private static String encodePath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", segments);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
