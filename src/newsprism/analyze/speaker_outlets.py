"""A body a description takes up is not the outlet that reported the news (stop 42 quote
audit, seed 42117).

"Orvik Holdings will buy the ferry line, the Gazette reported. The firm said the price
was fair": ``the firm`` took up the organisation named last, the Gazette, so the
company's words went to the paper that told of them. An outlet named as the subject of
a verb of reporting news ("the Gazette reported", "the network reports that ...") is
the one passing the news on; a description of a firm, a group, an airline or a union is
someone in the news, not that outlet. Only a description of an outlet ("the newspaper
said", "the network said") may take it up.

An organisation is taken for the outlet passing the news on when its name carries an
outlet's word ("the Norvik Courier reported the deal", "according to the Tessel Post"),
or when it is the subject of a verb carrying a reported clause ("reported that the pier
would close", "the pier will close, the Gazette reported") that is not its own report. A
body whose verb's object, or whose reported clause's subject, is its own ("reported a
loss", "published its results", "reported that its profit fell", "reported that
passenger numbers fell") reports its own figures: it is a body in the news, which "the
company said" takes up (review s43/2 S3 on f672339, which took every outlet with an
object for a body in the news and every company reporting by a clause for an outlet).

Cost: a look at one token's head per organisation mention before the description.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

logger = logging.getLogger(__name__)

__all__ = ["OUTLET_NOUNS", "reporting_outlet"]

# Head nouns of a description of a news outlet: the only ones that take up an outlet.
OUTLET_NOUNS: Final = frozenset(
    {
        "newspaper", "paper", "daily", "tabloid", "magazine", "outlet", "network",
        "broadcaster", "channel", "station", "agency", "publication", "website", "site",
        "newsroom", "wire",
    }
)  # fmt: skip
# Verbs whose subject passes news on ("the Gazette reported", "the network broadcast").
_REPORTING: Final = frozenset({"report", "publish", "broadcast"})


def reporting_outlet(token: Token) -> bool:
    """Whether the name token ``token`` (any word of the name) is the outlet that told of
    the news: the subject of a verb of reporting, or after "according to" (module doc)."""
    head = token
    while head.dep_ in ("compound", "det", "amod", "flat") and head.head.i != head.i:
        head = head.head
    if _after_according_to(head):
        return _outlet_name(head)
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in _REPORTING:
        return False
    if _outlet_name(head):
        return not _own_figures(verb)
    return _carries_news(verb) and not _own_report(verb)


# Head words of an outlet's name ("Norvik Courier", "Tessel Post", "Channel 9 News"): a
# body so named passes the news on unless it reports its own figures. Only the name's
# head word counts: "Post" in "Post Office", "Channel" in "Channel Ferries" or "Express"
# before another noun name a firm (review s43/4 S4 on cd3fc5f, which took any word of
# the name). The common English words of newspaper, broadcaster and agency titles,
# chosen by hand (no dev file lists outlets).
_OUTLET_NAME_WORDS: Final = frozenset(
    {
        "gazette", "courier", "times", "post", "news", "herald", "tribune", "journal",
        "telegraph", "chronicle", "guardian", "observer", "express", "mirror", "press",
        "radio", "tv", "television", "broadcasting", "magazine", "daily", "newspaper",
        "network", "channel", "inquirer", "examiner", "bulletin", "dispatch", "ledger",
    }
)  # fmt: skip
# Kind words after an outlet's word in its name ("News Agency", "Broadcasting Corporation").
_OUTLET_KINDS: Final = frozenset({"agency", "corporation", "service", "wire"})
# Prepositions naming whose figures they are ("a loss at the ferry line", "sales of the
# port"); "in"/"for" name a part, place or period of the body's own ("a loss in its ferry
# arm", "in the period", "for the first time": review s43i S2 on eb46c8d). Entity kinds
# and nouns that never name an owner: an amount, a time, a place.
_OTHER_BODY_PREPS: Final = frozenset({"at", "of"})
_AMOUNT_ENTITIES: Final = frozenset(
    {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "DATE", "TIME", "ORDINAL", "GPE", "LOC"}
)
_PERIOD_NOUNS: Final = frozenset(
    {"time", "period", "quarter", "year", "month", "week", "day", "half", "season"}
)
# Head nouns of a body's own figures: a body reporting them is in the news.
_FIGURES: Final = frozenset(
    {
        "loss", "profit", "result", "earning", "earnings", "revenue", "sale", "sales",
        "figure", "income", "deficit", "surplus", "number", "turnover", "output",
        "dividend", "margin",
    }
)  # fmt: skip
# Possessors that make the noun the subject's own ("its profit", "their results").
_OWN_POSSESSORS: Final = frozenset({"its", "their"})
# Where the clause a verb of reporting passes on hangs: its own clause ("reported that
# ..."), or the verb itself set off beside that clause ("..., the Gazette reported").
_NEWS_CLAUSES: Final = frozenset({"ccomp", "parataxis"})


def _after_according_to(head: Token) -> bool:
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _outlet_name(head: Token) -> bool:
    """Whether the name's head word (its last: "... Courier", "... Times") is an outlet's,
    or the word before a body's kind word ("Harbour News Agency", "Tessel Broadcasting
    Corporation": review s43h S0, which lost every outlet so named)."""
    words = [c for c in head.lefts if c.dep_ in ("compound", "flat")] + [head]
    words += [c for c in head.rights if c.dep_ == "flat"]
    words.sort(key=lambda w: w.i)
    last = words[-1].lower_
    if last in _OUTLET_NAME_WORDS:
        return True
    return last in _OUTLET_KINDS and len(words) > 1 and words[-2].lower_ in _OUTLET_NAME_WORDS


def _carries_news(verb: Token) -> bool:
    """Whether a verb of reporting passes a reported clause on, on either side of it."""
    return verb.dep_ in _NEWS_CLAUSES or any(c.dep_ in _NEWS_CLAUSES for c in verb.children)


def _own_report(verb: Token) -> bool:
    """Whether the verb's object, or its reported clause's subject, is its subject's own
    (module doc); a verb with any other object tells of no reported clause either."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return True
        if child.dep_ == "ccomp":
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(_own(s) for s in subjects):
                return True
    return False


def _own_figures(verb: Token) -> bool:
    """Whether the verb's object or its reported clause's subject is its subject's own
    figures ("reported a loss", "reported that its profit fell"): even a body named like
    an outlet is then in the news (review s43/4 S4: "Orvik Express reported a loss")."""
    if _names_another_place(verb):
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and _own(child) and not _names_another_place(child):
            return True
        subjects = (s for s in child.children if s.dep_ in ("nsubj", "nsubjpass"))
        if child.dep_ == "ccomp" and any(_own(s) for s in subjects):
            return True
    return False


def _names_another_place(word: Token) -> bool:
    """Whether the figures are another owner's: another possessor than "its"/"their"
    ("the ferry line's loss"), or a body named after "at"/"of" ("a loss at the ferry
    line", "sales of the port"): an outlet reporting them is not reporting its own
    (review s43h S0). An amount, a time, a place or the body's own part ("a loss of 5
    million euros", "of revenue", "at its ferry arm") names no other owner (review s43i
    S2)."""
    for c in word.children:
        if c.dep_ == "poss" and c.lower_ not in _OWN_POSSESSORS:
            return True
        if c.dep_ == "prep" and c.lower_ in _OTHER_BODY_PREPS and _body_object(c):
            return True
    return False


def _body_object(prep: Token) -> bool:
    """Whether the object of "at"/"of" names a body: a name, or a noun made definite by
    "the" or another's possessive, never an amount, a period, a place or its own part."""
    return any(o.dep_ == "pobj" and _a_body(o) for o in prep.children)


def _a_body(noun: Token) -> bool:
    if noun.like_num or noun.ent_type_ in _AMOUNT_ENTITIES:
        return False
    if noun.lemma_.lower() in _PERIOD_NOUNS or any(c.dep_ == "nummod" for c in noun.children):
        return False
    if noun.ent_type_ == "ORG" or noun.tag_ in ("NNP", "NNPS"):
        return True
    for c in noun.children:
        if c.dep_ == "poss":
            return c.lower_ not in _OWN_POSSESSORS
        if c.dep_ == "det" and c.lower_ == "the":
            return True
    return False


def _own(noun: Token) -> bool:
    return (
        noun.lemma_.lower() in _FIGURES
        or noun.lower_ in _FIGURES
        or any(c.dep_ == "poss" and c.lower_ in _OWN_POSSESSORS for c in noun.children)
    )
