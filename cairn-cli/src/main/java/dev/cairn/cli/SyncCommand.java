package dev.cairn.cli;

import dev.cairn.client.Cairn;
import dev.cairn.client.CairnException;
import dev.cairn.client.SyncResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn sync PATH...}: sends run logs (offline runs, or uploads cut short) to a server, and the run files an
 * SDK staged in the run folder ({@link StagedFiles}). Records the
 * server already holds are skipped, so syncing a run twice is harmless.
 */
@Command(name = "sync", description = "Send runs logged offline (or not fully uploaded) to a Cairn server.")
final class SyncCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "a run folder (holding records.log), or a folder above run folders such as ./cairn")
    List<Path> paths;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        List<Path> runDirs = RunFolders.find(paths);
        connection.client().getJson("/health", Map.of());   // one clear message when no server answers
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path runDir : runDirs) {
            try {
                SyncResult result = Cairn.sync(runDir, connection.baseUrl(), connection.apiKey());
                int filesSent = StagedFiles.upload(runDir, result.run(), connection.client());
                out.println(result.run() + ": sent " + result.recordsSent() + " records"
                        + (filesSent > 0 ? " and " + filesSent + (filesSent == 1 ? " file" : " files") : "")
                        + " (the server now holds records 1-" + result.lastSeq() + ")");
            } catch (CairnException | CliException | java.io.UncheckedIOException e) {
                failed++;
                err.println(runDir + ": not synced: " + e.getMessage());
            }
            out.flush();
        }
        if (failed > 0) {
            throw new CliException(failed + " of " + runDirs.size() + " runs were not synced; their logs are untouched,"
                    + " run sync again once the problem above is fixed");
        }
        return 0;
    }
}
