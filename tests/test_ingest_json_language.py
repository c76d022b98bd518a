"""A JSON record's language as exports write it ("en-US", "en_GB", "EN") is its ISO 639-1
code: the analysis knows languages by those, and an English article said to be "en-US"
was taken for another language and got an empty analysis (no quotes, no entities). A
value that is no language tag ("English") is left out with a warning and detected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.analyze.analyzer import is_supported
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.records import language_code
from newsprism.model import Article, IngestWarning
from tests.conftest import BODY


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("en", "en"),
        ("en-US", "en"),
        ("en_GB", "en"),
        ("EN", "en"),
        (" de-CH ", "de"),
        ("English", None),
        ("eng", None),
        ("", None),
        (None, None),
    ],
)
def test_language_tags_give_their_primary_code(given: str | None, code: str | None) -> None:
    assert language_code(given) == code


def test_an_en_us_record_is_analysed_as_english(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    rows = [{"text": BODY, "language": "en-US"}, {"text": BODY + " Again.", "language": "English"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(path)], IngestOptions(), on_warning=warnings.append))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.language for a in articles] == ["en", "en"]
    assert all(is_supported(a) for a in articles)
    assert [w.source for w in warnings] == [f"{path}:2"]
    assert 'language "English" is no ISO 639-1 code' in warnings[0].message
