package dev.cairn.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn runs export PROJECT}: every matching run, one row each, as CSV or JSON lines — to standard
 * output or, with {@code -o}, to a file that appears only once complete.
 */
@Command(name = "export", description = "Export a project's runs (config and summary flattened) as CSV or JSON lines.")
final class RunsExportCommand implements Callable<Integer> {
    enum Format { csv, jsonl }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RunSelection selection;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Override
    public Integer call() throws IOException {
        Map<String, String> query = selection.query();
        query.put("format", format.name().toLowerCase(Locale.ROOT));
        ServerClient client = connection.client();
        String path = "/runs/" + selection.project(client).path() + "/export";
        if (output == null) {
            try (OutputStream out = new WriterOutputStream(spec.commandLine().getOut())) {
                client.download(path, query, out);
            }
            return 0;
        }
        Path absolute = output.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        long bytes;
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                bytes = client.download(path, query, out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CliException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(partial);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + output + " (" + bytes + " bytes)");
        return 0;
    }
}
