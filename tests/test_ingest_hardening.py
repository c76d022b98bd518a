"""Bad and unusual input: malformed feed XML (one policy, never stored *and* failed) and
text that is not UTF-8 (decoded right, with a warning when bytes were repaired or the
encoding guessed)."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.batch import ingest
from newsprism.ingest.decode import decode
from newsprism.model import Article, IngestFailure, IngestWarning
from newsprism.store import Store
from tests.conftest import BODY

Write = Callable[..., Path]
Items = list[Article | IngestFailure]


def read(*values: str) -> tuple[Items, list[IngestWarning]]:
    """The items read and the warnings about reading them (not the one that a French or
    Russian article will not be analysed: tests/test_ingest_language_bulk.py)."""
    warnings: list[IngestWarning] = []
    items = list(read_inputs(list(values), IngestOptions(), on_warning=warnings.append))
    return items, [w for w in warnings if not w.message.startswith("language ")]


def articles(items: Items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def failures(items: Items) -> list[IngestFailure]:
    return [i for i in items if isinstance(i, IngestFailure)]


# --- feeds ------------------------------------------------------------------------------

CONTENT = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))


def feed(title: str, *, doctype: str = "", items: int = 1, tail: str = "</channel></rss>") -> str:
    entries = "".join(
        f"<item><title>{title} {n}</title><link>https://coast.example/{n}</link>"
        f"<content:encoded><![CDATA[{CONTENT.replace('Tessel', f'Town{n}')}]]>"
        "</content:encoded></item>"
        for n in range(items)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Coast Radio</title>{entries}{tail}"
    )


BILLION_LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY a "lol">'
    + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9))
    + "]>"
)


def test_entity_bomb_is_refused_whole_without_expansion(write: Write) -> None:
    path = write("bomb.xml", feed("Bomb &j;", doctype=BILLION_LAUGHS))
    items, warnings = read(str(path))
    (failed,) = failures(items)
    assert len(items) == 1 and not warnings
    assert failed.source == str(path) and "declares XML entities" in failed.reason


def test_external_entity_is_refused_and_no_file_is_read(write: Write, tmp_path: Path) -> None:
    secret = write("secret.txt", "TOP-SECRET-CONTENT")
    doctype = f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
    items, _ = read(str(write("ext.xml", feed("Leak &x;", doctype=doctype))))
    assert [type(i) for i in items] == [IngestFailure]
    assert "TOP-SECRET" not in repr(items)


def test_external_dtd_is_never_fetched(write: Write) -> None:
    """No <!ENTITY> in the feed, but a DTD file that declares one: the parser must not
    read the DTD (expat then skips the reference), so nothing leaks."""
    dtd = write("evil.dtd", '<!ENTITY x "TOP-SECRET-CONTENT">')
    doctype = f'<!DOCTYPE rss SYSTEM "file://{dtd}">'
    items, _ = read(str(write("dtd.xml", feed("Leak &x;", doctype=doctype))))
    assert "TOP-SECRET" not in repr(items)
    assert [a.title for a in articles(items)] == ["Leak 0"]


def test_undefined_entity_feed_is_stored_with_one_warning_not_a_failure(write: Write) -> None:
    path = write("loose.xml", feed("Pier&nbsp;closes &bogus;", items=2))
    items, warnings = read(str(path))
    assert len(articles(items)) == 2 and not failures(items)
    assert [w.source for w in warnings] == [str(path)]
    assert "undefined entity" in warnings[0].message
    assert articles(items)[0].title == "Pier closes &bogus; 0"  # &nbsp; resolved, &bogus; kept


def test_truncated_feed_stores_complete_entries_and_fails_the_cut_one(write: Write) -> None:
    whole = feed("Pier", items=3)
    cut = whole[: whole.rindex("<item>") + 200]  # inside the third entry's content
    items, warnings = read(str(write("cut.xml", cut)))
    assert [a.title for a in articles(items)] == ["Pier 0", "Pier 1"]
    (cut_entry,) = failures(items)
    assert cut_entry.source.endswith("#https://coast.example/2")
    assert "ends inside this entry" in cut_entry.reason
    assert len(warnings) == 1


def test_broken_feed_with_no_complete_entry_is_one_failure(write: Write) -> None:
    path = write("bad.xml", "<?xml version='1.0'?><rss><channel><title>x</title><item><title>a")
    items, warnings = read(str(path))
    (failed,) = failures(items)
    assert len(items) == 1 and not warnings
    assert failed.source == str(path) and "malformed feed XML" in failed.reason


def test_an_article_quoting_entity_syntax_is_not_refused(write: Write) -> None:
    quoted = feed("XML attacks", items=1).replace(
        "<p>The harbour", "<p>Attackers write &lt;!ENTITY x SYSTEM ...&gt;. The harbour"
    )
    items, warnings = read(str(write("ok.xml", quoted)))
    assert len(articles(items)) == 1 and not warnings


def test_ingest_report_never_lists_a_stored_feed_entry_as_failed(
    write: Write, store: Store
) -> None:
    path = write("loose.xml", feed("Pier &bogus;", items=2))
    report = ingest(store, [str(path)])
    assert len(report.added) == 2 and report.failures == [] and report.ok
    (warning,) = report.warnings
    assert str(warning).startswith(f"{path}: malformed feed XML (") and "\n" not in str(warning)


# --- decoding ------------------------------------------------------------------------------

GERMAN = (
    "Die Fähre über den Fluss fährt wieder täglich, sagte Bürgermeisterin Jördis Weiß "
    "am Montag im Rathaus – „endlich“, fügte sie hinzu. Das Café am Kai öffnet im Mai."
)
FRENCH = "Le café du port a rouvert ses portes à l'été ; « c'était très attendu », dit-il."


def _article_text(write: Write, name: str, data: bytes) -> tuple[str, list[IngestWarning]]:
    items, warnings = read(str(write(name, b"Ferry returns\n\n" + data)))
    (article,) = articles(items)
    return article.text, warnings


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("cp1252", GERMAN), ("latin-1", FRENCH), ("cp1252", FRENCH + " Prix : 5 €.")],
)
def test_western_single_byte_text_is_decoded_silently(
    write: Write, encoding: str, text: str
) -> None:
    got, warnings = _article_text(write, "w.txt", (text + " " + text).encode(encoding))
    assert text in got and "af\u00e9" in got and "ķ" not in got
    assert warnings == []


def test_utf16_with_bom_is_decoded(write: Write) -> None:
    data = codecs.BOM_UTF16_LE + ("Ferry returns\n\n" + GERMAN).encode("utf-16-le")
    items, warnings = read(str(write("u16.txt", data)))
    (article,) = articles(items)
    assert GERMAN in article.text and not warnings


def test_utf8_with_stray_cp1252_bytes_keeps_both_and_warns(write: Write) -> None:
    data = GERMAN.encode() + b" Der Pier war " + "geschlossen’s.".encode("cp1252")
    got, warnings = _article_text(write, "mixed.txt", data)
    assert GERMAN in got and "geschlossen’s." in got
    assert len(warnings) == 1 and "1 stray byte" in warnings[0].message


def test_non_western_code_page_is_guessed_with_a_warning(write: Write) -> None:
    polish = "Wysłał list do żony, która była w Łodzi. Gość przyjechał później do domu. "
    got, warnings = _article_text(write, "pl.txt", (polish * 4).encode("cp1250"))
    assert "Wysłał list do żony" in got
    assert len(warnings) == 1 and "guessed" in warnings[0].message


def test_declared_latin1_means_windows_1252_and_utf8_wins_over_a_wrong_label() -> None:
    assert decode("“quoted” – 5 €".encode("cp1252"), "x", "iso-8859-1").text == "“quoted” – 5 €"
    assert decode("Café".encode(), "x", "iso-8859-1").text == "Café"


def test_html_meta_charset_is_honoured(write: Write) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Паром</title></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in ["Паром снова ходит каждый день, сказал мэр."] * 3)
        + "</article></body></html>"
    )
    items, warnings = read(str(write("ru.html", page.encode("cp1251"))))
    assert "Паром снова ходит" in articles(items)[0].text and not warnings


# --- huge inputs ---------------------------------------------------------------------------


def test_page_too_big_for_trafilatura_is_read_by_its_blocks(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.ingest import html as html_module
    from tests.builders import html_page

    monkeypatch.setattr(html_module, "TRAFILATURA_MAX_CHARS", 500)
    items, _ = read(str(write("big.html", html_page())))
    (article,) = articles(items)
    assert article.text.startswith("The harbour board of Tessel voted")
    assert "Ilona Varga" in article.text
    assert "Home" not in article.text and "First!" not in article.text
    assert (article.title, article.outlet, article.byline) == (
        "Tessel closes its old ferry pier",
        "The Tessel Courier",
        "Mara Lind",
    )
    assert article.url == "https://tesselcourier.example/news/ferry-pier"
    assert article.published is not None


def test_blank_jsonl_file_is_a_failure_not_silence(write: Write) -> None:
    items, _ = read(str(write("blank.jsonl", "\n\n  \n")))
    (failed,) = failures(items)
    assert "no article in it" in failed.reason
