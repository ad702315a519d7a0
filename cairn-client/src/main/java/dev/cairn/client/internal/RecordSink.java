package dev.cairn.client.internal;

/** Where a run's records go: a live {@link Session}, or {@link #DISCARD} in disabled mode. */
public interface RecordSink {
    /** Queues a record; false when the run has finished and the record was dropped. */
    boolean append(PendingRecord record);

    /** Ends the run with {@code exitCode} (0: finished, else failed); later calls do nothing. */
    void finish(int exitCode);

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
