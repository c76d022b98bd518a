"""docs/report-schema.md names every value the report can give a closed field."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from newsprism.model import DiscrepancyKind

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "report-schema.md"


def test_every_discrepancy_kind_is_documented() -> None:
    row = next(
        x
        for x in SCHEMA.read_text(encoding="utf-8").splitlines()
        if x.startswith("| `discrepancies`")
    )
    missing = [kind for kind in get_args(DiscrepancyKind) if f"`{kind}`" not in row]
    assert not missing, missing
