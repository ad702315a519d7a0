package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleLinesTest {
    private final List<String> sent = new ArrayList<>();
    private final ConsoleLines lines = new ConsoleLines(record -> sent.add(record.fields.get("stream") + " "
            + record.fields.get("line") + " " + record.fields.get("text")), StandardCharsets.UTF_8);

    private static void print(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lines_are_numbered_across_stdout_and_stderr() throws IOException {
        OutputStream out = lines.stream("stdout");
        OutputStream err = lines.stream("stderr");
        print(out, "epoch 1\n");
        print(err, "warning: slow\n");
        print(out, "epoch 2\n\n");

        assertThat(sent).containsExactly("stdout 0 epoch 1", "stderr 1 warning: slow", "stdout 2 epoch 2", "stdout 3 ");
    }

    @Test
    void a_carriage_return_rewrites_the_current_line() throws IOException {
        OutputStream out = lines.stream("stdout");
        print(out, "[=>   ] 20%\r[===> ] 60%\r[=====] 100%\ndone\r\n");

        assertThat(sent).containsExactly("stdout 0 [=>   ] 20%", "stdout 0 [===> ] 60%", "stdout 0 [=====] 100%",
                "stdout 1 done");
    }

    @Test
    void an_unfinished_line_is_sent_on_close_and_text_is_decoded_whole() throws IOException {
        OutputStream out = lines.stream("stdout");
        byte[] bytes = "naïve ✓".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            out.write(b);
        }
        out.close();

        assertThat(sent).containsExactly("stdout 0 naïve ✓");
    }
}
