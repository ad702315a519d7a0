package dev.cairn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a {@code cairn} command line in-process and captures what it printed. */
final class Cli {
    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Exit code and the text written to standard output and standard error. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
