package dev.cairn.server.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A sweep file's text (YAML or JSON) as the JSON object the sweep object shows in {@code config}. Called only
 * after {@code SweepConfig.parse} accepted the same text, so it reads it the same way: JSON when it starts
 * with '{', else YAML with the safe constructor, {@code 1e-5} read as a number as YAML 1.2 does.
 */
final class SweepFileText {
    private SweepFileText() {
    }

    static JsonNode decode(String text) {
        Object decoded = text.stripLeading().startsWith("{") ? json(text) : yaml().load(text);
        return Json.mapper().valueToTree(decoded);
    }

    private static Object json(String text) {
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("sweep JSON accepted by the parser cannot be read again", e);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new ExponentFloats());
    }

    private static final class ExponentFloats extends Resolver {
        private static final Pattern EXPONENT_FLOAT = Pattern.compile("^[-+]?[0-9]+(\\.[0-9]*)?[eE][-+]?[0-9]+$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.FLOAT, EXPONENT_FLOAT, "-+0123456789");
            super.addImplicitResolvers();
        }
    }
}
