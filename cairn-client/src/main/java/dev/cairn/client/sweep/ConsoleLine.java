package dev.cairn.client.sweep;

/**
 * One line a trial printed, numbered across its stdout and stderr: the body of
 * {@code POST /runs/{entity}/{project}/{run}/console}. Posting the same number again replaces the line.
 *
 * @param stream {@code stdout} or {@code stderr}
 * @param line   0, 1, 2, ... in the order the agent read the lines
 */
public record ConsoleLine(String stream, long line, String text) {
}
