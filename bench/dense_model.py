"""The dense model pass alone: CPU a word piece, float32 against int8, on real sentences.

Run: ``.venv/bin/python bench/dense_model.py [--articles 24] [--rounds 3] [--out
bench/results]``. Writes ``dense_model.json`` and ``dense_model.md`` there.

What it answers (issue 14): whether a cheaper model pass is on offer. The texts are the
sentences of the first ``--articles`` BASIL articles (BASIL's own sentence starts, read by
``eval/basil.py``; nothing is copied), each once, as the briefs send a story's sentences.
Variants, run alternately for ``--rounds`` rounds on one torch thread (as the model runs
under load, and where a text's vector does not depend on its batch):

- ``float32``: :class:`~newsprism.cluster.vectors.DenseVectorizer` as shipped;
- ``int8``: the encoder's 36 linear layers quantised dynamically
  (``torch.ao.quantization.quantize_dynamic``, qint8 weights, activations quantised per
  call), the rest of the pass unchanged;
- ``int8 per channel``: the same with one weight scale per output row.

For each: median CPU milliseconds a word piece ([CLS]/[SEP] counted), and the agreement of
its vectors with float32's: the cosine of each text's two vectors, the change of every
pair's similarity, and the pairs that change side of the dense summary's support
threshold (``SummaryOptions.dense_support_similarity``) among the pairs of one article's
story. Timings on a shared machine are upper bounds; compare the variants' ratio.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from _results import RESULTS, write_report
from newsprism.cluster.vectors import DenseVectorizer, dense_available
from newsprism.reconcile.summary import SummaryOptions

Vectors = npt.NDArray[np.float32]


def story_sentences(count: int) -> list[list[str]]:
    """The sentences of the first ``count`` BASIL articles, grouped by story (triplet),
    each distinct sentence once."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    import basil  # type: ignore[import-not-found]

    items = [a for group in basil.stories().values() for a in group][:count]
    seen: set[str] = set()
    grouped: dict[str, list[str]] = {}
    for article in items:
        bounds = [*article.sentence_starts, len(article.text)]
        for start, end in itertools.pairwise(bounds):
            text = article.text[start:end].strip()
            if text and text not in seen:
                seen.add(text)
                grouped.setdefault(article.story, []).append(text)
    return list(grouped.values())


def _quantised_linears(model: Any, per_channel: bool) -> dict[int, Any]:
    """One dynamically quantised ``nn.Linear`` per linear weight of the encoder, keyed by
    the float weight's identity."""
    import torch
    from torch.ao import quantization

    config = quantization.per_channel_dynamic_qconfig if per_channel else None
    found: dict[int, Any] = {}
    for layer in model._layers:
        for name in ("query", "key", "value", "attention_out", "intermediate", "out"):
            weight, bias = getattr(layer, name)
            linear = torch.nn.Linear(weight.shape[1], weight.shape[0])
            linear.weight.data, linear.bias.data = weight, bias
            spec = {torch.nn.Linear: config} if config else {torch.nn.Linear}
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # torch.ao's deprecation notices
                packed = quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
                    torch.nn.Sequential(linear), spec, dtype=torch.qint8
                )
            found[id(weight)] = packed[0]
    return found


@contextmanager
def int8(vectorizer: DenseVectorizer, per_channel: bool) -> Iterator[None]:
    """Within the block the model's linear layers run in int8 (the model calls
    ``torch.nn.functional.linear`` with its float weights; those calls are rerouted)."""
    import torch

    quantised = _quantised_linears(vectorizer._model, per_channel)
    original = torch.nn.functional.linear

    def linear(x: Any, weight: Any, bias: Any = None) -> Any:
        module = quantised.get(id(weight))
        return original(x, weight, bias) if module is None else module(x)

    torch.nn.functional.linear = linear  # type: ignore[assignment]
    try:
        yield
    finally:
        torch.nn.functional.linear = original


def timed(vectorizer: DenseVectorizer, texts: list[str]) -> tuple[Vectors, float]:
    """The texts' vectors and the CPU seconds of this thread they took."""
    started = time.thread_time()
    rows = vectorizer.vectors(texts)
    return rows, time.thread_time() - started


def agreement(base: Vectors, other: Vectors, stories: list[list[str]]) -> dict[str, Any]:
    """Cosine of each text's two vectors; the change of pair similarities within a story;
    the pairs on the other side of the dense support threshold."""
    cosines = (base * other).sum(axis=1)
    threshold = SummaryOptions().dense_support_similarity
    changes: list[float] = []
    above = flipped = at = 0
    for story in stories:
        rows = slice(at, at + len(story))
        at += len(story)
        first, second = base[rows] @ base[rows].T, other[rows] @ other[rows].T
        upper = np.triu_indices(len(story), 1)
        changes.extend(np.abs(first - second)[upper].tolist())
        above += int((first[upper] >= threshold).sum())
        flipped += int(((first[upper] >= threshold) != (second[upper] >= threshold)).sum())
    return {
        "cosine_min": float(cosines.min()),
        "cosine_median": float(np.median(cosines)),
        "pair_change_median": float(np.median(changes)),
        "pair_change_p99": float(np.percentile(changes, 99)),
        "pair_change_max": float(max(changes)),
        "pairs": len(changes),
        "pairs_above_threshold": above,
        "pairs_flipped": flipped,
        "threshold": threshold,
    }


def measure(articles: int, rounds: int) -> dict[str, Any]:
    import torch

    torch.set_num_threads(1)
    stories = story_sentences(articles)
    texts = [t for story in stories for t in story]
    vectorizer = DenseVectorizer(batch_size=16)
    pieces = sum(len(vectorizer.word_pieces(t)) + 2 for t in texts)
    variants: dict[str, Callable[[], Any]] = {
        "float32": _nothing,
        "int8": lambda: int8(vectorizer, per_channel=False),
        "int8 per channel": lambda: int8(vectorizer, per_channel=True),
    }
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    rows: dict[str, Vectors] = {}
    for scope in variants.values():  # warm-up: first calls pay one-off set-up costs
        with scope():
            vectorizer.vectors(texts[:32])
    load = [os.getloadavg()[0]]
    for _ in range(rounds):
        for name, scope in variants.items():
            with scope():
                rows[name], spent = timed(vectorizer, texts)
            seconds[name].append(spent)
            print(name, f"{spent / pieces * 1000:.3f} ms a piece", flush=True)
    load.append(os.getloadavg()[0])
    found: dict[str, Any] = {}
    for name, each in seconds.items():
        per_piece = statistics.median(each) / pieces * 1000
        found[name] = {
            "cpu_ms_per_piece": per_piece,
            "each_round": [round(s / pieces * 1000, 3) for s in each],
            "ratio": per_piece / (statistics.median(seconds["float32"]) / pieces * 1000),
        }
        if name != "float32":
            found[name]["agreement"] = agreement(rows["float32"], rows[name], stories)
    return {
        "articles": articles,
        "texts": len(texts),
        "pieces": pieces,
        "rounds": rounds,
        "load": load,
        "torch": torch.__version__,
        "quantized_engine": torch.backends.quantized.engine,
        "variants": found,
    }


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Dense model pass: float32 against int8",
        "",
        f"{report['texts']} sentences ({report['pieces']} word pieces) of the first "
        f"{report['articles']} BASIL articles, one torch thread, {report['rounds']} rounds "
        f"alternately (torch {report['torch']}, quantized engine "
        f"{report['quantized_engine']}); load average {report['load'][0]:.1f} at the start, "
        f"{report['load'][1]:.1f} at the end (upper bounds: compare the ratio).",
        "",
        "| variant | CPU ms a piece (each round) | ratio | cosine to float32, min / median "
        "| pair similarity change, median / p99 / max | pairs changing side of the "
        "support threshold |",
        "| --- | --- | ---: | --- | --- | --- |",
    ]
    for name, row in report["variants"].items():
        agree = row.get("agreement")
        cells = (
            [
                f"{agree['cosine_min']:.3f} / {agree['cosine_median']:.3f}",
                f"{agree['pair_change_median']:.3f} / {agree['pair_change_p99']:.3f} / "
                f"{agree['pair_change_max']:.3f}",
                f"{agree['pairs_flipped']} ({agree['pairs_above_threshold']} at or above "
                f"{agree['threshold']} in float32, of {agree['pairs']} pairs)",
            ]
            if agree
            else ["1", "0", "0"]
        )
        lines.append(
            f"| {name} | {row['cpu_ms_per_piece']:.3f} ({row['each_round']}) | "
            f"{row['ratio']:.2f} | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if not dense_available():
        sys.exit("the dense model needs the 'embed' extra")
    report = measure(args.articles, args.rounds)
    print(write_report(args.out, "dense_model", report, markdown))


if __name__ == "__main__":
    main()
