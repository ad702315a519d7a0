package dev.cairn.cli;

import picocli.CommandLine.Option;

/** Where the server is and how to authenticate: {@code --base-url} and {@code --api-key}, with env defaults. */
public final class ConnectionOptions {
    public static final String BASE_URL_ENV = "CAIRN_BASE_URL";
    public static final String API_KEY_ENV = "CAIRN_API_KEY";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";

    @Option(names = "--base-url", paramLabel = "URL",
            defaultValue = "${env:" + BASE_URL_ENV + ":-" + DEFAULT_BASE_URL + "}",
            description = "the Cairn server (default: $" + BASE_URL_ENV + " or " + DEFAULT_BASE_URL + ")")
    String baseUrl;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:" + API_KEY_ENV + "}",
            description = "API key sent to the server (default: $" + API_KEY_ENV + ")")
    String apiKey;

    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String apiKey() {
        return apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    public ServerClient client() {
        return new ServerClient(baseUrl(), apiKey());
    }
}
