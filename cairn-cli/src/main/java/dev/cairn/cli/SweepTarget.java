package dev.cairn.cli;

import dev.cairn.client.sweep.SweepApiException;
import dev.cairn.client.sweep.SweepClient;
import dev.cairn.client.sweep.SweepRef;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where sweep commands look: the server ({@code --base-url}, {@code --api-key}) and the entity and project
 * of a bare sweep id ({@code --entity}, {@code --project}, or {@code $CAIRN_ENTITY}, {@code $CAIRN_PROJECT}).
 *
 * <pre>{@code
 * SweepRef ref = target.ref("sw4k2p9q");          // alice/mnist/sw4k2p9q with --entity alice --project mnist
 * JsonNode sweep = target.call(() -> target.client().get(ref));
 * }</pre>
 */
public final class SweepTarget {
    @Option(names = "--entity", paramLabel = "ENTITY", defaultValue = "${env:CAIRN_ENTITY}",
            description = "entity of a bare sweep id, or of a new sweep (default: $CAIRN_ENTITY, else your user name)")
    String entity;

    @Option(names = "--project", paramLabel = "PROJECT", defaultValue = "${env:CAIRN_PROJECT}",
            description = "project of a bare sweep id, or of a new sweep (default: $CAIRN_PROJECT)")
    String project;

    @Mixin
    ConnectionOptions connection;

    /** An HTTP request that may fail the way the sweep routes fail. */
    interface Call<T> {
        T call() throws IOException;
    }

    SweepClient client() {
        return new SweepClient(connection.baseUrl(), connection.apiKey());
    }

    /** {@code entity/project/sweep}, or a bare id completed from the options. */
    SweepRef ref(String text) {
        try {
            return SweepRef.parse(text, entityOrUser(), project);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The entity option, else the OS user name as the SDKs default it. */
    String entityOrUser() {
        if (entity != null && !entity.isBlank()) {
            return entity;
        }
        String user = System.getProperty("user.name", "local").replaceAll("[^A-Za-z0-9_.-]", "_");
        return user.isEmpty() || !Character.isLetterOrDigit(user.charAt(0)) ? "u" + user : user;
    }

    String project() {
        return project == null || project.isBlank() ? null : project;
    }

    /** Runs {@code call}, turning refusals and an absent server into messages the user can act on. */
    <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (SweepApiException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                    throw ServerClient.noServer(connection.baseUrl());
                }
            }
            throw new CliException(e.getMessage(), e);
        }
    }
}
