"""The evaluation gate: minimum scores, and a hash of the gold data they were measured on.

A score goes down only on purpose: ``tests/test_eval_gate.py`` runs the quote evaluation
on PolNeAR's test split in CI and fails when a score falls under its minimum in
``eval/gate.json``, or when the gold data no longer hashes to the pinned value (a changed
corpus needs a deliberate re-baseline: run ``python eval/gate.py --pin`` and commit).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from polnear import data_root

GATE_FILE = Path(__file__).resolve().parent / "gate.json"
SPLIT = "test"


def gold_sha256(root: Path, split: str = SPLIT) -> str:
    """SHA-256 over the split's text and annotation files (names and bytes, sorted)."""
    digest = hashlib.sha256()
    base = root / "data" / split
    for path in sorted([*base.glob("text/*.txt"), *base.glob("attributions/*.ann")]):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_gate() -> dict[str, Any]:
    return dict(json.loads(GATE_FILE.read_text(encoding="utf-8")))


def scores_of(result: dict[str, Any]) -> dict[str, float]:
    """The gated numbers of one evaluation result of eval/quotes.py."""
    ours = result["newsprism"]
    return {
        "direct_overlap_f1": ours["direct"]["overlap"]["f1"],
        "direct_exact_f1": ours["direct"]["exact"]["f1"],
        "all_overlap_f1": ours["all"]["overlap"]["f1"],
        "speaker_accuracy_direct": ours["speaker_accuracy"]["direct"]["accuracy"],
    }


def shortfalls(scores: dict[str, float], minimum: dict[str, float]) -> list[str]:
    """One line per gated score under its minimum (empty when the gate passes)."""
    return [
        f"{name}: {scores[name]:.4f} < minimum {floor:.4f}"
        for name, floor in minimum.items()
        if scores[name] < floor
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pin the gold-data hash of the eval gate.")
    parser.add_argument("--pin", action="store_true", help="write the current hash to gate.json")
    args = parser.parse_args(argv)
    current = gold_sha256(data_root())
    gate = load_gate()
    if args.pin:
        gate["gold_sha256"] = current
        GATE_FILE.write_text(json.dumps(gate, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(f"{current}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
