package dev.cairn.client;

/**
 * What {@link Cairn#sync} did.
 *
 * @param run          the run's address, {@code entity/project/id}
 * @param recordsSent  records the server applied during this sync (records it already had are not counted)
 * @param lastSeq      the highest record the server now holds for the run
 */
public record SyncResult(String run, long recordsSent, long lastSeq) {
}
