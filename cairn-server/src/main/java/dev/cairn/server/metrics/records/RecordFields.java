package dev.cairn.server.metrics.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The fields of one record as read from the wire, before they are checked against its type. */
final class RecordFields {
    Long seq;
    String type;
    Double time;
    Long step;
    Record.Values values;
    ObjectNode valuesTree;
    String stream;
    Long line;
    String text;
    String name;
    List<String> summary;
    String goal;
    String stepMetric;
    String state;
    Long exitCode;
    boolean hasExitCode;
    /** The metric keys are an array already validated for an earlier record of the batch. */
    boolean areKeysChecked;
    /** The first problem found while reading, reported once the record's seq is known. */
    String problem;

    void problem(String text) {
        if (problem == null) {
            problem = text;
        }
    }

    boolean isMetricType() {
        return "history".equals(type) || "system".equals(type);
    }
}
