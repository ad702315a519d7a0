"""Optuna TPE on the sweep benchmark's functions (see BenchFunctions.java; keep them in step).

Usage: python3 sweep_optuna.py SEEDS BUDGET... ; prints sweep.<function>.optuna_tpe.regret@<budget>: X
"""
import math
import statistics
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)

ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
     [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
     [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
TARGETS = [1, -2, 0.5, 3]
OPTIMIZER = {"sgd": 0.6, "adam": 0.0, "rmsprop": 0.3, "adagrad": 0.9}
ACTIVATION = {"relu": 0.2, "tanh": 0.5, "gelu": 0.0}
BATCH = {16: 0.4, 32: 0.0, 64: 0.1, 128: 0.3}


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
    x = [trial.suggest_float("x%d" % (j + 1), 0, 1) for j in range(6)]
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))


def integer_cost(trial, name, target, low, high):
    return 4 * ((trial.suggest_int(name, low, high) - target) / (high - low)) ** 2


def mixed10(trial):
    continuous = 0.0
    for i, target in enumerate(TARGETS):
        d = trial.suggest_float("x%d" % i, -5, 5) - target
        continuous += d * d / 4 + 0.5 * (1 - math.cos(2 * math.pi * d))
    cost = integer_cost(trial, "layers", 3, 1, 8) + integer_cost(trial, "units", 96, 8, 256) \
        + integer_cost(trial, "warmup", 7, 0, 20)
    optimizer = trial.suggest_categorical("optimizer", list(OPTIMIZER))
    activation = trial.suggest_categorical("activation", list(ACTIVATION))
    batch = trial.suggest_categorical("batch_size", list(BATCH))
    if optimizer != "adam":
        continuous *= 1.5
    return continuous + cost + OPTIMIZER[optimizer] + ACTIVATION[activation] + BATCH[batch]


FUNCTIONS = [("branin", branin, 0.397887), ("hartmann6", hartmann6, -3.32237), ("mixed10", mixed10, 0.0)]


def main():
    seeds, budgets = int(sys.argv[1]), [int(b) for b in sys.argv[2:]]
    for name, function, minimum in FUNCTIONS:
        regrets = {b: [] for b in budgets}
        for seed in range(seeds):
            study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
            study.optimize(function, n_trials=max(budgets))
            values = [t.value for t in study.trials]
            for b in budgets:
                regrets[b].append(min(values[:b]) - minimum)
        for b in budgets:
            print("sweep.%s.optuna_tpe.regret@%d: %.4f" % (name, b, statistics.median(regrets[b])), flush=True)


if __name__ == "__main__":
    main()
