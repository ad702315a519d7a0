package dev.cairn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns of text padded to line up, headers first.
 *
 * <pre>{@code
 * TextTable table = new TextTable(List.of("ID", "STATE"));
 * table.add(List.of("k3x9q2ab", "running"));
 * table.print(out);
 * }</pre>
 */
final class TextTable {
    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    void add(List<String> row) {
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, the table " + headers.size() + " columns");
        }
        rows.add(List.copyOf(row));
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (List<String> row : allRows()) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : allRows()) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                line.append(row.get(column));
                if (column < row.size() - 1) {
                    line.append(" ".repeat(widths[column] - row.get(column).length())).append(GAP);
                }
            }
            out.println(line);
        }
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(headers);
        all.addAll(rows);
        return all;
    }
}
