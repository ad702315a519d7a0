package dev.cairn.core.run;

import java.security.SecureRandom;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Run ids, memorable run names, and the rule every entity, project and run id must follow.
 *
 * <pre>{@code
 * String id = Names.newRunId();          // "k3x9q2ab"
 * String name = Names.memorableName();   // "glorious-donkey-58"
 * Names.requireValid("project", "mnist"); // throws IllegalArgumentException when invalid
 * }</pre>
 */
public final class Names {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 8;
    private static final Random RANDOM = new SecureRandom();

    private static final String[] ADJECTIVES = {
        "amber", "ancient", "autumn", "bold", "brave", "bright", "calm", "cheerful", "clever", "cosmic",
        "crimson", "curious", "dainty", "dark", "dashing", "eager", "electric", "fearless", "fiery", "fluent",
        "fragrant", "gentle", "glorious", "golden", "graceful", "happy", "hardy", "hidden", "icy", "jolly",
        "keen", "lively", "lucky", "lunar", "mellow", "misty", "noble", "polar", "proud", "quiet",
        "radiant", "rapid", "royal", "rustic", "serene", "silent", "silver", "smooth", "solar", "spring",
        "stellar", "sunny", "swift", "tender", "twilight", "vivid", "wandering", "warm", "wild", "winter"};
    private static final String[] NOUNS = {
        "badger", "bird", "breeze", "brook", "butterfly", "canyon", "cedar", "cloud", "comet", "coyote",
        "dawn", "deer", "donkey", "dragon", "dream", "dune", "eagle", "field", "firefly", "flower",
        "forest", "fox", "galaxy", "glade", "haze", "heron", "hill", "lake", "leaf", "lion",
        "meadow", "moon", "morning", "mountain", "night", "oak", "ocean", "otter", "owl", "paper",
        "pine", "planet", "pond", "rain", "river", "sea", "shadow", "sky", "snow", "sound",
        "star", "sun", "thunder", "tree", "valley", "violet", "water", "wave", "wind", "wolf"};

    private Names() {
    }

    /** A fresh random run id: 8 characters of [a-z0-9]. */
    public static String newRunId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** A name such as {@code glorious-donkey-58}, easy to say aloud and to tell apart. */
    public static String memorableName() {
        return ADJECTIVES[RANDOM.nextInt(ADJECTIVES.length)] + "-"
                + NOUNS[RANDOM.nextInt(NOUNS.length)] + "-" + (1 + RANDOM.nextInt(99));
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * Throws an {@link IllegalArgumentException} whose message names the field, the value and the
     * rule, unless {@code value} is a valid entity, project or run id.
     */
    public static String requireValid(String field, String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' is not valid: use 1-128 letters, digits,"
                    + " '_', '.' or '-', starting with a letter or digit");
        }
        return value;
    }
}
