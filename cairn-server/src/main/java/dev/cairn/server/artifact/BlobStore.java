package dev.cairn.server.artifact;

import java.io.IOException;
import java.io.InputStream;

/**
 * Content-addressed storage of artifact file bytes, keyed by their lower-case hex SHA-256. The database holds
 * only manifests; the bytes live here, each distinct content once however many versions name it. The
 * filesystem implementation is {@link FileBlobStore}; an object store (S3) needs only these three calls.
 *
 * <pre>{@code
 * blobs.put(sha256, request.getInputStream(), maxBytes);   // verified, then visible atomically
 * try (InputStream in = blobs.open(sha256)) { ... }
 * }</pre>
 */
public interface BlobStore {

    /**
     * Reads {@code content} to its end and keeps it under {@code sha256}, visible only once complete and verified.
     * Nothing is kept when it fails.
     *
     * @return the number of bytes stored
     * @throws DigestMismatch when the bytes do not hash to {@code sha256}
     * @throws TooLarge       when there are more than {@code maxBytes}
     */
    long put(String sha256, InputStream content, long maxBytes) throws IOException;

    /** The stored bytes; {@link java.nio.file.NoSuchFileException} when there is no such blob. */
    InputStream open(String sha256) throws IOException;

    /** The size in bytes of a stored blob. */
    long size(String sha256) throws IOException;

    boolean exists(String sha256);

    /** The bytes hashed to another digest than the one they were sent under. */
    final class DigestMismatch extends IOException {
        private final String actualSha256;

        public DigestMismatch(String actualSha256) {
            super("content hashes to " + actualSha256);
            this.actualSha256 = actualSha256;
        }

        public String actualSha256() {
            return actualSha256;
        }
    }

    /** The content is larger than the limit the caller gave. */
    final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("content is larger than " + maxBytes + " bytes");
        }
    }
}
