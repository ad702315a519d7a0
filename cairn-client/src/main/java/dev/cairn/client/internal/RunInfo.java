package dev.cairn.client.internal;

import java.nio.file.Path;

/**
 * What a started run is: its address, name and page, and where its records are kept.
 *
 * @param name    the display name, or null when not known (resumed offline without a name)
 * @param url     the run's page on the server, or null when offline or disabled
 * @param runDir  the folder of its record log, or null when disabled
 */
public record RunInfo(String entity, String project, String id, String name, String url, boolean isOffline,
                      Path runDir) {
}
