package dev.cairn.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a small external command (git, nvidia-smi) with a time limit and a cap on what it may print. */
final class Command {
    private Command() {
    }

    /**
     * The command's stdout when it exits 0 within {@code timeoutMs}, else null. Output past {@code maxBytes}
     * is read and dropped; {@code truncated[0]} (when given) tells whether that happened.
     */
    static String run(Path workingDir, List<String> command, long timeoutMs, int maxBytes, boolean[] truncated) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDir == null ? null : workingDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            return null; // not installed
        }
        try {
            process.getOutputStream().close();
            byte[] output = readCapped(process.getInputStream(), maxBytes, truncated);
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new String(output, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            process.destroyForcibly();
            return null;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether {@code program} is an executable file in one of the PATH folders. */
    static boolean isOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && java.nio.file.Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readCapped(InputStream in, int maxBytes, boolean[] truncated) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = in.read(chunk)) >= 0) {
            int room = maxBytes - kept.size();
            if (read > room && truncated != null) {
                truncated[0] = true;
            }
            kept.write(chunk, 0, Math.max(0, Math.min(read, room)));
        }
        return kept.toByteArray();
    }
}
