package dev.cairn.server.artifact;

import dev.cairn.core.run.Names;
import dev.cairn.server.http.ApiException;
import java.util.regex.Pattern;

/**
 * A reference to one version of an artifact as written in routes: {@code name:v3} (a version), {@code name:best}
 * (an alias) or {@code name} alone (the alias {@code latest}).
 *
 * <pre>{@code
 * ArtifactRef ref = ArtifactRef.parse("digits-cnn:best");   // name "digits-cnn", alias "best"
 * }</pre>
 *
 * @param name   the artifact's name
 * @param index  the version number when the reference is {@code name:vN}, else -1
 * @param alias  the alias when the reference names one, else null
 */
public record ArtifactRef(String name, int index, String alias) {
    public static final String LATEST = "latest";
    private static final Pattern VERSION = Pattern.compile("v(0|[1-9][0-9]{0,8})");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    public static ArtifactRef parse(String text) {
        int colon = text.indexOf(':');
        String name = requireName(colon < 0 ? text : text.substring(0, colon));
        if (colon < 0) {
            return new ArtifactRef(name, -1, LATEST);
        }
        String selector = text.substring(colon + 1);
        if (VERSION.matcher(selector).matches()) {
            return new ArtifactRef(name, Integer.parseInt(selector.substring(1)), null);
        }
        return new ArtifactRef(name, -1, requireAlias(selector));
    }

    public static String requireName(String name) {
        try {
            return Names.requireValid("artifact name", name);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
    }

    /** An alias: 1-128 letters, digits, {@code _ . -}, and not a version such as {@code v3}. */
    public static String requireAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new ApiException.BadRequest("alias '" + alias + "' must be 1-128 letters, digits, '_', '.' or '-',"
                    + " starting with a letter or digit, such as best or production");
        }
        if (isVersionLike(alias)) {
            throw new ApiException.BadRequest("alias '" + alias + "' looks like a version number; versions are"
                    + " named by the server, choose another alias");
        }
        return alias;
    }

    static boolean isVersionLike(String alias) {
        return alias.matches("v[0-9]+");
    }

    @Override
    public String toString() {
        return name + ":" + (alias != null ? alias : "v" + index);
    }
}
