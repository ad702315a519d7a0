package dev.cairn.core.sweep.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${...}} macros of a sweep command, as W&amp;B defines them. The three argument-list
 * macros expand to several argv entries and so must be a command item on their own; the rest
 * expand to one string and may sit inside a larger item ({@code --data=${envvar:DATA}}).
 */
public final class Macros {

    public static final Pattern MACRO = Pattern.compile("\\$\\{([^}]*)}");
    public static final Set<String> ARG_LISTS = Set.of("args", "args_no_hyphens", "args_no_boolean_flags");
    public static final Set<String> SCALARS = Set.of("env", "interpreter", "program", "args_json", "args_json_file");
    public static final String ENVVAR = "envvar:";

    private static final List<String> ALL = List.of("env", "interpreter", "program", "args",
            "args_no_hyphens", "args_no_boolean_flags", "args_json", "args_json_file", "envvar:NAME");

    private Macros() {
    }

    /** Whether {@code item} is exactly one argument-list macro, e.g. {@code ${args}}. */
    public static boolean isArgList(String item) {
        Matcher m = MACRO.matcher(item);
        return m.matches() && ARG_LISTS.contains(m.group(1));
    }

    /** Reports unknown macros and misplaced argument-list macros in {@code command}. */
    static void check(List<String> command, String path, Problems problems) {
        for (int i = 0; i < command.size(); i++) {
            String item = command.get(i);
            Matcher m = MACRO.matcher(item);
            while (m.find()) {
                String name = m.group(1);
                String at = path + "[" + i + "]";
                if (ARG_LISTS.contains(name) && !item.equals(m.group())) {
                    problems.add(at, "${" + name + "} expands to several arguments and must be a command item of its own");
                } else if (name.startsWith(ENVVAR) && name.length() == ENVVAR.length()) {
                    problems.add(at, "${envvar:} needs a variable name, e.g. ${envvar:DATA_DIR}");
                } else if (!ARG_LISTS.contains(name) && !SCALARS.contains(name) && !name.startsWith(ENVVAR)) {
                    String hint = Suggest.nearest(name, ALL).map(s -> "did you mean '${" + s + "}'?")
                            .orElse("known macros: ${" + String.join("}, ${", ALL) + "}");
                    problems.add(at, "'${" + name + "}' is not a macro; " + hint);
                }
            }
        }
    }

    /** Whether any item uses {@code ${program}}. */
    static boolean usesProgram(List<String> command) {
        return command.stream().anyMatch(item -> item.contains("${program}"));
    }
}
