"""Command line: python -m snippets train --impl numpy|keras [options]; see --help."""

import argparse
import json
import sys

from snippets.course.results import SETTINGS


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line instead of argparse's usage block
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m snippets", description="Train the 0-vs-1 MNIST network and score it on the test set."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    train = commands.add_parser(
        "train",
        help="train on the 12,665 training digits, report accuracy on the 2,115 test digits",
        description="Train on the MNIST 0/1 training set (12,665 images) and report test accuracy, "
        "errors and training time on the 2,115 test images.",
    )
    train.add_argument(
        "--impl",
        choices=sorted(SETTINGS),
        required=True,
        help="numpy: gradient descent by hand; keras: Sequential + fit with Adam",
    )
    train.add_argument(
        "--epochs", type=int, help=f"passes over the training set (default {SETTINGS['numpy']['epochs']})"
    )
    train.add_argument("--batch-size", type=int, help=f"examples per step (default {SETTINGS['numpy']['batch_size']})")
    train.add_argument(
        "--lr",
        type=float,
        help=f"learning rate (default {SETTINGS['numpy']['lr']} for numpy, {SETTINGS['keras']['lr']} for keras)",
    )
    train.add_argument(
        "--size",
        type=int,
        choices=(20, 28),
        default=20,
        help="image side in pixels: 20 (400 inputs, the course's) or 28 (784)",
    )
    train.add_argument("--seed", type=int, default=0, help="seed for the initial weights and shuffling (default 0)")
    train.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    return parser


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    from tqdm import tqdm  # imported late so that --help stays instant

    epochs = args.epochs if args.epochs is not None else SETTINGS[args.impl]["epochs"]
    bar = tqdm(total=epochs, desc=f"{args.impl} training", unit="epoch", file=sys.stderr, disable=None)

    def progress(epoch, history):
        bar.set_postfix(loss=f"{history['loss'][-1]:.4f}", acc=f"{history['accuracy'][-1]:.4f}")
        bar.update(1)

    from snippets.course.results import run

    try:
        result = run(
            args.impl,
            size=args.size,
            seed=args.seed,
            callback=progress,
            epochs=args.epochs,
            batch_size=args.batch_size,
            lr=args.lr,
        )
    except ValueError as error:
        print(f"python -m snippets: error: {error}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    report = {key: result[key] for key in ("impl", "epochs", "batch_size", "lr", "size", "seed")}
    report.update(
        test_accuracy=result["test_accuracy"],
        test_errors=result["test_errors"],
        test_examples=int(result["P"].shape[1]),
        train_seconds=round(result["train_seconds"], 3),
        final_loss=result["history"]["loss"][-1],
    )
    if args.json:
        print(json.dumps(report))
    else:
        print(
            f"{args.impl}: test accuracy {report['test_accuracy']:.4%} ({report['test_errors']} errors in "
            f"{report['test_examples']}), trained {report['epochs']} epochs in {report['train_seconds']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
