package dev.cairn.client.internal;

/** Where a run's records go: a live {@link Session}, or {@link #DISCARD} in disabled mode. */
public interface RecordSink {
    /** Queues a record; false when the run has finished and the record was dropped. */
    boolean append(PendingRecord record);

    /**
     * Ends the run with {@code exitCode}: {@code finished} on 0, {@code failed} otherwise, or {@code killed}
     * when its sweep asked it to stop. Later calls do nothing.
     */
    void finish(int exitCode);

    /** Whether the run's sweep asked it to stop (hyperband, or a canceled sweep). */
    default boolean isStopRequested() {
        return false;
    }

    /** The sink of a disabled run: accepts everything, keeps nothing. */
    RecordSink DISCARD = new RecordSink() {
        @Override
        public boolean append(PendingRecord record) {
            return true;
        }

        @Override
        public void finish(int exitCode) {
        }
    };
}
