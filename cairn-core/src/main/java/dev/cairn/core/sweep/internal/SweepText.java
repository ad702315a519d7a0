package dev.cairn.core.sweep.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.sweep.SweepConfigException;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Decodes sweep file text into maps and lists: JSON (text starting with '{') with Jackson,
 * anything else as YAML with SnakeYAML's safe constructor, which builds only plain maps,
 * lists and scalars (no arbitrary classes from tags).
 */
final class SweepText {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SweepText() {
    }

    static Object decode(String text) {
        if (text == null || text.isBlank()) {
            throw new SweepConfigException(List.of("(top level): the sweep file is empty"));
        }
        return text.stripLeading().startsWith("{") ? json(text) : yaml(text);
    }

    private static Object json(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new SweepConfigException(List.of("json: " + where + e.getOriginalMessage()));
        }
    }

    private static Object yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
                new ExponentFloats());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new SweepConfigException(List.of("yaml: " + where + e.getProblem() + context));
        } catch (YAMLException e) {
            throw new SweepConfigException(List.of("yaml: " + e.getMessage()));
        }
    }

    /**
     * YAML 1.1 reads {@code 1e-5} as a string (a float needs a dot there), which turns
     * {@code min: 1e-5} into an error; JSON and YAML 1.2 read it as a number, and so do we.
     */
    private static final class ExponentFloats extends Resolver {
        private static final Pattern EXPONENT_FLOAT =
                Pattern.compile("^[-+]?[0-9]+(\\.[0-9]*)?[eE][-+]?[0-9]+$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.FLOAT, EXPONENT_FLOAT, "-+0123456789");
            super.addImplicitResolvers();
        }
    }
}
