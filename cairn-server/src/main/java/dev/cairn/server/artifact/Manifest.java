package dev.cairn.server.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.metrics.files.FilePaths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The files of a version as the client declares them: path, SHA-256 and size each, sorted by path. Its
 * {@link #digest()} is the SHA-256 of the sorted lines {@code path NUL sha256 NUL size LF}, so two uploads of
 * the same files (whatever their order or metadata) have the same digest and become one version.
 *
 * <pre>{@code
 * Manifest m = Manifest.parse(body.path("files"));   // 400 names a bad path or digest
 * }</pre>
 */
public record Manifest(List<Entry> entries) {
    public static final int MAX_FILES = 100_000;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One file of a version. */
    public record Entry(String path, String sha256, long size) {
    }

    public static Manifest parse(JsonNode files) {
        if (!files.isArray()) {
            throw new ApiException.BadRequest("files must be a list of {\"path\",\"sha256\",\"size\"} objects");
        }
        if (files.size() > MAX_FILES) {
            throw new ApiException.PayloadTooLarge("a version may hold at most " + MAX_FILES + " files, not "
                    + files.size() + "; split it into several artifacts");
        }
        TreeMap<String, Entry> byPath = new TreeMap<>();
        for (JsonNode file : files) {
            String path = FilePaths.requireValid(file.path("path").isTextual() ? file.path("path").asText() : null);
            String sha256 = requireSha256(file.path("sha256").asText(null), "the sha256 of '" + path + "'");
            JsonNode size = file.path("size");
            if (!size.canConvertToLong() || size.asLong() < 0) {
                throw new ApiException.BadRequest("the size of '" + path + "' must be a whole number of bytes, not "
                        + size);
            }
            if (byPath.put(path, new Entry(path, sha256, size.asLong())) != null) {
                throw new ApiException.BadRequest("file path '" + path + "' is listed twice");
            }
        }
        return new Manifest(List.copyOf(byPath.values()));
    }

    /** A digest in lower-case hex; 400 naming {@code what} otherwise. */
    public static String requireSha256(String value, String what) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new ApiException.BadRequest(what + " must be 64 lower-case hex digits (SHA-256), not '" + value + "'");
        }
        return value;
    }

    public String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Entry entry : entries) {
                digest.update((entry.path() + "\0" + entry.sha256() + "\0" + entry.size() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public long totalBytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    /** The distinct digests of the files, in path order. */
    public List<String> digests() {
        Set<String> digests = new LinkedHashSet<>();
        entries.forEach(entry -> digests.add(entry.sha256()));
        return new ArrayList<>(digests);
    }
}
