"""A line break typed inside a sentence ends no paragraph and makes no subhead: an
e-mail's manual wrap and a feed entry's <br> inside a quote are read as one sentence
(review s39/3 section 6: the first half of a wrapped sentence left the body as a subhead,
and a quote broken by a <br> was read from its second half only). Breaks that end a
sentence, list items, verse-like lines and real subheads stay as they were. Invented
texts about invented places and people."""

from __future__ import annotations

import pytest

from newsprism.ingest.clean import clean_scraped_text
from newsprism.ingest.feed import fragment_text
from newsprism.ingest.line_breaks import continues_sentence

_LEDE = (
    "The harbour council in Vell voted on Tuesday to raise the mooring levy for the first "
    "time in nine years, clerk Tomas Reyl said."
)
_LAST = "Boat owners have until the end of April to lodge an objection with the council."


def _feed(fragment: str) -> str:
    return clean_scraped_text(fragment_text(fragment)).text


def test_a_wrapped_e_mail_sentence_keeps_its_first_line_in_the_body() -> None:
    raw = (
        "Hi all,\n\nThe council vote on the levy was 52\n"
        "to 48 on Monday, clerk Tomas Reyl said.\nThe levy starts in May.\n"
    )
    cleaned = clean_scraped_text(raw)
    assert cleaned.headings == ()
    assert cleaned.text.split("\n\n") == [
        "Hi all,",
        "The council vote on the levy was 52 to 48 on Monday, clerk Tomas Reyl said. "
        "The levy starts in May.",
    ]


def test_a_short_line_before_a_paragraph_that_goes_on_in_lower_case_is_no_subhead() -> None:
    raw = f"{_LEDE}\n\nThe council vote on the levy was 52\n\nto 48 on Monday.\n\n{_LAST}\n"
    cleaned = clean_scraped_text(raw)
    assert cleaned.headings == ()
    assert "The council vote on the levy was 52" in cleaned.text


def test_a_line_ending_on_an_article_goes_on_at_a_capital() -> None:
    raw = f"{_LEDE}\n\nThe levy was backed by the\nMayor of Vell and 40 other members.\n"
    assert clean_scraped_text(raw).text.split("\n\n")[-1] == (
        "The levy was backed by the Mayor of Vell and 40 other members."
    )


def test_a_real_subhead_before_its_paragraph_is_still_a_heading() -> None:
    for gap in ("\n", "\n\n"):
        raw = f"{_LEDE}\n\nWhat happens next{gap}Boat owners can object until April.\n\n{_LAST}\n"
        cleaned = clean_scraped_text(raw)
        assert [h.text for h in cleaned.headings] == ["What happens next"]
        assert "What happens next" not in cleaned.text


def test_a_br_inside_a_quote_joins_with_a_space() -> None:
    text = _feed(
        '<p>"We needed all 3<br>points today and we got them," coach Ana Holt said after '
        "the match in Vell.</p>"
    )
    assert text == (
        '"We needed all 3 points today and we got them," coach Ana Holt said after the '
        "match in Vell."
    )


def test_a_br_inside_a_long_line_joins_with_a_space() -> None:
    # One line longer than a wrapper's width: the block is no wrapped paragraph, and the
    # break inside the sentence still joins.
    tail = (
        "players to injury since the season began in August, more than any other club in "
        "the northern league, the physio said."
    )
    text = _feed(f"<p>Coach Ana Holt said the club had lost 12<br>{tail}</p>")
    assert text == f"Coach Ana Holt said the club had lost 12 {tail}"


def test_a_br_after_a_sentence_end_is_still_a_paragraph_break() -> None:
    text = _feed("<p>The board met on Monday in Vell.<br>It voted to close the old pier.</p>")
    assert text.split("\n\n") == [
        "The board met on Monday in Vell.",
        "It voted to close the old pier.",
    ]


def test_verse_lines_that_end_a_sentence_stay_lines() -> None:
    text = _feed(
        f"<p>{_LEDE}</p><p>The gulls wheel and cry.<br>the nets are dry.<br>"
        "The boats come home to Vell.</p>"
    )
    assert text.split("\n\n")[1:] == [
        "The gulls wheel and cry.",
        "the nets are dry.",
        "The boats come home to Vell.",
    ]


def test_list_items_stay_lines_in_the_body() -> None:
    # A list item was read as a subhead and left the body: it is no heading.
    raw = f"{_LEDE}\n\nOwners must bring:\n- the mooring form\n- a copy of the permit\n"
    cleaned = clean_scraped_text(raw)
    assert cleaned.headings == ()
    assert cleaned.text.split("\n\n")[1:] == [
        "Owners must bring:",
        "- the mooring form",
        "- a copy of the permit",
    ]


def test_table_rows_stay_a_line_each() -> None:
    raw = f"{_LEDE}\n\nBerths | 40\nlevy | 120 crowns\n\n{_LAST}\n"
    assert "Berths | 40\nlevy | 120 crowns" in clean_scraped_text(raw).text


@pytest.mark.parametrize(
    ("line", "nxt", "goes_on"),
    [
        ("The vote was 52", "to 48 on Monday.", True),
        ('"We will rebuild the pier,"', "said Mayor Ilse Varga.", True),
        ("The vote was backed by the", "Mayor of Vell.", True),
        ("The pier opens in May", "(weather allowing) for boats.", True),
        ("The pier opens in May", ", weather allowing.", True),
        ("The pier opens in May.", "the boats come later.", False),
        ("Owners must bring", "- the mooring form", False),
        ("Owners must bring", "a) the mooring form", False),
        ("Sales in Vell rose", "iPhone sales fell.", False),
        ("Ana Holt", "ana.holt@vell.example", False),
        ("Press office", "(202) 555-0100", False),
        ("The pier opens in May", "(2) the boats come later", False),
        ("What happens next", "Boat owners can object.", False),
        ("What happens next", "52 people objected on Monday.", False),
        ("The vote was 52", "", False),
        # A word that asks for the figure the next line opens with (stop 39 finding).
        ("The council vote on the levy was", "52 to 48 on Monday.", True),
        ("The levy rose by", "3% this year.", True),
        ("Berths rose to", "$40 a night.", True),
        ("Plan A", "12 boats sail on Monday.", False),
        ("Key figures", "52 to 48 for the levy.", False),
        ("The vote was", "Monday's only business.", False),
        ("The vote was", "- 52 for", False),
    ],
)
def test_continues_sentence(line: str, nxt: str, goes_on: bool) -> None:
    assert continues_sentence(line, nxt) is goes_on


def test_a_break_before_a_figure_after_was_is_no_subhead() -> None:
    # 'The council vote on the levy was' was taken for a subhead over '52 to 48 ...'.
    vote = "The council vote on the levy was\n52 to 48 on Monday, the clerk of the council said."
    cleaned = clean_scraped_text(f"{_LEDE}\n\n{vote}\n\n{_LAST}\n")
    assert cleaned.headings == ()
    assert vote.replace("\n", " ") in cleaned.text.split("\n\n")


@pytest.mark.parametrize("marker", ["-", "*", "1.", "a)"])
def test_a_lead_in_without_a_colon_stays_before_its_list(marker: str) -> None:
    # The lead-in left the body as a subhead, or was glued to the first item when it was
    # the block's widest line.
    raw = f"{_LEDE}\n\nOwners who object must bring\n{marker} the mooring form\n{marker} a permit\n"
    cleaned = clean_scraped_text(raw)
    assert cleaned.headings == ()
    assert cleaned.text.split("\n\n")[1:] == [
        "Owners who object must bring",
        f"{marker} the mooring form",
        f"{marker} a permit",
    ]


def test_a_subhead_over_a_list_of_sentences_is_still_a_heading() -> None:
    raw = (
        f"{_LEDE}\n\nWhat owners need to know\n- The levy starts in May.\n- Fees rise.\n\n"
        f"{_LAST}\n"
    )
    cleaned = clean_scraped_text(raw)
    assert [h.text for h in cleaned.headings] == ["What owners need to know"]
    # Each item a line of its own: the widest item was read as a wrapped line and the
    # next glued to it.
    assert cleaned.text.split("\n\n")[1:3] == ["- The levy starts in May.", "- Fees rise."]
