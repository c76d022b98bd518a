"""A photo credit glued to the body's first sentence ("Photo: Jane Roe/Agency The minister
said ...", no line break) leaves the body as a photo_credit, and the sentence stays: the
whole line was removed as a caption, lede and all. Only an unambiguous credit is split."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.clean import clean_scraped_text
from newsprism.model import Article

LEDE = "The minister said on Monday that the pier would close for a week."
AFTER = "The council agreed with the plan after a long debate on Tuesday evening."


def _clean(line: str) -> tuple[str, list[tuple[str, str]]]:
    cleaned = clean_scraped_text(f"Pier closes\n\n{line}\n\n{AFTER}")
    return cleaned.text, [(r.line, r.reason) for r in cleaned.removed if r.reason != "title"]


@pytest.mark.parametrize(
    ("credit", "lede"),
    [
        ("Photo: Jane Roe/Agency", LEDE),
        ("Photo: Jane Roe/Nordlicht Agency", LEDE),
        ("Image: AFP", "Police officers said on Monday that the pier would close for a week."),
        ("Photo: Jane Roe/Reuters", "The Prime Minister said the pier would close for a week."),
    ],
)
def test_a_glued_credit_leaves_the_body_and_the_sentence_stays(credit: str, lede: str) -> None:
    text, removed = _clean(f"{credit} {lede}")
    assert text == f"{lede}\n\n{AFTER}"
    assert removed == [(credit, "photo_credit")]


@pytest.mark.parametrize(
    "line",
    [
        # no point where a sentence plainly starts: the credit's end is a guess
        "Photo: Jane Roe/Reuters Prime Minister Keir Starmer said the pier would close.",
        # a caption after the credit, not body prose
        "Photo: Jane Roe/Reuters Firefighters rest.",
    ],
)
def test_an_ambiguous_or_caption_line_is_left_to_the_caption_rule(line: str) -> None:
    text, removed = _clean(line)
    assert text == AFTER and removed == [(line, "caption")]


def test_a_text_file_keeps_its_lede_and_names_the_credit(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(f"Pier closes\n\nPhoto: Jane Roe/Agency {LEDE}\n{AFTER}\n", encoding="utf-8")
    (article,) = list(read_inputs([str(path)], IngestOptions()))
    assert isinstance(article, Article)
    assert article.text.startswith(LEDE) and "Jane Roe" not in article.text
    assert ("Photo: Jane Roe/Agency", "photo_credit") in [
        (r.line, r.reason) for r in article.removed
    ]
    start = article.text.index("pier would close")
    assert article.text[start : start + 16] == "pier would close"
