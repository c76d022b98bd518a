"""An undated daily page reissued in another language than English, naming another day,
is no version of the stored issue (its day and month names are read in its language);
an undated edit mending a word is still one. Invented German bulletins of an invented
port."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport, ingest
from newsprism.model import Article
from newsprism.store import Store
from newsprism.store_day_words import ENGLISH_DAY_WORDS, day_words, names_another_day

Write = Callable[..., Path]

BULLETIN = (
    "Der Hafen von Tessel meldet für den heutigen Montag ruhigen Betrieb an allen Anlegern. "
    "Die Fähren verkehren nach dem üblichen Fahrplan, und die Wartezeiten an der Rampe liegen "
    "unter zehn Minuten. Die Hafenverwaltung bittet Reisende, ihre Fahrkarten vorab zu kaufen "
    "und mindestens eine halbe Stunde vor der Abfahrt am Schalter zu erscheinen.\n\n"
    "Der Bericht erscheint jeden Morgen und wird von der Hafenverwaltung herausgegeben."
)


def _record(text: str) -> str:
    return json.dumps({"text": text, "outlet": "Hafenbote", "url": "https://hafen.example/lage"})


def _ingest(db: Path, path: Path) -> IngestReport:
    with Store(db) as store:
        return ingest(store, [str(path)], IngestOptions())


def test_the_day_and_month_names_of_a_language_with_the_english_ones() -> None:
    german = day_words("de")
    assert {"dienstag", "montag", "mai", "märz", "gestern"} <= german
    assert german >= ENGLISH_DAY_WORDS
    # An abbreviation that is a common word of the language is no day name ("die").
    assert "die" not in german and "mit" not in german


@pytest.mark.parametrize(
    ("language", "gone", "put"),
    [
        # Tuesday's "mar." -> Wednesday's "mer." (the sea), "mer." -> Thursday's "jeu." (a game)
        ("fr", "mar.", "mer."),
        ("fr", "mer.", "jeu."),
        # November -> December's "dez." (ten); Thursday -> Friday's "vi." (saw)
        ("pt", "nov.", "dez."),
        ("es", "jue.", "vi."),
        ("de", "okt.", "nov."),
    ],
)
def test_one_day_abbreviation_replaced_by_another_is_another_day_however_common(
    language: str, gone: str, put: str
) -> None:
    # An abbreviation that is a common word too is still a day name: only its
    # replacement by another day's name counts, and that is a daily page's next issue.
    assert names_another_day([gone], [put], day_words(language))


@pytest.mark.parametrize(("gone", "put"), [(["mer"], ["large"]), ([], ["jeu"])])
def test_a_common_word_removed_or_put_in_alone_is_no_other_day(
    gone: list[str], put: list[str]
) -> None:
    # "la mer" -> "le large", a game mentioned: no day name replaced, no date put in
    assert not names_another_day(gone, put, day_words("fr"))


@pytest.mark.parametrize("language", [None, "en", "xx", "../de", "DE"])
def test_an_unknown_or_odd_language_gets_the_english_words(language: str | None) -> None:
    assert day_words(language) == ENGLISH_DAY_WORDS


@pytest.mark.parametrize(
    ("old", "new"),
    [("Montag", "Dienstag"), ("heutigen Montag", "heutigen Montag, dem 4. Mai,")],
)
def test_an_undated_german_bulletin_naming_another_day_is_no_version(
    write: Write, tmp_path: Path, old: str, new: str
) -> None:
    # Before, only English day names counted: "Montag" -> "Dienstag" read as a mended
    # word and the next day's issue was folded into the stored one.
    db = tmp_path / "news.db"
    feed = write("lage.jsonl", _record(BULLETIN))
    kept = _ingest(db, feed).added[0]
    write("lage.jsonl", _record(BULLETIN.replace(old, new)))
    again = _ingest(db, feed)
    assert len(again.added) == 1 and again.edited == []
    with Store(db, access="read") as store:
        assert store.count_articles() == 2 and len(store.article_versions(kept)) == 1


def test_an_undated_german_page_with_a_word_mended_is_still_a_version(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    feed = write("lage.jsonl", _record(BULLETIN))
    kept = _ingest(db, feed).added[0]
    write("lage.jsonl", _record(BULLETIN.replace("ruhigen Betrieb", "regen Betrieb")))
    again = _ingest(db, feed)
    assert again.added == [] and again.edited == [kept]
    with Store(db, access="read") as store:
        assert store.count_articles() == 1 and len(store.article_versions(kept)) == 2


@pytest.mark.parametrize("language", ["zh", "ja", "ko", "th", "ar", "sw"])
def test_every_language_gives_its_names_without_a_missing_tokenizer_crash(language: str) -> None:
    # Scoring Chinese words needs jieba, which is not installed: folding an undated
    # Chinese page's edit raised ModuleNotFoundError.
    assert day_words(language) >= ENGLISH_DAY_WORDS


def test_an_undated_chinese_page_edited_folds_without_a_crash(tmp_path: Path) -> None:
    text = "港口 今天 照常 开放 渡轮 按 时刻表 运行 " * 12
    origins = {"page.html": "file:/news/page.html"}

    def page(ident: str, body: str) -> Article:
        return Article(
            id=ident, source="page.html", text=body, url="https://hafen.example/zh",
            outlet="Hafenbote", language="zh",
        )  # fmt: skip

    with Store(tmp_path / "news.db") as store:
        store.add_articles([page("old", text)], origins=origins)
        mended = text.replace("照常", "准时", 1)
        store.add_articles([page("new", mended)], origins=origins)
        assert store.fold_version("old", "new") is not None


# An invented French port bulletin: "mer" (the sea) and "jeu" (a game) are also
# abbreviations of Wednesday and Thursday in the language's tables.
BULLETIN_FR = (
    "Le port de Tessel annonce un trafic calme sur tous les quais ce matin. Les bacs "
    "suivent l'horaire habituel et l'attente a la rampe reste sous dix minutes. La "
    "capitainerie prie les voyageurs d'acheter leur billet a l'avance et de se presenter "
    "au guichet une demi-heure avant le depart.\n\n"
    "La promenade donne sur la mer et le jeu de boules du quai reste ouvert."
)


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (BULLETIN_FR, "sur la mer", "sur le large"),
        (BULLETIN_FR, "le jeu de boules du quai reste ouvert", "les jeux du quai restent ouverts"),
        (BULLETIN_FR.replace("la mer", "le large"), "sur le large", "sur la mer"),
        (BULLETIN, "jeden Morgen", "jeden Vormittag"),
        (BULLETIN, "Der Bericht erscheint jeden Morgen und", "Der Bericht"),
    ],
)
def test_an_undated_edit_of_a_word_that_is_also_a_day_name_is_a_version(
    write: Write, tmp_path: Path, text: str, old: str, new: str
) -> None:
    # Before, any day or month name among the changed words kept the texts apart: the
    # common words among a language's names ("mer", "jeu", "morgen") made an edit a
    # second article.
    db = tmp_path / "news.db"
    feed = write("lage.jsonl", _record(text))
    kept = _ingest(db, feed).added[0]
    write("lage.jsonl", _record(text.replace(old, new)))
    again = _ingest(db, feed)
    assert again.added == [] and again.edited == [kept]
    with Store(db, access="read") as store:
        assert store.count_articles() == 1 and len(store.article_versions(kept)) == 2


@pytest.mark.parametrize(
    ("gone", "put", "another"),
    [
        (["Monday,", "12"], ["Tuesday,", "14"], True),  # a day replaced by another
        (["ran."], ["ran", "on", "March", "4."], True),  # a date put in
        (["Montag"], ["Montag,", "dem", "4.", "Mai,"], True),
        (["on", "Monday"], [], False),  # a name only removed
        (["la", "mer"], ["le", "large"], False),
        (["le", "large"], ["la", "mer"], False),  # a name put in, no figure beside it
        (["Monday"], ["Monday."], False),  # the same day, punctuated anew
    ],
)
def test_another_day_is_a_name_replaced_by_another_or_a_date_put_in(
    gone: list[str], put: list[str], another: bool
) -> None:
    days = day_words("de") | day_words("fr")
    assert names_another_day(gone, put, days) is another


def test_an_undated_french_bulletin_next_issue_is_another_article(
    write: Write, tmp_path: Path
) -> None:
    # Review s42/2 S5: Tuesday's "mar." replaced by Wednesday's "mer." (the sea too) is the
    # next day's issue; with "mer" left out of the day words it was folded as an edit.
    text = "Bulletin du port de Tessel, mar. " + BULLETIN_FR
    db = tmp_path / "news.db"
    feed = write("lage.jsonl", _record(text))
    kept = _ingest(db, feed).added[0]
    write("lage.jsonl", _record(text.replace("mar.", "mer.")))
    again = _ingest(db, feed)
    assert len(again.added) == 1 and again.edited == []
    with Store(db, access="read") as store:
        assert store.count_articles() == 2 and len(store.article_versions(kept)) == 1
