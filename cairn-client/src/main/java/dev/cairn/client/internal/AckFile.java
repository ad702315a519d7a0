package dev.cairn.client.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code acked} file beside a record log: the highest seq the server acknowledged, rewritten atomically.
 * A hint for people and tools; the server's {@code last_seq} is the authority.
 */
public final class AckFile {
    private final Path file;

    public AckFile(Path runDir) {
        this.file = runDir.resolve("acked");
    }

    /** The acknowledged seq, or 0 when the file is missing or unreadable. */
    public long read() {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException | NumberFormatException e) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    public void write(long seq) throws IOException {
        Path temp = file.resolveSibling("acked.tmp");
        Files.writeString(temp, Long.toString(seq), StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
