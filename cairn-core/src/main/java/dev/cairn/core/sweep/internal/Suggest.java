package dev.cairn.core.sweep.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
final class Suggest {

    private Suggest() {
    }

    /**
     * The closest of {@code options} to {@code typed}, if it is close enough to be a typo:
     * at most a third of the word's length apart, and never more than 3 edits.
     */
    static Optional<String> nearest(String typed, Collection<String> options) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String folded = typed.toLowerCase(Locale.ROOT);
        for (String option : options) {
            int d = distance(folded, option.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = option;
                bestDistance = d;
            }
        }
        int limit = Math.min(3, Math.max(1, typed.length() / 3));
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of neighbouring
     * letters (optimal string alignment), since "bayse" is one slip from "bayes", not two.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
