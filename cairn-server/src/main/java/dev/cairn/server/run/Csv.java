package dev.cairn.server.run;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** CSV as RFC 4180 writes it: CRLF line ends, and fields with a comma, quote or line break quoted. */
final class Csv {
    private Csv() {
    }

    static void writeRow(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
