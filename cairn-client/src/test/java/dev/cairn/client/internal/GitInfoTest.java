package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInfoTest {
    @TempDir
    Path repo;

    private void git(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Test", "-c",
                "user.email=test@example.com", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        assertThat(Command.run(repo, command, 10_000, 1 << 20, null)).as("git " + String.join(" ", args)).isNotNull();
    }

    @Test
    void a_checkout_reports_its_remote_branch_commit_and_uncommitted_changes() throws IOException {
        assumeTrue(Command.isOnPath("git"), "git is not installed");
        git("init", "-q", "-b", "main");
        git("remote", "add", "origin", "https://alice:s3cret-token@github.com/alice/mnist.git");
        Files.writeString(repo.resolve("train.py"), "lr = 0.1\n");
        git("add", "train.py");
        git("commit", "-q", "-m", "first");
        Files.writeString(repo.resolve("train.py"), "lr = 0.01\n");
        Files.writeString(repo.resolve("untracked.txt"), "not in the diff\n");

        GitInfo git = GitInfo.capture(repo).orElseThrow();

        assertThat(git.remote()).isEqualTo("https://github.com/alice/mnist.git");
        assertThat(git.branch()).isEqualTo("main");
        assertThat(git.commit()).matches("[0-9a-f]{40}");
        assertThat(git.isDirty()).isTrue();
        assertThat(git.diff()).contains("-lr = 0.1", "+lr = 0.01").doesNotContain("untracked");
        assertThat(git.diffTruncated()).isFalse();
    }

    @Test
    void a_clean_checkout_is_not_dirty() throws IOException {
        assumeTrue(Command.isOnPath("git"), "git is not installed");
        git("init", "-q");
        Files.writeString(repo.resolve("a.txt"), "a\n");
        git("add", "a.txt");
        git("commit", "-q", "-m", "first");

        GitInfo git = GitInfo.capture(repo).orElseThrow();

        assertThat(git.isDirty()).isFalse();
        assertThat(git.diff()).isEmpty();
        assertThat(git.remote()).isNull();
    }

    @Test
    void a_folder_outside_any_checkout_has_no_git_info() {
        assumeTrue(Command.isOnPath("git"), "git is not installed");
        assertThat(GitInfo.capture(repo)).isEmpty();
    }

    @Test
    void credentials_are_removed_from_remote_urls() {
        assertThat(GitInfo.withoutCredentials("https://x-token:ghp_abc@github.com/a/b.git"))
                .isEqualTo("https://github.com/a/b.git");
        assertThat(GitInfo.withoutCredentials("git@github.com:a/b.git")).isEqualTo("git@github.com:a/b.git");
        assertThat(GitInfo.withoutCredentials("ssh://git@host:2222/a/b.git")).isEqualTo("ssh://host:2222/a/b.git");
    }
}
