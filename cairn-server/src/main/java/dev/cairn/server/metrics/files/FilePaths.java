package dev.cairn.server.metrics.files;

import dev.cairn.server.http.ApiException;

/**
 * The rule for paths of run files: relative, {@code /}-separated, no empty, {@code .} or {@code ..} segments, no
 * backslashes or NUL, at most {@value #MAX_LENGTH} characters. A path that passes can never name anything outside
 * the run, wherever the bytes are kept.
 *
 * <pre>{@code
 * FilePaths.requireValid("plots/loss.png");   // ok
 * FilePaths.requireValid("../secrets");       // 400
 * }</pre>
 */
public final class FilePaths {
    public static final int MAX_LENGTH = 1024;

    private FilePaths() {
    }

    public static String requireValid(String path) {
        if (path == null || path.isEmpty()) {
            throw bad(path, "is empty; name the file, such as plots/loss.png");
        }
        if (path.length() > MAX_LENGTH) {
            throw bad(path.substring(0, 40) + "...", "is longer than " + MAX_LENGTH + " characters");
        }
        if (path.indexOf('\0') >= 0) {
            throw bad(path.replace("\0", "\\0"), "contains a NUL character");
        }
        if (path.indexOf('\\') >= 0) {
            throw bad(path, "contains a backslash; separate folders with /");
        }
        if (path.startsWith("/")) {
            throw bad(path, "is absolute; give it relative to the run, such as plots/loss.png");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                throw bad(path, "has an empty segment (// or a trailing /)");
            }
            if (segment.equals("..") || segment.equals(".")) {
                throw bad(path, "contains a '" + segment + "' segment; paths cannot leave or refer to their folder");
            }
        }
        return path;
    }

    private static ApiException.BadRequest bad(String path, String problem) {
        return new ApiException.BadRequest("file path '" + path + "' " + problem);
    }
}
