"""A Chinese or Japanese article without a headline keeps its first paragraph as body:
cleaning counted a headline's words by spaces, so a lede of 45 Han characters was one
word and became the title. Headlines in those languages, and in spaced ones, are still
found."""

from __future__ import annotations

import pytest

from newsprism.ingest.clean import clean_scraped_text

# Invented: a harbour strike in an invented town, in Chinese and in Japanese.
ZH_LEDE = "罗维克港的码头工人周三继续罢工，工会表示，港务局提出的加薪方案远远不够，谈判至今没有恢复"
ZH_BODY = (
    "港务局发言人说，已有十二艘货船在锚地等待，预计本周内无法进港卸货。"
    "工会领导人表示将继续罢工直到达成新的协议。"
)
JA_LEDE = (
    "ロルビク港の港湾労働者は水曜日もストライキを続け、組合は港湾局の賃上げ案では足りないと述べた"
)
JA_BODY = (
    "港湾局の広報担当者によると、十二隻の貨物船が沖で待機しており、今週中の荷揚げは難しいという。"
)


@pytest.mark.parametrize(("lede", "body"), [(ZH_LEDE, ZH_BODY), (JA_LEDE, JA_BODY)])
def test_a_long_unspaced_first_paragraph_is_no_title(lede: str, body: str) -> None:
    cleaned = clean_scraped_text(f"{lede}\n\n{body}\n")
    assert cleaned.title is None
    assert cleaned.text.startswith(lede)


@pytest.mark.parametrize(
    ("title", "body"),
    [("港口罢工进入第三天", ZH_LEDE + "。\n\n" + ZH_BODY), ("港湾スト三日目に", JA_LEDE + "。")],
)
def test_a_short_unspaced_headline_is_still_the_title(title: str, body: str) -> None:
    cleaned = clean_scraped_text(f"{title}\n\n{body}\n")
    assert cleaned.title == title
    assert not cleaned.text.startswith(title)


def test_a_short_lede_ending_in_an_ideographic_full_stop_is_no_title() -> None:
    cleaned = clean_scraped_text(f"码头工人继续罢工。\n\n{ZH_BODY}\n")
    assert cleaned.title is None


def test_a_spaced_headline_of_twenty_words_is_still_a_title() -> None:
    title = " ".join(["Harbour"] * 19 + ["closes"])
    body = "The harbour at Lorvik closed on Tuesday, the board said. It reopens next week."
    cleaned = clean_scraped_text(f"{title}\n\n{body}\n")
    assert cleaned.title == title
