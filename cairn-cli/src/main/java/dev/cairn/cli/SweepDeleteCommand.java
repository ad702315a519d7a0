package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.sweep.SweepRef;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn sweep delete ID [--runs] [--force]}: deletes a sweep; its runs stay as ordinary runs, or go to
 * the runs trash with {@code --runs} (restorable).
 *
 * <pre>{@code
 * ./cairn sweep stop alice/mnist/sw4k2p9q && ./cairn sweep delete alice/mnist/sw4k2p9q --runs
 * }</pre>
 */
@Command(name = "delete", description = "Delete a sweep. Its runs stay as ordinary runs unless --runs moves them to"
        + " the trash too. A sweep with running trials must be stopped or canceled first, or deleted with --force.")
final class SweepDeleteCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "entity/project/sweep_id, or the id with --entity/--project")
    String sweep;

    @Option(names = "--runs", description = "also move the sweep's runs to the trash (each can be restored)")
    boolean deleteRuns;

    @Option(names = "--force", description = "delete even while trials run: they go on as ordinary runs")
    boolean force;

    @Mixin
    SweepTarget target;

    @Override
    public Integer call() {
        SweepRef ref = target.ref(sweep);
        JsonNode gone = target.call(() -> target.client().delete(ref, deleteRuns, force));
        PrintWriter out = spec.commandLine().getOut();
        long runs = gone.path("runs").asLong();
        String what = runs == 1 ? "1 run" : runs + " runs";
        out.println("deleted sweep " + ref + "; " + (deleteRuns
                ? what + " moved to the trash (POST /api/v1/runs/" + ref.entity() + "/" + ref.project()
                        + "/RUN_ID/restore brings one back)"
                : what + " kept as ordinary runs"));
        return 0;
    }
}
