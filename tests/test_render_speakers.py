"""A statement whose speaker is a body ("police", "the council") resolves to no person;
every view (terminal, Markdown, HTML report, web page) names it as the outlets wrote it
instead of "(unattributed)", and keeps "(unattributed)" for a quote no outlet credits.

The story is invented: two outlets on a bus that left a lakeside road."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Passage, Statement, Variant
from newsprism.render.speakers import UNATTRIBUTED, speaker_label
from newsprism.web import WebOptions, create_app

LAKESIDE = (
    "A bus carrying 30 tourists left the road near Lake Orvane on Sunday evening.\n\n"
    "Police said the driver had been travelling too fast for the wet road.\n\n"
    '"He is lucky to be alive," he said.\n'
)
RIDGE = (
    "Thirty tourists were on board when a bus slid off the road by Lake Orvane on Sunday."
    "\n\nThe police said the driver was going too fast for the wet road.\n"
)


def _statement(speaker: str | None, *mentions: str | None) -> Statement:
    variants = tuple(
        Variant(Passage(f"a{i}", None, "text", 0, 4), False, mention)
        for i, mention in enumerate(mentions)
    )
    return Statement("st1", speaker, variants)


def test_a_resolved_speaker_is_shown_as_resolved() -> None:
    assert speaker_label(_statement("Mara Lind", "the mayor")) == "Mara Lind"


def test_a_body_is_shown_as_written_most_frequent_form_first() -> None:
    label = speaker_label(_statement(None, "prosecutors", "the prosecution", "Prosecutors"))
    assert label == "\u201cprosecutors\u201d / \u201cthe prosecution\u201d (as written)"


def test_forms_differing_in_case_or_a_leading_the_are_one() -> None:
    assert (
        speaker_label(_statement(None, "The police", "police", "the police"))
        == "\u201cpolice\u201d (as written)"
    )


@pytest.mark.parametrize(
    "mentions",
    [
        ("prosecutors", "the prosecution", "the harbour board"),
        ("the harbour board", "the prosecution", "prosecutors"),
        ("Prosecutors", "The Harbour Board", "the prosecution"),
    ],
)
def test_the_label_does_not_depend_on_the_order_the_outlets_come_in(
    mentions: tuple[str, ...],
) -> None:
    # one mention each: the forms are shown by the form itself, not by which came first
    forward = speaker_label(_statement(None, *mentions))
    assert forward == speaker_label(_statement(None, *reversed(mentions)))
    assert forward.endswith(" and 1 other form (as written)")


def test_forms_beyond_two_are_counted_not_dropped_silently() -> None:
    label = speaker_label(
        _statement(None, "police", "police", "prosecutors", "the coast guard", "the mayor's office")
    )
    assert label == ("\u201cpolice\u201d / \u201cprosecutors\u201d and 2 other forms (as written)")


@pytest.mark.parametrize(
    "mentions",
    [
        *[(), (None,), ("he",), ("they", "it"), ("\u2019s",)],
        # a mention cut to its article, pronouns of other languages in quotes (in lower
        # case, as they stand inside an English page's sentence), and a pronoun opening it
        *[("the",), ("The",), ("il",), ("er", "elle"), ("He",), ("One",), ("I",)],
        # another language's pronoun opening its sentence, a pronoun in an all-caps line
        # (review s42/4 M4)
        *[("Il",), ("Er",), ("Ele",), ("HE",), ("THEY", "SHE")],
    ],
)
def test_no_mention_or_only_a_pronoun_is_unattributed(mentions: tuple[str | None, ...]) -> None:
    assert speaker_label(_statement(None, *mentions)) == UNATTRIBUTED


@pytest.mark.parametrize(
    ("mentions", "label"),
    [
        # a body whose acronym is spelt like a pronoun (review s42/2 M8)
        (("the WHO",), "\u201cthe WHO\u201d (as written)"),
        (("WHO", "the WHO"), "\u201cWHO\u201d (as written)"),
        (("ONE",), "\u201cONE\u201d (as written)"),
        # a pronoun capitalised after a mention's first word is a name ("the Who")
        (("the Who",), "\u201cthe Who\u201d (as written)"),
        # another language's pronoun capitalised is the name it also is
        (("Elle",), "\u201cElle\u201d (as written)"),
        # and a surname spelt like one (review s43/2 LOW)
        (("Egli",), "\u201cEgli\u201d (as written)"),
        (("Loro",), "\u201cLoro\u201d (as written)"),
    ],
)
def test_a_name_spelt_like_a_pronoun_is_shown_as_written(
    mentions: tuple[str, ...], label: str
) -> None:
    assert speaker_label(_statement(None, *mentions)) == label


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("bus")
    folder = root / "in"
    folder.mkdir()
    (folder / "lakeside.txt").write_text(LAKESIDE, encoding="utf-8")
    (folder / "ridge.txt").write_text(RIDGE, encoding="utf-8")
    db = root / "bus.db"
    result = CliRunner().invoke(
        app, ["analyze", str(folder), "--db", str(db), "--format", "json", "--embeddings", "off"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    (story,) = report["stories"]
    police = [s for s in story["statements"] if "too fast" in s["variants"][0]["text"]]
    assert police and police[0]["speaker"] is None  # the JSON keeps null (unchanged)
    yield db, story["id"]


@pytest.mark.parametrize("fmt", [None, "md", "html"])
def test_every_report_view_names_the_police_as_written(
    store: tuple[Path, str], fmt: str | None
) -> None:
    db, story = store
    args = ["brief", story, "--db", str(db)] + (["--format", fmt] if fmt else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = re.sub(r"\\(.)", r"\1", result.stdout)  # Markdown escapes
    # The terminal's narrow speaker column wraps the label over lines of its box (its
    # "(as" and "written)" rows apart, the other columns' words between them).
    text = " ".join(re.sub(r"[\u2500-\u257f]", " ", text).split())
    assert re.search("\u201cPolice\u201d \\(as .*written\\)", text)
    if fmt:  # the terminal lists a statement only one article carries in the JSON only
        assert "(unattributed)" in text  # the quote credited only to "he"


def test_the_web_story_page_names_the_police_as_written(store: tuple[Path, str]) -> None:
    db, story = store
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(db, options)) as client:
        page = client.get(f"/stories/{story}")
    assert page.status_code == 200
    assert "\u201cPolice\u201d (as written)" in page.text
