"""Block quotes without quote marks, for :mod:`newsprism.analyze.quotes`.

A paragraph of at least :data:`~newsprism.analyze.quote_drafts.PARAGRAPH_QUOTE_WORDS`
words after a lead-in paragraph that ends in a colon and speaks of speech ("Read the
full statement:", "She wrote on Facebook:") is a block quote. The lead-in's reporting
verb gives the speaker when it has one. A lead-in without one ("Read the whole post
via Gawker:") passes on the speaker of the last quote in the paragraph before it, whose
words it introduces, unless it names another source: a possessive ("Read the council's
full statement:"), a noun after "from", "of" or "by" ("Here is the response from the
council:"), or a proper noun outside a phrase of where the words ran ("via Gawker", "on
Facebook"), each unless it names that same speaker ("Read Rask's full statement:").

Cost: one pass over the paragraphs, and the tokens of each lead-in.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.quote_drafts import PARAGRAPH_QUOTE_WORDS, Attribution, Draft, trim_end
from newsprism.analyze.quote_marks import MARKS, Family
from newsprism.analyze.speaker_mentions import mention_offsets
from newsprism.analyze.speaker_resolution import SpeakerDoc, canonical_speaker

logger = logging.getLogger(__name__)

__all__ = ["AttributionOf", "block_drafts"]

#: The attribution a reporting verb gives (``quotes._attribution_of``), or None.
AttributionOf = Callable[[SpeakerDoc, Token], Attribution | None]

_PARAGRAPH: Final = re.compile(r"[^\n]+")
# Nouns of a lead-in that announces a block quote ("Read the full rant:").
_SPEECH_NOUNS: Final = frozenset(
    {
        *("statement", "post", "message", "letter", "note", "tweet", "remark", "rant"),
        *("speech", "email", "memo", "transcript", "excerpt", "comment", "response"),
        *("reply", "announcement"),
    }
)
# Prepositions whose object is whose words they are ("the response from the council",
# "the statement of the board", "a letter by the mayor").
_SOURCE_PREPS: Final = frozenset({"from", "of", "by"})
# Nouns after "of" that name a part of the words, not their source ("the full text of
# his remarks", "the rest of it").
_PART_NOUNS: Final = frozenset({"text", "rest", "part", "portion", "copy", "version"})


def block_drafts(
    ctx: SpeakerDoc,
    quoted: Sequence[Draft],
    attribution_of: AttributionOf,
    is_cue: Callable[[Token], bool],
) -> list[Draft]:
    """Block quotes of the article (see the module doc); ``quoted`` are the quotes in
    marks found before, ``is_cue`` tells a reporting verb."""
    drafts = []
    lead: re.Match[str] | None = None
    for paragraph in _PARAGRAPH.finditer(ctx.text):
        if lead is not None and lead.group().rstrip().endswith(":"):
            draft = _block_draft(ctx, lead, paragraph, attribution_of, is_cue)
            if draft is not None:
                if draft.attribution is None:
                    draft.attribution = _speaker_before(ctx, quoted, lead)
                drafts.append(draft)
        lead = paragraph
    return drafts


def _speaker_before(
    ctx: SpeakerDoc, quoted: Sequence[Draft], lead: re.Match[str]
) -> Attribution | None:
    """The speaker of the last attributed quote in the paragraph right before ``lead``,
    with the lead-in's colon as the cue (the block is a statement of its own); None
    when the lead-in names another source."""
    before = [d for d in quoted if d.end <= lead.start() and d.attribution is not None]
    if not before:
        return None
    last = before[-1]
    between = ctx.text[last.end : lead.start()]
    newline = between.find("\n")
    if newline < 0 or between[newline:].strip() or last.attribution is None:
        return None
    speaker = last.attribution.speaker
    if _names_another_source(ctx, lead, speaker):
        logger.debug("lead-in names another source: %r", lead.group())
        return None
    colon = lead.start() + len(lead.group().rstrip()) - 1
    return Attribution((colon, colon + 1), speaker)


def _names_another_source(
    ctx: SpeakerDoc, lead: re.Match[str], speaker: tuple[int, int] | None
) -> bool:
    """Whether the lead-in names whose words follow, as someone other than ``speaker``
    (the mention of the quote before)."""
    sources = [s for t in ctx.tokens(lead.start(), lead.end()) if (s := _source(t)) is not None]
    if not sources:
        return False
    said_by = canonical_speaker(ctx, speaker, []) if speaker is not None else None
    for source in sources:
        start, end = mention_offsets(source)
        if said_by is None or ctx.names.canonical(ctx.text[start:end], start) != said_by:
            return True
    return False


def _source(token: Token) -> Token | None:
    """The head of a name or noun phrase that says whose words a lead-in introduces: a
    possessive's owner, the object of :data:`_SOURCE_PREPS`, a proper noun elsewhere
    but after another preposition ("via Gawker", "on Facebook": where they ran)."""
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head
    if head.i != token.i or head.pos_ not in ("NOUN", "PROPN"):
        return None  # one answer per phrase, from its head; pronouns name no one new
    if head.ent_type_ in ("DATE", "TIME"):
        return None
    if head.dep_ == "poss":
        return head
    if head.dep_ == "pobj":
        named = head.lemma_.lower() not in _SPEECH_NOUNS | _PART_NOUNS
        return head if head.head.lower_ in _SOURCE_PREPS and named else None
    return head if head.pos_ == "PROPN" else None


def _block_draft(
    ctx: SpeakerDoc,
    lead: re.Match[str],
    block: re.Match[str],
    attribution_of: AttributionOf,
    is_cue: Callable[[Token], bool],
) -> Draft | None:
    text = block.group()
    start = block.start() + len(text) - len(text.lstrip())
    end = trim_end(ctx.text, start, block.end())
    # A paragraph of spaces only (the pattern takes non-breaking ones) has no start.
    if start >= end or ctx.text[start] in MARKS or text.rstrip().endswith(":"):
        return None  # a quotation the marks already give, or another lead-in
    if any(start <= q.mark_start < end and q.family is Family.DOUBLE for q in ctx.spans):
        return None  # quotations inside: excerpts introduced in the reporter's words
    if len(ctx.text[start:end].split()) < PARAGRAPH_QUOTE_WORDS:
        return None
    colon = ctx.token_at(lead.end() - 1)
    if colon is None or colon.idx >= block.start():
        return None
    sentence = [t for t in colon.sent if lead.start() <= t.idx < lead.end()]
    if not any(_speaks_of_speech(t, is_cue) for t in sentence):
        return None
    found = next((a for t in reversed(sentence) if (a := attribution_of(ctx, t))), None)
    return Draft(start, end, True, found)


def _speaks_of_speech(token: Token, is_cue: Callable[[Token], bool]) -> bool:
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in _SPEECH_NOUNS
    return token.pos_ == "VERB" and is_cue(token)
