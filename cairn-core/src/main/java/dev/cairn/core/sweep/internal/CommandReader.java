package dev.cairn.core.sweep.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code command} section: a list of strings whose macros must be known. */
final class CommandReader {

    private final Problems problems;

    CommandReader(Problems problems) {
        this.problems = problems;
    }

    List<String> read(Object raw) {
        if (!(raw instanceof List<?> items)) {
            problems.add("command", "must be a list of arguments, e.g. [${env}, ${interpreter}, ${program}, ${args}], got "
                    + Problems.show(raw));
            return null;
        }
        List<String> command = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null || item instanceof List<?> || item instanceof Map<?, ?>) {
                problems.add("command[" + i + "]", "must be a string, got " + Problems.show(item));
            } else {
                command.add(String.valueOf(item));
            }
        }
        Macros.check(command, "command", problems);
        return command;
    }
}
