"""Markup nested past libxml2's 2,048 levels (its huge option's limit) is read whole: a
feed entry or page whose text sat in 2,100 unclosed <div>s read as "no text", or kept only
the lead above them, without a word. Invented texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.deep_html import flatten_deep
from newsprism.ingest.feed import fragment_text
from newsprism.model import Article, IngestFailure

Write = Callable[..., Path]

_LEAD = "The ferry board of Tessel met on Monday after the storm."
_DEEP = "The north ramp of the Varna pier will stay shut for nine more weeks."
_TAIL = "Buses replace the ferry until May."


def _nested(depth: int, inner: str) -> str:
    return "<div>" * depth + inner + "</div>" * depth


def _read(path: Path) -> list[Article | IngestFailure]:
    return list(read_inputs([str(path)], IngestOptions()))


@pytest.mark.parametrize("depth", [2_100, 20_000])
def test_a_fragment_nested_past_the_huge_limit_keeps_every_paragraph(depth: int) -> None:
    fragment = f"<p>{_LEAD}</p>" + _nested(depth, f"<p>{_DEEP}</p>") + f"<p>{_TAIL}</p>"
    assert fragment_text(fragment) == f"{_LEAD}\n\n{_DEEP}\n\n{_TAIL}"
    assert fragment_text(_nested(depth, _DEEP)) == _DEEP


def test_a_feed_entry_nested_3000_deep_is_stored_beside_the_others(write: Write) -> None:
    deep = _nested(3_000, f"<p>{_DEEP}</p>").replace("<", "&lt;").replace(">", "&gt;")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast</title>'
        f"<item><title>Deep</title><link>https://coast.example/1</link>"
        f"<description>{_LEAD} {deep}</description></item>"
        f"<item><title>Flat</title><link>https://coast.example/2</link>"
        f"<description>{_TAIL} The board will meet again on Friday.</description></item>"
        "</channel></rss>"
    )
    items = _read(write("coast.rss", feed))
    assert [type(i) for i in items] == [Article, Article], items
    assert isinstance(items[0], Article) and _LEAD in items[0].text and _DEEP in items[0].text


def test_a_page_nested_3000_deep_keeps_its_lead_its_deep_text_and_its_tail(
    write: Write,
) -> None:
    body = " ".join([_LEAD] * 3)
    deep = f"<p>{_DEEP} {_DEEP}</p><p>Second <b>deep</b> paragraph of the report.</p>"
    page = (
        f"<html><head><title>Pier</title></head><body><p>{body}</p>"
        + _nested(3_000, deep)
        + f"<p>{_TAIL} {_TAIL}</p></body></html>"
    )
    (item,) = _read(write("deep.html", page))
    assert isinstance(item, Article), item
    assert _LEAD in item.text and _DEEP in item.text and _TAIL in item.text
    # The deep paragraphs are not glued into one ('weeks.Second').
    assert f"{_DEEP}\n\nSecond deep paragraph" in item.text


def test_flattening_leaves_shallow_markup_as_written() -> None:
    page = "<html><body><div><p>A <b>bold</b> claim.<br/></p></div></span></body></html>"
    assert flatten_deep(page, max_depth=10) == page


def test_flattening_drops_only_the_tags_past_the_cap_and_keeps_their_text() -> None:
    flat = flatten_deep("<div><div><div><p>Deep <i>words</i>.</p></div></div></div>", 2)
    assert flat == "<div><div><p>Deep words.<p></div></div>"


def test_a_script_or_comment_past_the_cap_is_passed_over_whole() -> None:
    # 'a<b' in a script read as a tag that ran to the script's end tag, which was then
    # dropped: the rest of the page became script.
    deep = "<div><div><script>if (a<b) { go(); }</script><!-- <p> --><p>Kept.</p></div></div>"
    flat = flatten_deep(deep, 1)
    assert "<script>if (a<b) { go(); }</script><!-- <p> -->" in flat
    assert flat.startswith("<div>") and "Kept." in flat


def test_a_custom_element_named_like_style_past_the_cap_is_an_element() -> None:
    # '<style-note>' was read as a <style> with no end tag: the rest of the page was passed
    # over unflattened.
    deep = "<div><div><style-note>Note</style-note><p>The ferry sailed at noon.</p></div></div>"
    assert flatten_deep(deep, 1) == "<div><p>Note<p>The ferry sailed at noon.<p></div>"
    script = "<div><div><script type=x>if (a<b) go();</script ><p>Kept.</p></div></div>"
    assert "<script type=x>if (a<b) go();</script ><p>Kept." in flatten_deep(script, 1)


@pytest.mark.parametrize("sign", ["x<5", "x < y", "x<=y", "x<-y", "1<2"])
def test_a_lone_less_than_in_prose_past_the_cap_is_text(sign: str) -> None:
    # A '<' before no letter opens no tag (HTML's rule, and the parser's at any depth):
    # past the cap it swallows nothing up to the next '>'.
    prose = f"<p>Fares rose where {sign} held, the board said.</p><p>Buses run until May.</p>"
    assert flatten_deep(f"<div><div>{prose}</div></div>", 1).count(f"{sign} held") == 1
    for depth in (3, 3_000):
        assert fragment_text(_nested(depth, prose)) == (
            f"Fares rose where {sign} held, the board said.\n\nBuses run until May."
        )


def test_a_less_than_before_a_letter_reads_past_the_cap_as_it_reads_above_it() -> None:
    # '<' before a letter starts a tag in HTML: the parser reads 'a<b held, ...' as a
    # tag <b> at any depth, and the flattened markup loses no more than that.
    prose = "<p>Fares rose where a<b held, the board said.</p><p>Buses run until May.</p>"
    assert fragment_text(_nested(3_000, prose)) == fragment_text(_nested(3, prose))
