package dev.cairn.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.sweep.internal.Macros;
import dev.cairn.core.sweep.internal.PythonLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Expands a sweep's command template into the argv of one trial, with W&amp;B's macros:
 *
 * <table>
 * <caption>Macros</caption>
 * <tr><td>{@code ${env}}</td><td>{@code /usr/bin/env} (dropped on Windows)</td></tr>
 * <tr><td>{@code ${interpreter}}</td><td>the interpreter, e.g. {@code python}</td></tr>
 * <tr><td>{@code ${program}}</td><td>the config's {@code program}</td></tr>
 * <tr><td>{@code ${args}}</td><td>{@code --lr=0.01 --opt=adam}, one item each</td></tr>
 * <tr><td>{@code ${args_no_hyphens}}</td><td>{@code lr=0.01 opt=adam} (Hydra style)</td></tr>
 * <tr><td>{@code ${args_no_boolean_flags}}</td><td>as {@code ${args}}, but {@code true} gives
 *     {@code --flag} and {@code false} gives nothing</td></tr>
 * <tr><td>{@code ${args_json}}</td><td>the parameters as one JSON item</td></tr>
 * <tr><td>{@code ${args_json_file}}</td><td>the path of a file holding that JSON</td></tr>
 * <tr><td>{@code ${envvar:NAME}}</td><td>the environment variable NAME</td></tr>
 * </table>
 *
 * <p>Values are written as Python's {@code str()} writes them ({@code True}, {@code 1e-05},
 * {@code {'lr': 0.1}} for a nested block), because that is what W&amp;B's agent passes and what
 * existing training scripts parse. One flag per top-level parameter, in config order.
 *
 * <pre>{@code
 * List<String> argv = SweepCommand.expand(config, Map.of("lr", 0.01),
 *         CommandContext.of("python", System.getenv(), "/tmp/args.json"));
 * // [/usr/bin/env, python, train.py, --lr=0.01]
 * }</pre>
 */
public final class SweepCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepCommand() {
    }

    /**
     * @throws IllegalStateException    when the command uses {@code ${program}} and the config has none
     * @throws IllegalArgumentException when an {@code ${envvar:NAME}} is not set: running with an
     *                                  empty value would fail later and more obscurely
     */
    public static List<String> expand(SweepConfig config, Map<String, Object> params, CommandContext context) {
        List<String> argv = new ArrayList<>();
        for (String item : config.command()) {
            if (Macros.isArgList(item)) {
                argv.addAll(argList(item.substring(2, item.length() - 1), params));
            } else if (item.equals("${env}") && context.envProgram().isEmpty()) {
                continue;
            } else {
                argv.add(expandScalars(item, config, params, context));
            }
        }
        return argv;
    }

    /** The parameters as JSON: {@code ${args_json}}, and what belongs in {@code ${args_json_file}}. */
    public static String argsJson(Map<String, Object> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> argList(String macro, Map<String, Object> params) {
        List<String> args = new ArrayList<>();
        params.forEach((name, value) -> {
            switch (macro) {
                case "args_no_hyphens" -> args.add(name + "=" + PythonLiteral.str(value));
                case "args_no_boolean_flags" -> {
                    if (value instanceof Boolean flag) {
                        if (flag) {
                            args.add("--" + name);
                        }
                    } else {
                        args.add("--" + name + "=" + PythonLiteral.str(value));
                    }
                }
                default -> args.add("--" + name + "=" + PythonLiteral.str(value));
            }
        });
        return args;
    }

    private static String expandScalars(String item, SweepConfig config, Map<String, Object> params,
                                        CommandContext context) {
        Matcher m = Macros.MACRO.matcher(item);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "env" -> context.envProgram();
                case "interpreter" -> context.interpreter();
                case "program" -> program(config);
                case "args_json" -> argsJson(params);
                case "args_json_file" -> context.argsJsonFile();
                default -> name.startsWith(Macros.ENVVAR) ? envvar(name.substring(Macros.ENVVAR.length()), context) : m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String program(SweepConfig config) {
        if (config.program() == null) {
            throw new IllegalStateException("the sweep command uses ${program} but the sweep config has no program");
        }
        return config.program();
    }

    private static String envvar(String name, CommandContext context) {
        String value = context.environment().get(name);
        if (value == null) {
            throw new IllegalArgumentException("the sweep command uses ${envvar:" + name + "} but " + name + " is not set");
        }
        return value;
    }
}
