package dev.cairn.client.artifact;

/** The server's rule for paths inside an artifact, checked before anything is sent. */
final class ArtifactPaths {
    private ArtifactPaths() {
    }

    static String requireValid(String path) {
        boolean bad = path == null || path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0
                || path.indexOf('\0') >= 0;
        if (!bad) {
            for (String segment : path.split("/", -1)) {
                bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
            }
        }
        if (bad) {
            throw new IllegalArgumentException("artifact file path '" + path + "' must be relative and '/'-separated,"
                    + " without '.', '..' or empty parts, such as weights/model.pt");
        }
        return path;
    }
}
