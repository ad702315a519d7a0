package dev.cairn.server.ui;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;

/**
 * Serves the web dashboard (module cairn-ui, built by Vite into the classpath folder {@code cairn-ui}) at
 * {@code /}. Paths the files don't cover get {@code index.html}, so a shared deep link such as
 * {@code /alice/mnist/runs/k3x9q2ab} opens the right page; {@code /api/...} paths never do, they keep
 * their JSON 404s.
 *
 * <pre>{@code
 * Javalin.create(config -> WebUi.register(config));
 * }</pre>
 */
public final class WebUi {
    /** The classpath folder the cairn-ui jar carries the built app in. */
    static final String FOLDER = "cairn-ui";

    private WebUi() {
    }

    /** Whether the app is on the classpath; a build with {@code -Dui.skip} has the API only. */
    public static boolean isBundled() {
        return indexHtml() != null;
    }

    /** Adds the static files and the page fallback when the app is bundled; does nothing otherwise. */
    public static void register(JavalinConfig config) {
        URL index = indexHtml();
        if (index == null) {
            return;
        }
        byte[] page = read(index);
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/" + FOLDER;
            files.location = Location.CLASSPATH;
            // hashed file names under /assets never change; index.html must be revalidated to see a new build
            files.headers = Map.of("Cache-Control", "no-cache");
        });
        config.spaRoot.addHandler("/", ctx -> servePage(ctx, page));
    }

    private static void servePage(Context ctx, byte[] page) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(404); // left empty: the API's error mapper writes its JSON not_found body
            return;
        }
        ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(page);
    }

    private static URL indexHtml() {
        return WebUi.class.getClassLoader().getResource(FOLDER + "/index.html");
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled UI page " + url, e);
        }
    }
}
