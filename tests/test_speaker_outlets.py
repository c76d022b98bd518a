"""A description of a body ("the firm said") takes up the organisation named last, but
not the outlet named as reporting the news ("..., the Gazette reported"): the company's
words are not the paper's (analyze/speaker_outlets.py). A description of an outlet
("the newspaper said") still takes the outlet up. Invented text, real resolver."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Quote
from tests.test_quotes import nlp

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def _quote(nlp: Language, text: str, words: str) -> Quote:
    doc = nlp(text)
    found = [q for q in extract_quotes(doc, resolve_names(doc)) if q.text == words]
    assert found, words
    return found[0]


def test_a_firm_is_not_the_outlet_that_reported_it(nlp: Language) -> None:
    text = (
        "Kessel Motors Inc. will buy the island's ferry line, the Norvik Courier reported. "
        "The firm said it would send a barge to mend the pier."
    )
    quote = _quote(nlp, text, "it would send a barge to mend the pier")
    assert quote.speaker == "Kessel Motors Inc."
    assert quote.speaker_mention == "The firm"


def test_a_company_is_not_the_paper_that_reported_it(nlp: Language) -> None:
    text = (
        "Kessel Motors Inc. will buy the island's ferry line, the Harbour Gazette reported "
        "on Monday. The company said the deal was worth 4 million euros."
    )
    quote = _quote(nlp, text, "the deal was worth 4 million euros")
    assert quote.speaker == "Kessel Motors Inc."


# A body that reports its own figures ("reported a loss", "published its results") is in
# the news, not passing it on: its description takes it up, past an earlier body.
OWN_FIGURES = [
    (
        "The Tarrow Port Authority met on Monday. Kessel Motors Inc. reported a loss of "
        "3 million euros. The company said it would cut 200 jobs.",
        "Kessel Motors Inc.",
    ),
    (
        "The Tarrow Port Authority met on Monday. Kessel Airlines reported a loss of "
        "3 million euros. The airline said it would cut 200 jobs.",
        "Kessel Airlines",
    ),
    (
        "The Tarrow Port Authority met on Monday. Kessel Airlines published its yearly "
        "results. The airline said it would cut 200 jobs.",
        "Kessel Airlines",
    ),
]


@pytest.mark.parametrize(("text", "company"), OWN_FIGURES, ids=["loss", "airline", "results"])
def test_a_company_reporting_its_own_figures_is_no_outlet(
    nlp: Language, text: str, company: str
) -> None:
    assert _quote(nlp, text, "it would cut 200 jobs").speaker == company


def test_the_newspaper_is_the_outlet_that_reported(nlp: Language) -> None:
    text = (
        "The Harbour Gazette reported on Monday that the pier would close. "
        "The newspaper said the ferry was unsafe."
    )
    assert _quote(nlp, text, "the ferry was unsafe").speaker == "Harbour Gazette"


def test_a_body_still_takes_up_a_company_named_before(nlp: Language) -> None:
    text = (
        "The Lorvik Dockers' Union met the port authority on Friday, the Gazette reported."
        "\n\n\u201cWe will strike on Monday,\u201d the group said."
    )
    doc = nlp(text)
    quotes = [q for q in extract_quotes(doc, resolve_names(doc)) if q.direct]
    assert quotes[0].speaker == "Lorvik Dockers' Union"


# Review s43/2 S3: an outlet named as such passes the news on whatever its verb takes, and
# a company reporting its own figures by a clause is in the news.
OUTLET_OR_BODY = [
    (
        "Kessel Motors Inc. will buy the island's ferry line. The Norvik Courier reported "
        "the deal on Monday. The firm said the price was fair.",
        "Kessel Motors Inc.",
    ),
    (
        "Kessel Motors Inc. will buy the island's ferry line, according to the Norvik "
        "Courier. The firm said the price was fair.",
        "Kessel Motors Inc.",
    ),
    (
        "The Tarrow Port Authority met on Monday. Kessel Motors Inc. reported that its "
        "profit fell by half. The company said the price was fair.",
        "Kessel Motors Inc.",
    ),
    (
        "The Tarrow Port Authority met on Monday. Kessel Airlines reported on Tuesday that "
        "passenger numbers fell 8 percent. The airline said the price was fair.",
        "Kessel Airlines",
    ),
]


@pytest.mark.parametrize(
    ("text", "company"), OUTLET_OR_BODY, ids=["object", "according", "its-profit", "numbers"]
)
def test_an_outlet_by_its_name_and_a_company_by_its_own_figures(
    nlp: Language, text: str, company: str
) -> None:
    assert _quote(nlp, text, "the price was fair").speaker == company


# Review s43/4 S4 on cd3fc5f: an outlet's word inside a firm's name ("Post Office",
# "Channel Ferries") or a body named like an outlet reporting its own loss ("Orvik
# Express reported a loss") is a body in the news, which "the company said" takes up;
# an outlet by its name's head word still passes the news on.
NAMED_LIKE_OUTLETS = [
    (
        "The Tarrow Port Authority met on Monday. Norvik Post Office reported a loss of "
        "5 million euros. The company said the price was fair.",
        "Norvik Post Office",
    ),
    (
        "The Tarrow Port Authority met on Monday. Orvik Express reported a loss of 3 million "
        "euros. The airline said the price was fair.",
        "Orvik Express",
    ),
    (
        "The Tarrow Port Authority met on Monday. Kessel Channel Ferries reported a loss of "
        "3 million euros. The company said the price was fair.",
        "Kessel Channel Ferries",
    ),
    (
        "Kessel Motors Inc. will buy the island's ferry line. The Orvik Times reported that "
        "the pier would close. The firm said the price was fair.",
        "Kessel Motors Inc.",
    ),
    (
        "Kessel Motors Inc. will buy the island's ferry line. The Tessel Herald published "
        "the plan on Monday. The company said the price was fair.",
        "Kessel Motors Inc.",
    ),
]


@pytest.mark.parametrize(
    ("text", "company"),
    NAMED_LIKE_OUTLETS,
    ids=["post-office", "express-loss", "channel-ferries", "times-clause", "herald-object"],
)
def test_only_an_outlet_name_s_head_word_passes_the_news_on(
    nlp: Language, text: str, company: str
) -> None:
    assert _quote(nlp, text, "the price was fair").speaker == company


# Review s43h S0 on d0f0c2e: figures told of another body ("a loss at the ferry line")
# are not the outlet's own, and an outlet's word before Agency or Corporation names an
# outlet: "the company" still takes up the firm named before.
OTHERS_FIGURES = [
    "The Orvik Times reported a loss of 5 million euros at the ferry line.",
    "The Orvik Times reported record sales at the ferry line.",
    "The Harbour News Agency published the plan on Monday.",
    "Tessel Broadcasting Corporation published the plan on Monday.",
]


@pytest.mark.parametrize("middle", OTHERS_FIGURES, ids=["loss-at", "sales-at", "agency", "corp"])
def test_an_outlet_telling_of_another_s_figures_is_no_company(nlp: Language, middle: str) -> None:
    text = (
        "Kessel Motors Inc. will buy the island's ferry line. "
        f"{middle} The company said the price was fair."
    )
    assert _quote(nlp, text, "the price was fair").speaker == "Kessel Motors Inc."


# Review s43i S2 on eb46c8d: who owns the figure decides. A part, place, period or
# amount of the body's own ("in its ferry arm", "in the period", "of revenue", "for the
# first time") names no other owner: a firm named like an outlet still reports its own.
# Another possessor ("the ferry line's loss") or a body after "at"/"of" does.
OWN_PARTS = [
    "The Orvik Express reported a loss in its ferry arm.",
    "The Orvik Express reported a loss for its ferry arm.",
    "The Orvik Express reported a loss in the period.",
    "The Orvik Express reported a loss in Norway.",
    "The Orvik Express reported a loss of revenue.",
    "The Orvik Express reported record sales for the first time.",
]
ANOTHER_OWNER = [
    "The Orvik Times reported the ferry line's loss.",
    "The Orvik Times reported losses of the ferry line.",
    "The Orvik Times reported on Monday a loss at the ferry line.",
]


def _company_of(nlp: Language, middle: str) -> str | None:
    text = (
        "Kessel Motors Inc. will buy the island's ferry line. "
        f"{middle} The company said the price was fair."
    )
    return _quote(nlp, text, "the price was fair").speaker


@pytest.mark.parametrize("middle", OWN_PARTS)
def test_a_firm_reporting_its_own_part_or_period_is_the_company(nlp: Language, middle: str) -> None:
    assert _company_of(nlp, middle) == "Orvik Express"


@pytest.mark.parametrize("middle", ANOTHER_OWNER)
def test_an_outlet_reporting_another_owner_s_figure_is_no_company(
    nlp: Language, middle: str
) -> None:
    assert _company_of(nlp, middle) == "Kessel Motors Inc."
