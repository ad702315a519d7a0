package dev.cairn.server.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Blobs as files under {@code <data dir>/blobs/sha256/ab/cd/abcd...}. A blob is written to a temporary file in
 * {@code blobs/tmp}, hashed while written, flushed to disk and then renamed into place atomically, so a reader
 * (or a server restarted after a crash) sees a whole, verified blob or none.
 *
 * <pre>{@code
 * BlobStore blobs = new FileBlobStore(dataDir.resolve("blobs"));
 * }</pre>
 */
public final class FileBlobStore implements BlobStore {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path root;
    private final Path tmp;

    public FileBlobStore(Path root) {
        this.root = root.resolve("sha256");
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(this.root);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the blob folder " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long put(String sha256, InputStream content, long maxBytes) throws IOException {
        Path temporary = Files.createTempFile(tmp, sha256.substring(0, 8), ".part");
        try {
            MessageDigest digest = sha256Digest();
            long total = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    total += read;
                    if (total > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    out.write(buffer, 0, read);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256)) {
                throw new DigestMismatch(actual);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Path target = pathOf(sha256);
            Files.createDirectories(target.getParent());
            moveIntoPlace(temporary, target);
            return total;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder tree, so this only happens on odd filesystems; the content is verified either way
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    @Override
    public long size(String sha256) throws IOException {
        return Files.size(pathOf(sha256));
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
