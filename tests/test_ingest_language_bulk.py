"""The bulk of a text decides its language, and an article the analysis will skip is
told: a short English article with one Japanese sentence was detected as ``ja`` (langid
reads bytes, three to a Japanese character) and then got an empty analysis without a
word."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.analyze.analyzer import SUPPORTED_LANGUAGES
from newsprism.cli import app
from newsprism.ingest.language import ANALYSED_LANGUAGES, LanguageDetector, main_script

_ENGLISH = (
    "The ferry to Marrow resumed on Tuesday after a week of repairs, the operator said. "
    "Passengers queued from early morning at the Tessel pier. "
)
_FERRY_JA = "港のフェリーは火曜日に運航を再開し、"
_QUEUE_JA = "多くの住民が朝早くから列を作って待っていたと述べました。"
_JAPANESE = _FERRY_JA + _QUEUE_JA


def test_one_japanese_sentence_leaves_an_english_text_english() -> None:
    detector = LanguageDetector()
    assert detector.detect(_ENGLISH + _JAPANESE) == "en"
    assert detector.detect(_JAPANESE + _ENGLISH) == "en"


def test_a_mostly_japanese_text_stays_japanese() -> None:
    text = _JAPANESE * 3 + "The operator said so. " + _JAPANESE
    assert LanguageDetector().detect(text) == "ja"


def test_main_script_blanks_only_the_other_scripts() -> None:
    assert main_script("Tessel harbour reopened. 港。") == "Tessel harbour reopened.  。"
    assert main_script("Café in Zürich") == "Café in Zürich"  # one script, accents and all


def test_the_analysed_languages_are_the_analysers() -> None:
    assert ANALYSED_LANGUAGES == SUPPORTED_LANGUAGES


def test_an_article_the_analysis_skips_is_one_warning_line(tmp_path: Path) -> None:
    german = tmp_path / "faehre.txt"
    german.write_text(
        "Fähre fährt wieder\n\nDie Fähre nach Marrow fährt seit Dienstag wieder, teilte der "
        "Betreiber mit. Viele Anwohner warteten schon am frühen Morgen am Anleger.\n"
    )
    mixed = tmp_path / "ferry.txt"
    mixed.write_text("Ferry resumes\n\n" + _ENGLISH + _JAPANESE + "\n")
    result = CliRunner().invoke(
        app, ["ingest", str(german), str(mixed), "--db", str(tmp_path / "n.db")]
    )
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {german}: language de: not analysed (the analysis reads English only);"
        " stored and grouped, without its quotes, numbers and dates\n"
    )
