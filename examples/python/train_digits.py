"""Trains a small PyTorch network on scikit-learn's bundled digits (8x8 images, no download) and tracks it
with Cairn: config from the command line, per-epoch metrics, gradient and parameter histograms
(``run.watch``), a few validation digits as images with their predictions, a table of predictions, a
per-class accuracy chart and the trained weights as a model artifact (``digits-cnn``, alias ``latest``).

By hand (a server running at CAIRN_BASE_URL, default http://127.0.0.1:8080)::

    PYTHONPATH=clients/python /usr/bin/python3 examples/python/train_digits.py --lr=0.01 --epochs=20

As a sweep (``sweep.yaml`` beside this file): ``./cairn agent`` starts the script with the sweep's
parameters as ``--name=value`` flags and ``CAIRN_SWEEP_ID``/``CAIRN_RUN_ID`` set; ``cairn.init`` then
joins the run the server created, and ``run.config`` holds the sweep's values.

Needs Debian's ``python3-torch`` and ``python3-sklearn`` (``apt-get install python3-torch python3-sklearn``).
"""
from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

import cairn  # noqa: E402


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lr", type=float, default=0.01, help="learning rate")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=64, help="units in the hidden layer")
    parser.add_argument("--batch_size", type=int, default=64)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--optimizer", choices=["adam", "sgd"], default="adam")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log_freq", type=int, default=10, help="batches between watch() histograms")
    parser.add_argument("--project", default=os.environ.get("CAIRN_PROJECT", "digits"))
    return parser.parse_args(argv)


def load_data(seed: int):
    digits = load_digits()
    x = digits.data.astype(np.float32) / 16.0          # pixel values 0-16 -> 0-1
    x_train, x_val, y_train, y_val, img_train, img_val = train_test_split(
        x, digits.target, digits.images, test_size=0.25, random_state=seed, stratify=digits.target)
    return (torch.tensor(x_train), torch.tensor(y_train), torch.tensor(x_val), torch.tensor(y_val),
            img_val / 16.0)


def build_model(hidden: int, dropout: float) -> torch.nn.Module:
    return torch.nn.Sequential(torch.nn.Linear(64, hidden), torch.nn.ReLU(), torch.nn.Dropout(dropout),
                               torch.nn.Linear(hidden, 10))


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        logits = model(x)
        loss = torch.nn.functional.cross_entropy(logits, y).item()
        probabilities = torch.softmax(logits, dim=1)
        confidence, predicted = probabilities.max(dim=1)
    model.train()
    return loss, (predicted == y).float().mean().item(), predicted, confidence


def main(argv=None) -> None:
    args = parse_args(argv)
    run = cairn.init(project=args.project, config=vars(args), job_type="train")
    config = run.config                                   # in a sweep: the sweep's values
    torch.manual_seed(config.seed)
    x_train, y_train, x_val, y_val, images_val = load_data(config.seed)

    model = build_model(config.hidden, config.dropout)
    if config.optimizer == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=config.lr)
    else:
        optimizer = torch.optim.SGD(model.parameters(), lr=config.lr, momentum=0.9)
    run.watch(model, log="all", log_freq=config.log_freq)
    run.define_metric("val/acc", summary="max")
    run.define_metric("val/loss", summary="min")

    generator = torch.Generator().manual_seed(config.seed)
    for epoch in range(config.epochs):
        order = torch.randperm(len(x_train), generator=generator)
        total_loss, batches = 0.0, 0
        for start in range(0, len(order), config.batch_size):
            batch = order[start:start + config.batch_size]
            loss = torch.nn.functional.cross_entropy(model(x_train[batch]), y_train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total_loss += loss.item()
            batches += 1
        val_loss, val_acc, _, _ = evaluate(model, x_val, y_val)
        run.log({"epoch": epoch, "train/loss": total_loss / batches, "val/loss": val_loss, "val/acc": val_acc})
        print(f"epoch {epoch}: train loss {total_loss / batches:.4f}, val loss {val_loss:.4f}, val acc {val_acc:.3f}")

    _, val_acc, predicted, confidence = evaluate(model, x_val, y_val)
    examples = [cairn.Image(images_val[i], caption=f"pred {predicted[i].item()} / true {y_val[i].item()}")
                for i in range(8)]
    table = cairn.Table(columns=["index", "image", "truth", "prediction", "confidence"])
    for i in range(min(64, len(y_val))):
        table.add_data(i, cairn.Image(images_val[i]), int(y_val[i]), int(predicted[i]), float(confidence[i]))
    per_class = cairn.Table(columns=["digit", "accuracy"],
                            data=[[d, float((predicted[y_val == d] == d).float().mean())] for d in range(10)])
    run.log({"examples": examples, "predictions": table,
             "per_class_accuracy": cairn.plot.bar(per_class, "digit", "accuracy", title="Accuracy per digit")})

    weights = os.path.join(run.dir or ".", "model.pt")
    torch.save(model.state_dict(), weights)
    model_artifact = cairn.Artifact("digits-cnn", type="model", metadata={"val_acc": val_acc, "lr": config.lr, "hidden": config.hidden})
    model_artifact.add_file(weights)
    run.log_artifact(model_artifact)                  # a new version v0, v1, ...; the alias latest moves to it
    run.summary["final_val_acc"] = val_acc
    run.finish()


if __name__ == "__main__":
    main()
