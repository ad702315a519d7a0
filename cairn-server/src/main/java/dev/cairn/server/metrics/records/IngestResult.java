package dev.cairn.server.metrics.records;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a records batch: the run's last applied seq, and how many records were applied or skipped. */
public record IngestResult(@JsonProperty("last_seq") long lastSeq, @JsonProperty("applied") int applied,
                           @JsonProperty("duplicates") int duplicates) {
}
