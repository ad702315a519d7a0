package dev.cairn.client.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the git checkout a run starts in, read with the {@code git} binary: remote, branch, commit,
 * whether tracked files changed, and the diff of those changes (capped), enough to get the code back.
 *
 * <pre>{@code
 * GitInfo.capture(Path.of(".")).ifPresent(git -> System.out.println(git.commit() + (git.isDirty() ? "+" : "")));
 * }</pre>
 *
 * @param remote         origin's URL with any credentials removed, or null
 * @param branch         the branch, or null on a detached HEAD
 * @param commit         HEAD's full hash, or null before the first commit
 * @param diff           {@code git diff HEAD} of tracked files, at most {@link #MAX_DIFF_BYTES}
 * @param diffTruncated  whether the diff was cut at the cap
 */
public record GitInfo(String root, String remote, String branch, String commit, boolean isDirty, String diff,
                      boolean diffTruncated) {
    public static final int MAX_DIFF_BYTES = 1024 * 1024;
    private static final long TIMEOUT_MS = 5_000;

    /** Reads the checkout containing {@code dir}; empty when it is not in one or git is not installed. */
    public static java.util.Optional<GitInfo> capture(Path dir) {
        String root = git(dir, "rev-parse", "--show-toplevel");
        if (root == null) {
            return java.util.Optional.empty();
        }
        String commit = git(dir, "rev-parse", "--verify", "-q", "HEAD");
        String branch = git(dir, "symbolic-ref", "-q", "--short", "HEAD");
        String remote = git(dir, "config", "--get", "remote.origin.url");
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        boolean[] truncated = {false};
        String diff = Command.run(dir, List.of("git", "diff", commit == null ? "--cached" : "HEAD"), TIMEOUT_MS,
                MAX_DIFF_BYTES, truncated);
        return java.util.Optional.of(new GitInfo(root, withoutCredentials(remote), branch, commit,
                status != null && !status.isEmpty(), diff == null ? "" : diff, truncated[0]));
    }

    /** As the {@code git} value of a run's metadata. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("root", root);
        map.put("remote", remote);
        map.put("branch", branch);
        map.put("commit", commit);
        map.put("dirty", isDirty);
        map.put("diff", diff);
        map.put("diff_truncated", diffTruncated);
        return map;
    }

    /** {@code https://user:token@host/x.git} becomes {@code https://host/x.git}: tokens must not reach the server. */
    static String withoutCredentials(String remote) {
        if (remote == null || !remote.contains("://")) {
            return remote;
        }
        try {
            URI uri = URI.create(remote);
            if (uri.getUserInfo() == null) {
                return remote;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return remote.replaceFirst("://[^/@]*@", "://");
        }
    }

    private static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        String output = Command.run(dir, command, TIMEOUT_MS, 64 * 1024, null);
        return output == null ? null : output.strip();
    }
}
