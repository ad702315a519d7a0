package dev.cairn.client.internal;

/**
 * One record read back from the log: its payload, its {@code seq}, and the file position just past it.
 */
public record Frame(byte[] payload, long seq, long endPosition) {
}
