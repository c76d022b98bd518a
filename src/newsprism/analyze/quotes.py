"""Who said what: direct and indirect quotes with their speakers, from a parsed article.

1. **Direct quotes.** For each top-level quotation (paired by
   :mod:`newsprism.analyze.quote_marks`) the attribution is looked for, in this order:
   behind it when the quote hands over with a comma, ?, ! or dash (``"…," she said``;
   not across a clause of time or cause: ``"…," when Holm criticised him``);
   a dash and a name (``"…" ― Jane Doe``); up the dependency tree from the quoted words
   to a reporting verb (``she said "…"``, ``called the offer a "non-starter"``; a
   participle with a speaker of its own between that verb and the quote wins: ``ends
   with footage of Rask saying, "…"``); before
   it after a colon or comma (``Marrow said: "…"``); a bare noun phrase and a colon
   (``Marrow: "…"``); the nearest reporting verb with a subject in the same sentence.
   Failing all that, a quote carries on the attribution of the quote before it when
   that attribution stands between them (split quotes) or when it continues an
   open-ended quote of the previous paragraph. A paragraph that is one quotation (six
   words or more) with no attribution carries on the speaker of the quote in the
   paragraph before, else takes the one of a quote opening the next paragraph, else
   is a statement with no speaker. A paragraph without marks after a lead-in that ends
   in a colon and speaks of speech ("Read the full statement:") is a block quote
   (:mod:`newsprism.analyze.quote_blocks`; a lead-in with no speaker of its own passes
   on the speaker of the quote before it). An interview transcript ("Q: … A: …" or
   "Name: …" turns after "She told us the following:") is
   :mod:`newsprism.analyze.quote_transcripts`'s: its questions are nobody's quote,
   its answers the interviewee's, whatever the marks said. A quote that ends a sentence
   begun before it keeps that sentence's attribution ('promising that Mexico would
   "never pay …." He later apologized': not "apologized").
2. **Indirect speech.** A reporting verb (:data:`~newsprism.analyze.quote_cues.CUE_VERBS`,
   with the attribution one verb gives) outside quote marks with a
   subject and a ``ccomp`` clause gives the clause (less a leading "that" and trailing
   punctuation); ``according to X`` gives the clause it modifies, less the phrase;
   "asked (him) if/whether …" gives the question even when parsed as an adverbial
   clause; a cue set off by commas inside the clause it reports gives the whole
   clause, itself inside ("The real trouble, she said, is the ferry timetable";
   "The timetable, she told the council, is a disgrace"); a clause of time or cause
   the parser took for a complement reports nothing ("said before he died"); a
   request or apology gives its phrase ("called for armed guards …", "apologized for
   the remarks", "urged Congress to act"; three words or more). A clause never leaves
   its cue's paragraph. A negated verb reports nothing ("did not
   say whether …"), nor does a quote walk up to one ("hasn't apologized … because
   "…"": the verb above it attributes the quote). A verb's subject, and the
   parser's known misreadings of reporting sentences ("said at the time that …" read
   as a relative clause, a dateline read as the subject), are in
   :mod:`newsprism.analyze.quote_subjects`; the clauses themselves are
   :mod:`newsprism.analyze.quote_indirect`'s.
3. **Speakers** are resolved in text order (:mod:`newsprism.analyze.speaker_resolution`):
   names and descriptions through the :class:`NameResolver`; he/she by the nearest
   earlier speaker or named subject whose gender does not contradict the pronoun (the
   article's or one an earlier "he"/"she" resolved to the person showed; names inside
   quotes never count); a role ("the California Democrat") by the person the text is
   about just before; a body or a thing ("the gun lobby") by nobody quoted before it.

Skipped, by rule: a quotation with no attribution by any route above (scare quotes,
nicknames, titles without a speaker); a Title Case quotation of at most 10 words after a
writing verb or a work noun ("wrote "The Quays of Lorvik"", "the film "Harbour
Lights""); an indirect clause whose words all lie inside quote marks (the direct quote
has it). Title Case with a speaker stays a quote (called her "Miss Piggy").

Quotes that share ``group`` are parts of one attributed statement: the parts of a split
quote, the paragraphs of a continued quote, the partial quotes under one reporting verb,
and an indirect clause with the partial quotes inside it.

Cost: linear in the article's tokens plus a bounded walk per quotation (about 2.5 ms
for a 400-word article, against some 80 ms for the spaCy parse the caller does).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator, Sequence
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.quote_blocks import block_drafts
from newsprism.analyze.quote_cues import (
    CUE_VERBS,
    attribution_of,
    is_cue,
)
from newsprism.analyze.quote_drafts import (
    PARAGRAPH_QUOTE_WORDS,
    Attribution,
    Draft,
    trim_end,
)
from newsprism.analyze.quote_indirect import indirect_drafts
from newsprism.analyze.quote_marks import QuoteSpan
from newsprism.analyze.quote_subjects import (
    name_part,
    noun_gerund,
    thing_subject,
)
from newsprism.analyze.quote_transcripts import transcript_drafts
from newsprism.analyze.speaker_mentions import mention_offsets
from newsprism.analyze.speaker_resolution import (
    SpeakerDoc,
    canonical_speaker,
    note_speaker,
    thing_mention,
)
from newsprism.analyze.speakers import NameResolver
from newsprism.model import Quote

logger = logging.getLogger(__name__)

__all__ = ["CUE_VERBS", "extract_quotes"]


def _words(text: str) -> list[str]:
    return text.split()


# A quote hands over to an attribution behind it when it ends in one of these.
_HANDOVER: Final = frozenset(",?!—–-…:")
_DASHES: Final = frozenset("―—–-")
# What ends the sentence before a quotation that opens one (a closing mark included).
_SENTENCE_CLOSE: Final = frozenset(".?!:\"”'’)")
_TITLE_MAX_WORDS: Final = 10
# Nouns that announce the title of a work in quote marks.
_WORK_NOUNS: Final = frozenset(
    _words(
        "book novel film movie documentary song album show series play article column "
        "essay report poem opera musical episode headline titled entitled"
    )
)
_WALK_LIMIT: Final = 8
# A verb's dependents that hold what it reports or names.
_REPORTED_ROLES: Final = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "dative"})
_MAX_NAME_WORDS: Final = 4
# Words opening a clause of time, cause or condition after a quote.
_CIRCUMSTANCE_OPENERS: Final = frozenset(
    {"when", "while", "after", "before", "because", "since", "until", "if", "although", "though"}
)


def extract_quotes(doc: Doc, names: NameResolver) -> list[Quote]:
    """Direct and indirect quotes of a parsed article, sorted by start.

    Guarantees: never raises on unbalanced or odd quote marks; ``doc.text[q.start:q.end]
    == q.text`` and likewise for the speaker and cue offsets when set; every quote has a
    ``group``. Cost: linear in the article's tokens (see the module docstring).
    """
    ctx = SpeakerDoc(doc, names)
    drafts = _direct_drafts(ctx)
    drafts.extend(block_drafts(ctx, drafts, attribution_of, is_cue))
    drafts.extend(indirect_drafts(ctx))
    drafts = transcript_drafts(ctx, drafts)
    drafts.sort(key=lambda d: (d.start, d.end))
    _assign_groups(drafts)
    _resolve_speakers(ctx, drafts)
    return [_to_quote(ctx.text, d) for d in drafts]


# --- direct quotes -----------------------------------------------------------------------


def _direct_drafts(ctx: SpeakerDoc) -> list[Draft]:
    drafts: list[Draft] = []
    previous: Draft | None = None
    for span in ctx.spans:
        draft = _direct_draft(ctx, span, previous)
        if draft is not None:
            drafts.append(draft)
            previous = draft
        elif not _passes_over(ctx, span):
            previous = None
    _adopt_next(ctx.text, drafts)
    return drafts


def _passes_over(ctx: SpeakerDoc, span: QuoteSpan) -> bool:
    """Whether a quotation nobody said is a short name or title inside a sentence
    (``said Rask on KLMR's "Daybreak" show. "…"``), which a split quote carries on over."""
    words = ctx.text[span.start : span.end].split()
    return span.closed and len(words) <= _TITLE_MAX_WORDS


def _direct_draft(ctx: SpeakerDoc, span: QuoteSpan, previous: Draft | None) -> Draft | None:
    """The draft for one quotation, or None when nobody is said to have said it."""
    start, end = span.start, trim_end(ctx.text, span.start, span.end)
    attribution = _own_attribution(ctx, span)
    if attribution is not None:
        if _is_title(ctx, span, attribution):
            return None
        leader = previous if span.continues and previous is not None else None
        return Draft(start, end, True, attribution, leader=leader)
    if previous is not None and (span.continues or _split_from(ctx, previous, span)):
        return Draft(start, end, True, previous.attribution, leader=previous)
    if _whole_paragraph(ctx, span):
        # A paragraph that is one quotation with no speaker written: by the news
        # convention the speaker of the quote in the paragraph before goes on (on
        # PolNeAR such paragraphs are annotated as one attribution with it); with no
        # quote there, the speaker is unknown, or the one of the quote after it
        # (:func:`_adopt_next`).
        if previous is not None and _in_paragraph_before(ctx.text, previous, span):
            return Draft(start, end, True, previous.attribution, leader=previous)
        return Draft(start, end, True, None)
    logger.debug("no attribution for quotation at %d", span.start)
    return None


def _in_paragraph_before(text: str, previous: Draft, span: QuoteSpan) -> bool:
    """Whether ``previous`` lies in the paragraph right before the one ``span`` opens."""
    between = text[previous.end : span.mark_start]
    newline = between.find("\n")
    return newline >= 0 and not between[newline:].strip()


def _adopt_next(text: str, drafts: list[Draft]) -> None:
    """An unattributed paragraph quotation takes the attribution of a quote opening the
    next paragraph (``"…"`` + ``"…," she said.``: one attribution on PolNeAR)."""
    for draft, after in itertools.pairwise(drafts):
        if draft.attribution is None and after.attribution is not None:
            between = text[draft.end : after.start]
            if between.count("\n") and not between[between.find("\n") :].strip(' "“”\n'):
                draft.attribution = after.attribution


def _whole_paragraph(ctx: SpeakerDoc, span: QuoteSpan) -> bool:
    """Whether a closed quotation of at least :data:`PARAGRAPH_QUOTE_WORDS` words is
    its paragraph, less closing punctuation."""
    if not span.closed or span.continues:
        return False  # the end of a quote begun a paragraph before
    line_start = ctx.text.rfind("\n", 0, span.mark_start) + 1
    line_end = ctx.text.find("\n", span.mark_end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    before = ctx.text[line_start : span.mark_start]
    after = ctx.text[span.mark_end : line_end]
    words = ctx.text[span.start : span.end].split()
    return (
        not before.strip()
        and not after.strip(" .,;:!?\u00a0")
        and len(words) >= PARAGRAPH_QUOTE_WORDS
    )


def _own_attribution(ctx: SpeakerDoc, span: QuoteSpan) -> Attribution | None:
    content = ctx.text[span.start : span.end].rstrip()
    after = ctx.text[span.mark_end : span.mark_end + 2].lstrip(" ")
    # A lower-case word after the closing mark carries the sentence on even after a
    # full stop inside the quote ("… harbour events." added Lind).
    inverted = content[-1:] == "." and after[:1].islower()
    if (content and content[-1] in _HANDOVER) or after[:1] in (",", "—", "–") or inverted:
        found = _attribution_after(ctx, span)
        if found is not None:
            return found
    elif content[-1:] == "." and after[:1].isupper() and _opens_sentence(ctx.text, span):
        # '"… the vote." Holm said. "…"': a sentence that only says who spoke. (Not
        # for a quote that ends a sentence begun before it, 'promising that Mexico
        # would "never pay …." He later apologized': its own sentence attributes it.)
        found = _attribution_after(ctx, span)
        cue = ctx.token_at(found.cue[0]) if found is not None else None
        if found is not None and cue is not None and not _reports_something(cue):
            return found
    return (
        _dash_attribution(ctx, span)
        or _attribution_by_parse(ctx, span)
        or _attribution_before(ctx, span)
        or _colon_attribution(ctx, span)
        or _attribution_in_sentence(ctx, span)
        or _lead_paragraph_attribution(ctx, span)
    )


def _opens_sentence(text: str, span: QuoteSpan) -> bool:
    """Whether the quotation's opening mark starts a paragraph or a sentence."""
    line_start = text.rfind("\n", 0, span.mark_start) + 1
    before = text[line_start : span.mark_start].rstrip()
    return not before or before[-1] in _SENTENCE_CLOSE


def _lead_paragraph_attribution(ctx: SpeakerDoc, span: QuoteSpan) -> Attribution | None:
    """A quote opening its paragraph after a paragraph that hands over to it: one that
    ends in a colon (``Fox tweeted in response:``) or whose last sentence is a report
    with nothing reported (``Rask noted in a tweet.``)."""
    opening = ctx.token_at(span.mark_start)
    if opening is None or ctx.text[: span.mark_start].rstrip(" ")[-1:] not in ("\n", ""):
        return None
    last = opening.i - 1
    while last >= 0 and ctx.doc[last].is_space:
        last -= 1
    if last < 0 or ctx.quoted[last] or ctx.para_of[last] == ctx.para_of[opening.i]:
        return None
    sentence = ctx.doc[last].sent
    colon = ctx.doc[last].text == ":"
    for token in reversed(sentence):
        found = attribution_of(ctx, token)
        if found is not None and (colon or not _reports_something(token)):
            return found
    return None


def _reports_something(verb: Token) -> bool:
    return any(c.dep_ in ("ccomp", "dobj", "xcomp", "attr") for c in verb.children)


def _dash_attribution(ctx: SpeakerDoc, span: QuoteSpan) -> Attribution | None:
    """``"…" ― Jane Doe``: a dash and a name right after the closing mark."""
    rest = ctx.text[span.mark_end : span.mark_end + 4]
    dash = span.mark_end + len(rest) - len(rest.lstrip(" \u00a0"))
    if dash >= len(ctx.text) or ctx.text[dash] not in _DASHES:
        return None
    name = ctx.token_at(dash + 1)
    while name is not None and name.is_space and name.i + 1 < len(ctx.doc):
        name = ctx.doc[name.i + 1]
    if name is None or name.pos_ != "PROPN" or "\n" in ctx.text[dash : name.idx]:
        return None
    last = name
    while last.i + 1 < len(ctx.doc) and name_part(ctx.doc[last.i + 1]):
        last = ctx.doc[last.i + 1]
    return Attribution((dash, dash + 1), (name.idx, last.idx + len(last)))


def _attribution_in_sentence(ctx: SpeakerDoc, span: QuoteSpan) -> Attribution | None:
    """The reporting verb with a speaker nearest the quote in the sentences it touches."""
    tokens = ctx.tokens(span.mark_start, span.mark_end)
    if not len(tokens):
        return None
    sentences = {ctx.sent_of[tokens[0].i], ctx.sent_of[tokens[-1].i]}
    paragraph = ctx.para_of[tokens[0].i]
    candidates = [
        t
        for t in ctx.doc[max(0, tokens.start - 60) : min(len(ctx.doc), tokens.end + 60)]
        if ctx.sent_of[t.i] in sentences and ctx.para_of[t.i] == paragraph and not ctx.quoted[t.i]
    ]
    candidates.sort(key=lambda t: min(abs(t.i - tokens.start), abs(t.i - tokens.end)))
    for token in candidates:
        found = attribution_of(ctx, token)
        if found is not None:
            return found
    return None


def _attribution_after(ctx: SpeakerDoc, span: QuoteSpan) -> Attribution | None:
    """The first reporting verb with a speaker in the rest of the sentence after a quote;
    failing that, an inverted ``said Name`` right after it that the parser misread
    (``… events." added Lind, who …``: "added" taken for an adjective)."""
    region = list(_region_after(ctx, span))
    for token in region:
        if token.lower_ in _CIRCUMSTANCE_OPENERS and token.dep_ in ("advmod", "mark"):
            # '"That makes me smart," when Holm criticised him': a clause of time or
            # cause after the quote says when it was said, not who said it.
            return None
        found = attribution_of(ctx, token)
        if found is not None:
            return found
    if len(region) < 2 or region[0].lemma_.lower() not in CUE_VERBS or not region[0].is_lower:
        return None
    name = [t for t in region[1 : 1 + _MAX_NAME_WORDS] if t.pos_ == "PROPN"]
    if not name or name[0].i != region[0].i + 1:
        return None
    last = name[0]
    while last.i + 1 < len(ctx.doc) and last.i - name[0].i < _MAX_NAME_WORDS - 1:
        if ctx.doc[last.i + 1].pos_ != "PROPN":
            break
        last = ctx.doc[last.i + 1]
    cue = region[0]
    return Attribution((cue.idx, cue.idx + len(cue)), (name[0].idx, last.idx + len(last)))


def _region_after(ctx: SpeakerDoc, span: QuoteSpan) -> Iterator[Token]:
    """Tokens after the closing mark up to the sentence end, the next quote or a newline."""
    doc = ctx.doc
    first = ctx.token_at(span.mark_end) if span.mark_end < len(ctx.text) else None
    if first is None:
        return
    sentence = ctx.sent_of[first.i]
    for token in doc[first.i : min(len(doc), first.i + 40)]:
        if ctx.sent_of[token.i] != sentence and token.i > first.i + 1:
            return
        if "\n" in token.text or (ctx.quoted[token.i] and token.idx >= span.mark_end):
            return
        yield token


def _attribution_by_parse(ctx: SpeakerDoc, span: QuoteSpan) -> Attribution | None:
    """A reporting verb the quoted words hang from (or one beside such a head)."""
    content = ctx.tokens(span.start, span.end)
    for token in content:
        if content.start <= token.head.i < content.end:
            continue
        found = _walk_up(ctx, token.head, ctx.para_of[token.i], token)
        if found is not None:
            return found
    return None


def _walk_up(ctx: SpeakerDoc, token: Token, paragraph: int, below: Token) -> Attribution | None:
    """The first reporting verb with a speaker up the tree from ``token``, reached from
    its child ``below``."""
    for _ in range(_WALK_LIMIT):
        if ctx.para_of[token.i] != paragraph:
            return None
        # A negated verb reached through a reason or circumstance reported nothing
        # ("hasn't apologized … because "…""): the verb above it may attribute the
        # quote. Reached through its complement it does ("haven't said the FBI is
        # "reopening" it": PolNeAR annotates that attribution).
        skip = ctx.negated[token.i] and below.dep_ not in _REPORTED_ROLES
        if not ctx.quoted[token.i] and not skip:
            found = attribution_of(ctx, token) or _parenthetical(ctx, token)
            if found is not None:
                found = _participle_before(ctx, token, below, found) or found
                outer = None
                thing = found.speaker is not None and (
                    thing_subject(ctx.tokens(*found.speaker).root)
                    or thing_mention(ctx, found.speaker)
                )
                if thing and token.head.i != token.i:
                    outer = _walk_up(ctx, token.head, paragraph, token)
                return outer if outer is not None and outer.speaker != found.speaker else found
        if token.head.i == token.i:
            return None
        token, below = token.head, token
    return None


def _participle_before(
    ctx: SpeakerDoc, verb: Token, below: Token, found: Attribution
) -> Attribution | None:
    """``The ad ends on a clip of Rask saying, "…"``: the parser hangs the
    quote on the main verb and "saying" elsewhere; a participle between that verb and
    the quote, with a speaker of its own, is who says it."""
    for token in reversed(ctx.doc[verb.i + 1 : below.left_edge.i]):
        if ctx.quoted[token.i] and not token.is_punct:
            return None
        if token.tag_ == "VBG" or noun_gerund(token):
            own = attribution_of(ctx, token)
            if own is not None and own.speaker != found.speaker:
                return own
    return None


def _parenthetical(ctx: SpeakerDoc, token: Token) -> Attribution | None:
    """``The offer, she said, is "…"``: a reporting verb attached as parataxis."""
    for child in (ctx.doc[i] for i in ctx.parataxis.get(token.i, ())):
        if not ctx.quoted[child.i] and ctx.para_of[child.i] == ctx.para_of[token.i]:
            found = attribution_of(ctx, child)
            if found is not None:
                return found
    return None


def _attribution_before(ctx: SpeakerDoc, span: QuoteSpan) -> Attribution | None:
    """``Marrow said: "…"`` or ``she said, "…"``: the nearest cue before a lead-in mark."""
    lead = ctx.text[: span.mark_start].rstrip(" ")
    if not lead or lead[-1] not in ":,":
        return None
    for token in reversed(list(_region_before(ctx, span))):
        found = attribution_of(ctx, token)
        if found is not None:
            return found
    return None


def _region_before(ctx: SpeakerDoc, span: QuoteSpan) -> Iterator[Token]:
    """Tokens of the sentence before the opening mark, back to a newline or a quote."""
    opening = ctx.token_at(span.mark_start)
    if opening is None or opening.i == 0:
        return
    last = opening.i - 1
    sentence = ctx.sent_of[last]
    first = last
    while first > 0 and ctx.sent_of[first - 1] == sentence and last - first < 40:
        if "\n" in ctx.doc[first - 1].text or ctx.quoted[first - 1]:
            break
        first -= 1
    yield from ctx.doc[first : last + 1]


def _colon_attribution(ctx: SpeakerDoc, span: QuoteSpan) -> Attribution | None:
    """``Marrow: "…"``: a short noun phrase without a verb, then a colon, then the quote.
    A label closed by an earlier colon is no part of the phrase ("Update: A statement
    from the club: "…"")."""
    lead = _after_label(list(_region_before(ctx, span)))
    if len(lead) < 2 or lead[-1].text != ":" or len(lead) > 8:
        return None
    phrase = lead[:-1]
    if any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    heads = [t for t in phrase if t.head.i == t.i or not phrase[0].i <= t.head.i <= lead[-1].i]
    head = next((t for t in heads if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if head is None:
        return None
    colon = lead[-1]
    return Attribution((colon.idx, colon.idx + 1), mention_offsets(head))


def _after_label(lead: list[Token]) -> list[Token]:
    """The tokens after the last colon before the final one."""
    colons = [k for k, t in enumerate(lead[:-1]) if t.text == ":"]
    return lead[colons[-1] + 1 :] if colons else lead


def _split_from(ctx: SpeakerDoc, previous: Draft, span: QuoteSpan) -> bool:
    """``"…," she said. "…"``: the previous quote's attribution lies between the two."""
    attribution = previous.attribution
    if attribution is None or attribution.cue[0] < previous.end:
        return False
    between = ctx.text[previous.end : span.mark_start]
    return attribution.cue[1] <= span.mark_start and "\n" not in between


def _is_title(ctx: SpeakerDoc, span: QuoteSpan, attribution: Attribution) -> bool:
    """A short Title Case quotation after a writing verb or a work noun, or before a work
    noun ("wrote "The Quays of Lorvik"", "the film "Harbour Lights"", "the "Harbour
    Lights" show") is the title of a work."""
    words = ctx.text[span.start : span.end].split()
    if not words or len(words) > _TITLE_MAX_WORDS:
        return False
    long_words = [w for w in words if len(w.strip(".,;:!?")) > 3]
    if not long_words or not all(w[0].isupper() for w in long_words):
        return False
    cue = ctx.token_at(attribution.cue[0])
    before = ctx.text[max(0, span.mark_start - 30) : span.mark_start].split()
    behind = ctx.text[span.mark_end : span.mark_end + 30].split()
    return (
        (cue is not None and CUE_VERBS.get(cue.lemma_.lower()) == "writing")
        or (bool(before) and before[-1].lower().strip(",") in _WORK_NOUNS)
        or (bool(behind) and behind[0].lower().strip(".,;:!?") in _WORK_NOUNS)
    )


# --- groups and speakers -----------------------------------------------------------------


def _assign_groups(drafts: Sequence[Draft]) -> None:
    """Number statements in text order: one group per cue, continued parts join theirs."""
    by_cue: dict[tuple[int, int], int] = {}
    for draft in drafts:
        if draft.leader is not None and draft.leader.group >= 0:
            draft.group = draft.leader.group
            if draft.attribution is not None:
                by_cue.setdefault(draft.attribution.cue, draft.group)
            continue
        key = draft.attribution.cue if draft.attribution is not None else (-1, draft.start)
        draft.group = by_cue.setdefault(key, len(by_cue))


def _resolve_speakers(ctx: SpeakerDoc, drafts: Sequence[Draft]) -> None:
    """Canonical speakers in text order (a pronoun looks back at earlier speakers)."""
    spoken: list[tuple[int, str]] = []
    for draft in drafts:
        if (
            draft.leader is not None
            and draft.leader.speaker is not None
            and (draft.attribution is draft.leader.attribution)
        ):
            draft.speaker = draft.leader.speaker
        elif draft.attribution is not None and draft.attribution.speaker is not None:
            draft.speaker = canonical_speaker(ctx, draft.attribution.speaker, spoken)
            if draft.speaker is not None:
                note_speaker(ctx, draft.attribution.speaker, draft.speaker)
        if draft.speaker is not None and draft.attribution is not None:
            position = (draft.attribution.speaker or draft.attribution.cue)[0]
            spoken.append((position, draft.speaker))


def _to_quote(text: str, draft: Draft) -> Quote:
    attribution = draft.attribution
    speaker = attribution.speaker if attribution is not None else None
    cue = attribution.cue if attribution is not None else None
    return Quote(
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        direct=draft.direct,
        speaker=draft.speaker,
        speaker_mention=text[speaker[0] : speaker[1]] if speaker else None,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
        cue=text[cue[0] : cue[1]] if cue else None,
        cue_start=cue[0] if cue else None,
        cue_end=cue[1] if cue else None,
        group=draft.group,
    )
