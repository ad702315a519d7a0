package dev.cairn.core.sweep.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Finds points of high expected improvement (EI) over the best observation, minimising.
 * EI is maximised by scoring random points of the unit cube plus jitter around the best
 * observations, then hill-climbing from the top few with a shrinking step. Candidates are
 * snapped to values the parameters can take before scoring, so discrete axes are scored at the
 * point that would really run.
 */
public final class ExpectedImprovement {

    /** Exploration margin, in standard deviations of the targets. */
    private static final double XI = 0.01;
    private static final int REFINED = 3;
    private static final int REFINE_STEPS = 25;

    private final GaussianProcess model;
    private final double incumbent;
    private final UnitSpace space;

    public ExpectedImprovement(GaussianProcess model, double incumbent, UnitSpace space) {
        this.model = model;
        this.incumbent = incumbent;
        this.space = space;
    }

    /** A scored candidate point. */
    public record Candidate(double[] point, double score) {
    }

    /** Candidates from best to worst EI; several may snap to the same discrete point. */
    public List<Candidate> rank(List<double[]> anchors, Random rng) {
        int d = space.dimensions();
        int randomCount = Math.min(1000, 200 + 25 * d);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < randomCount; i++) {
            double[] u = new double[d];
            for (int j = 0; j < d; j++) {
                u[j] = rng.nextDouble();
            }
            points.add(space.project(u));
        }
        for (double[] anchor : anchors) {
            for (int i = 0; i < 10; i++) {
                points.add(space.project(jitter(anchor, 0.05, rng)));
            }
        }
        // scored together: most of a suggestion's time, and several times faster than one by one
        double[][] predicted = model.predictAll(points.toArray(double[][]::new));
        List<Candidate> candidates = new ArrayList<>(points.size() + REFINED);
        for (int i = 0; i < points.size(); i++) {
            candidates.add(new Candidate(points.get(i), of(new double[] {predicted[0][i], predicted[1][i]}, incumbent)));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> refined = new ArrayList<>();
        for (Candidate start : candidates.subList(0, Math.min(REFINED, candidates.size()))) {
            refined.add(climb(start, rng));
        }
        candidates.addAll(refined);
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return candidates;
    }

    private Candidate climb(Candidate start, Random rng) {
        Candidate current = start;
        double step = 0.05;
        for (int i = 0; i < REFINE_STEPS; i++) {
            Candidate next = score(jitter(current.point(), step, rng));
            if (next.score() > current.score()) {
                current = next;
            } else {
                step *= 0.8;
            }
        }
        return current;
    }

    private Candidate score(double[] u) {
        double[] snapped = space.project(u);
        return new Candidate(snapped, of(model.predict(snapped), incumbent));
    }

    /** EI of a prediction {mean, sd} below {@code incumbent}. */
    static double of(double[] prediction, double incumbent) {
        double improvement = incumbent - prediction[0] - XI;
        double sd = prediction[1];
        if (sd < 1e-9) {
            return Math.max(improvement, 0);
        }
        double z = improvement / sd;
        return improvement * NormalDistribution.cdf(z) + sd * NormalDistribution.pdf(z);
    }

    private static double[] jitter(double[] point, double sd, Random rng) {
        double[] moved = new double[point.length];
        for (int j = 0; j < point.length; j++) {
            moved[j] = Math.max(0, Math.min(1, point[j] + sd * rng.nextGaussian()));
        }
        return moved;
    }
}
