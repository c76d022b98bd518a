"""Verify a summary against a story's sources: the cross-check turned around.

:func:`verify_summary` takes a text someone else wrote (an aggregator's digest, a
colleague's notes) and says, sentence by sentence, what the story's outlets back:

1. The summary is analysed as a pseudo-article with the articles' own analyser
   (sentences, quotes and speakers, quantities with units and bounds, dates resolved
   against the story's last publication, names), and added to a copy of the story's
   material, so every check below reads it exactly as it reads an article.
2. Sentences: the analyser's sentences cut at line breaks; offsets into the summary.
   Clauses: a sentence cut at ";", " — " and a comma before a conjunction ("..., and
   ...", "..., while ..."), each clause of ``min_clause_words`` or more content words.
3. Matching: one similarity matrix (the story's model, lexical or dense) between the
   sentences and clauses and the story's sentence pieces (:meth:`StoryMaterial.
   story_pieces`); a piece at least ``support_similarity`` similar is a candidate, and
   is related to the summary's text by :func:`relation`: numbers (the fact interval
   rules of :func:`~newsprism.reconcile.facts.compatible`), negation, antonyms
   (:mod:`~newsprism.reconcile.antonyms`) and actors (people, folded through the
   story's roster: "Lind" is "Anna Lind").
4. Checks a supporting piece must pass besides agreeing: every figure of the sentence
   fits a figure of the supporting pieces; every person, place or organisation the
   sentence names is named there (any alias); every direct quote's words occur in a
   source's quote of the same speaker (words found under another speaker: the speaker
   is wrong; words found nowhere while the sentence is otherwise backed: a paraphrase
   shown as a quote).
5. Verdict: ``supported`` when every clause is backed and every check passes;
   ``contradicted`` when a similar piece gives another figure, the opposite polarity,
   an antonym, another speaker or actor, and nothing backs that part; ``partly`` when
   some clauses or items are backed and others not (the note names both);
   ``unsupported`` when nothing backs it.
6. Missing: the brief's summary sentences carried by most sources (at least
   ``missing_share`` of them and two) that no summary sentence is similar to, and the
   facts most sources agree on whose figure the summary never gives.

Modules: the evidence (the pieces weighed, :func:`relation`) is
:mod:`~newsprism.reconcile.verify_evidence`, the figure disputes and their notes
:mod:`~newsprism.reconcile.verify_disputes`, the missing items
:mod:`~newsprism.reconcile.verify_missing`; this module judges and checks quotes.

Cost after the brief: one analysis of the summary (~10 ms a sentence) and one
similarity matrix (summary sentences and clauses x story pieces).
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

import numpy as np

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import (
    Analysis,
    Article,
    Brief,
    CheckedSentence,
    Conflict,
    Passage,
    Quantity,
    Quote,
    SourceMatch,
    Verdict,
    Verification,
)
from newsprism.reconcile.facts import compatible
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.similarity import TextSimilarity, stem
from newsprism.reconcile.speaker_match import same_speaker
from newsprism.reconcile.statements import normalize_words
from newsprism.reconcile.verify_disputes import dispute_note, fact_disputes, rival_figures
from newsprism.reconcile.verify_evidence import (
    Context,
    Evidence,
    VerifyOptions,
    gather_evidence,
    mentions_in,
    relation,
)
from newsprism.reconcile.verify_missing import (
    SUMMARY_ID,
    MissingOptions,
    find_missing,
    inside,
    quantities_in,
)

logger = logging.getLogger(__name__)

__all__ = ["SUMMARY_ID", "Verifier", "VerifyOptions", "relation", "verify_summary"]


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Words that say nothing a source must back (function words, reporting verbs).
_STOP_WORDS = (
    "a an the and or but of to in on at by for with from as into about over after before "
    "is are was were be been being has have had do does did will would can could may might "
    "shall should must this that these those it its they them their he him his she her we "
    "our you your i me my who whom which what when where while also than then there here "
    "not no nor so such said says say told tell according added adds up out just only "
    "more most other some any all each both very new one"
)
_STOP = frozenset(_STOP_WORDS.split())
_CLAUSE_CUT = re.compile(
    r";\s+|\s+[—–]\s+|,\s+(?=(?:and|but|while|whereas|although|though|as|after|which)\b)"
)
# A possessive ending ("Obama's", "Obama’s"): the name's stem is the name's ("obama", not
# the "obama'" that stripping a plural "s" left).
_POSSESSIVE = re.compile(r"'s$")
_PIECE = re.compile(r"[^\s](?:[^\n]*[^\s])?")
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words (function and reporting words left out).

    :mod:`~newsprism.reconcile.exclusive_details` keeps its own content stems (4-letter
    minimum, digits kept, set on the BASIL gold): the two are not interchangeable, see
    the comment there."""
    words = (_POSSESSIVE.sub("", w.casefold().replace("’", "'")) for w in _WORD.findall(text))
    return {stem(w) for w in words if w not in _STOP and len(w) > 1}


# --- the summary as a pseudo-article -----------------------------------------------------


def summary_article(material: StoryMaterial, text: str) -> Article:
    """The summary as an article of the story: dated like its latest article, so
    relative dates ("on Monday") resolve as the sources' do."""
    published: datetime | None = material.story.last_published
    return Article(id=SUMMARY_ID, source="<summary>", text=text, published=published)


def with_summary(material: StoryMaterial, article: Article, analysis: Analysis) -> StoryMaterial:
    """The story's material with the summary added as one more article (its own
    source), so passages of it can be compared with :func:`relation`."""
    story = replace(material.story, articles=(*material.story.articles, article.id))
    analyses = {**material.analyses, article.id: analysis}
    return StoryMaterial(story, [*material.articles, article], analyses)


def summary_sentences(material: StoryMaterial) -> list[Passage]:
    """The summary's sentences, cut at line breaks and trimmed (a bullet list is one
    sentence per line)."""
    return [piece for s in material.sentences(SUMMARY_ID) for piece in material.pieces(s)]


def clauses_of(material: StoryMaterial, sentence: Passage, min_words: int) -> list[Passage]:
    """The sentence's clauses (see the module docstring); [] when it has one."""
    cuts = [0, *(m.start() for m in _CLAUSE_CUT.finditer(sentence.text)), len(sentence.text)]
    if len(cuts) == 2:
        return []
    found = []
    for begin, stop in itertools.pairwise(cuts):
        for m in _PIECE.finditer(sentence.text, begin, stop):
            piece = m.group().lstrip(";,—– ")
            first = sentence.start + m.end() - len(piece)
            if len(content_stems(piece)) >= min_words:
                found.append(material.passage(SUMMARY_ID, first, sentence.start + m.end()))
    return found if len(found) > 1 else []


def _coverage(ctx: Context, mine: Passage, backing: Sequence[tuple[Passage, float]]) -> float:
    """Share of the passage's content words found in its three best backing pieces."""
    wanted = content_stems(mine.text)
    if not wanted:
        return 1.0
    index = {id(p): n for n, p in enumerate(ctx.pieces)}
    held: set[str] = set()
    for piece, _ in sorted(backing, key=lambda b: -b[1])[:3]:
        held |= ctx.piece_stems[index[id(piece)]]
    return len(wanted & held) / len(wanted)


def _unbacked_figures(
    ctx: Context, mine: Passage, backing: Sequence[tuple[Passage, float]]
) -> list[Quantity]:
    """The passage's figures that fit no figure of its backing pieces."""
    theirs = [q for piece, _ in backing for q in quantities_in(ctx.material, piece)]
    return [
        q
        for q in quantities_in(ctx.material, mine)
        if not any(t.unit == q.unit and compatible(q, t) for t in theirs)
    ]


def _names_in(material: StoryMaterial, passage: Passage) -> list[tuple[str, str]]:
    """(canonical name, as written) of every named thing in the passage."""
    return [(e.name, m.text) for e, m in mentions_in(material, passage) if e.type in _NAMED]


def _unbacked_names(
    ctx: Context, mine: Passage, backing: Sequence[tuple[Passage, float]]
) -> list[str]:
    """Names in the passage that none of its backing pieces names (any alias)."""
    named = {
        ctx.names.key(name) for piece, _ in backing for name, _ in _names_in(ctx.material, piece)
    }
    words = " ".join(normalize_words(piece.text) for piece, _ in backing)
    missing = []
    for name, written in _names_in(ctx.material, mine):
        if ctx.names.key(name) in named or normalize_words(written).strip() in words:
            continue
        if written not in missing:
            missing.append(written)
    return missing


# --- quotes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _QuoteCheck:
    """Source quotes holding a summary quote's words: by its speaker (``found``; with
    no speaker on either side: ``unattributed``) or by someone else."""

    quote: Quote
    found: list[Passage]
    speaker_clash: list[Passage]
    unattributed: list[Passage] = field(default_factory=list)


def _quotes_in(material: StoryMaterial, passage: Passage) -> list[Quote]:
    found = inside(material, passage, "quotes", lambda a: [(q.start, q.end, q) for q in a.quotes])
    return [q for q in found if isinstance(q, Quote) and q.direct]


def _known_person(ctx: Context, name: str | None) -> bool:
    """Whether the story's roster knows ``name`` as a person (a summary's "reports
    Mediaite" makes an outlet the speaker: no speaker to check)."""
    resolved = ctx.names.resolve(name) if name else None
    return resolved is not None and ctx.names.types.get(resolved) == "PERSON"


def _check_quote(ctx: Context, quote: Quote) -> _QuoteCheck:
    """Where the quoted words occur in the sources, under which speaker."""
    words = normalize_words(quote.text)
    found: list[Passage] = []
    clash: list[Passage] = []
    unattributed: list[Passage] = []
    if not words:
        return _QuoteCheck(quote, found, clash)
    for article in ctx.material.articles:
        if article.id == SUMMARY_ID:
            continue
        analysis = ctx.material.analysis(article.id)
        quoted = [q for q in analysis.quotes if q.direct] if analysis else []
        hits = [q for q in quoted if words in normalize_words(q.text)]
        for q in hits:
            place = ctx.material.passage(article.id, q.start, q.end)
            if quote.speaker is None or q.speaker is None:
                unattributed.append(place)
            elif same_speaker(quote.speaker, q.speaker, ctx.names.key):
                found.append(place)
            else:
                clash.append(place)
        if not hits and words in normalize_words(article.text):
            span = _quoted_span(article.text, quote.text)
            if span is not None:  # between quote marks the analyser did not take as a quote
                unattributed.append(ctx.material.passage(article.id, *span))
    return _QuoteCheck(quote, found, clash, unattributed)


_MARKS = "\"'“”‘’«»„‹›"


def _quoted_span(text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle``'s words occur in ``text`` (any case and spacing) inside quote
    marks: a mark within three characters before the words, in the same paragraph."""
    words = [re.escape(w) for w in _WORD.findall(needle)]
    if not words:
        return None
    for m in re.finditer(r"\W+".join(words), text, re.IGNORECASE):
        before = text[max(0, m.start() - 3) : m.start()]
        if any(c in _MARKS for c in before.split("\n")[-1]):
            return m.start(), m.end()
    return None


# --- verdicts ----------------------------------------------------------------------------


@dataclass
class _Finding:
    verdict: Verdict
    note: str
    supported: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    contradicting: list[tuple[Passage, float, Conflict]] = field(default_factory=list)
    backing: list[tuple[Passage, float]] = field(default_factory=list)


def _judge_unbacked(
    ctx: Context,
    mine: Passage,
    found: Evidence,
    by_fact: list[tuple[Passage, float, Conflict]],
) -> _Finding:
    """The verdict on a passage no similar source piece agrees with."""
    if by_fact and not found.disputing:
        figures = [q.text for q in quantities_in(ctx.material, mine)]
        return _Finding("contradicted", "the sources give another figure", [], figures, by_fact)
    if found.disputing:
        note = dispute_note(found.disputing)
        return _Finding("contradicted", note, [], [mine.text], found.disputing)
    return _Finding("unsupported", "no source says this", [], [mine.text])


def _judge_passage(ctx: Context, mine: Passage, found: Evidence) -> _Finding:
    """The verdict on one passage from its evidence and item checks (no quotes)."""
    by_fact = fact_disputes(ctx, mine)
    if not found.backing:
        return _judge_unbacked(ctx, mine, found, by_fact)
    figures = _unbacked_figures(ctx, mine, found.backing + found.nearby)
    names = _unbacked_names(ctx, mine, found.backing + found.nearby)
    covered = _coverage(ctx, mine, found.backing) >= ctx.options.min_coverage
    close = found.best_backing >= ctx.close
    loose = [q.text for q in figures] + names
    number_dispute = [d for d in found.disputing if d[2] == "number"] + by_fact
    if figures and number_dispute:
        return _Finding(
            "contradicted",
            "a source gives another figure",
            [],
            [q.text for q in figures],
            number_dispute,
            found.backing,
        )
    if not loose and (covered or close):
        # Backed, yet another source gives another figure in a sentence like it: still
        # supported (a source says it), with that source shown, as the brief's summary
        # shows "disputed by" beside its supporters.
        other = rival_figures(ctx, mine, found)
        note = "backed, but " + dispute_note(other) if other else ""
        return _Finding("supported", note, [mine.text], [], other, found.backing)
    if found.disputing and found.best_disputing > found.best_backing and not (covered or close):
        note = dispute_note(found.disputing)
        return _Finding("contradicted", note, [], [mine.text], found.disputing, found.backing)
    missing = loose or ["some of its details"]
    return _Finding(
        "partly",
        "not in the sources: " + ", ".join(missing),
        [mine.text],
        missing,
        [],
        found.backing,
    )


def _judge_clauses(
    ctx: Context, whole: _Finding, clauses: list[tuple[Passage, _Finding]]
) -> _Finding:
    """A sentence's verdict from its clauses' when it has several."""
    verdicts = [f.verdict for _, f in clauses]
    if all(v == "supported" for v in verdicts):
        return whole if whole.verdict == "supported" else replace_finding(whole, clauses)
    if any(v == "contradicted" for v in verdicts):
        bad = [(c, f) for c, f in clauses if f.verdict == "contradicted"]
        return _Finding(
            "contradicted",
            "; ".join(f"{c.text!r}: {f.note}" for c, f in bad),
            [c.text for c, f in clauses if f.verdict == "supported"],
            [c.text for c, _ in bad],
            [d for _, f in bad for d in f.contradicting],
            [b for _, f in clauses for b in f.backing],
        )
    backed = [c.text for c, f in clauses if f.verdict in ("supported", "partly")]
    if not backed:
        return (
            whole
            if whole.verdict != "supported"
            else _Finding("unsupported", "no source says this", [], [c.text for c, _ in clauses])
        )
    unbacked = [c.text for c, f in clauses if f.verdict != "supported"]
    unbacked += [u for c, f in clauses if f.verdict == "partly" for u in f.unsupported]
    return _Finding(
        "partly",
        "not in the sources: " + "; ".join(dict.fromkeys(unbacked)),
        backed,
        list(dict.fromkeys(unbacked)),
        [],
        [b for _, f in clauses for b in f.backing],
    )


def replace_finding(whole: _Finding, clauses: list[tuple[Passage, _Finding]]) -> _Finding:
    """Every clause backed although the sentence as a whole was not: supported."""
    backing = [b for _, f in clauses for b in f.backing] + whole.backing
    return _Finding("supported", "", [c.text for c, _ in clauses], [], [], backing)


def _apply_quotes(ctx: Context, mine: Passage, finding: _Finding) -> _Finding:
    """Quotes: words under another speaker contradict; words nowhere are a paraphrase
    shown as a quote (the sentence is at most partly supported)."""
    for quote in _quotes_in(ctx.material, mine):
        check = _check_quote(ctx, quote)
        clash = bool(check.speaker_clash) and _known_person(ctx, quote.speaker)
        if check.found or (check.unattributed and not clash):
            held = [b for b, _ in finding.backing]
            finding.backing.extend(
                (p, 1.0) for p in check.found + check.unattributed if p not in held
            )
            continue
        if clash:
            who = quote.speaker or quote.speaker_mention or "the summary's speaker"
            return _Finding(
                "contradicted",
                f"the sources attribute these words to someone other than {who}",
                finding.supported,
                [quote.text],
                [(p, 1.0, "speaker") for p in check.speaker_clash],
                finding.backing,
            )
        if finding.verdict in ("supported", "partly"):
            finding = _Finding(
                "partly",
                f"quoted words found in no source (a paraphrase shown as a quote): "
                f"\u201c{quote.text}\u201d",
                finding.supported,
                [*finding.unsupported, quote.text],
                finding.contradicting,
                finding.backing,
            )
    return finding


def _checked(ctx: Context, sentence: Passage, finding: _Finding) -> CheckedSentence:
    offset = ctx.material.passage(SUMMARY_ID, sentence.start, sentence.end)
    sources: list[SourceMatch] = []
    seen: set[tuple[str, int]] = set()
    for piece, score, conflict in sorted(finding.contradicting, key=lambda d: -d[1]):
        if (piece.article, piece.start) not in seen:
            seen.add((piece.article, piece.start))
            sources.append(SourceMatch(piece, "contradicts", round(score, 3), conflict))
    for piece, score in sorted(finding.backing, key=lambda b: -b[1]):
        if (piece.article, piece.start) not in seen and finding.verdict != "unsupported":
            seen.add((piece.article, piece.start))
            sources.append(SourceMatch(piece, "supports", round(score, 3)))
    return CheckedSentence(
        text=offset.text,
        start=offset.start,
        end=offset.end,
        verdict=finding.verdict,
        sources=tuple(sources),
        note=finding.note,
        supported_parts=tuple(dict.fromkeys(finding.supported)),
        unsupported_parts=tuple(dict.fromkeys(finding.unsupported)),
    )


# --- entry points ------------------------------------------------------------------------


def verify_summary(
    material: StoryMaterial,
    brief: Brief,
    summary_text: str,
    similarity: TextSimilarity,
    analyzer: Analyzer,
    options: VerifyOptions | None = None,
) -> Verification:
    """Every sentence of ``summary_text`` with its verdict and the source sentences
    beside it, in the summary's order, and what most sources carry that it leaves out
    (see the module docstring). ``brief`` is the story's brief (its roster, summary
    and facts); ``similarity`` should be the model the brief was made with.

    Guarantees: ``summary_text[s.start:s.end] == s.text`` for every sentence; every
    source passage is ``article.text[start:end]``; deterministic for a deterministic
    ``similarity``."""
    options = options or VerifyOptions()
    article = summary_article(material, summary_text)
    both = with_summary(material, article, analyzer.analyze(article))
    ctx = _story_context(material, both, brief, options, similarity.dense)
    sentences = summary_sentences(both)
    clauses = [clauses_of(both, s, options.min_clause_words) for s in sentences]
    checked = _verify_sentences(ctx, sentences, clauses, similarity)
    limits = MissingOptions(options.missing_share, ctx.threshold, options.max_missing)
    missing = find_missing(both, brief, sentences, similarity, limits)
    logger.info(
        "verified %d summary sentences of story %s: %d missing items",
        len(checked),
        material.story.id,
        len(missing),
    )
    return Verification(material.story, summary_text, tuple(checked), tuple(missing))


def _story_context(
    material: StoryMaterial,
    both: StoryMaterial,
    brief: Brief,
    options: VerifyOptions,
    dense: bool,
) -> Context:
    """What every check reads: the story with the summary added (``both``), the story's
    pieces (of ``material``: the summary is not its own source) and their content stems,
    its roster and facts, and the thresholds of the similarity's kind."""
    pieces = material.story_pieces()
    return Context(
        both,
        pieces,
        story_names(material, brief.entities),
        options,
        options.dense_support_similarity if dense else options.support_similarity,
        options.dense_close_similarity if dense else options.close_similarity,
        [content_stems(p.text) for p in pieces],
        brief.facts,
    )


def _verify_sentences(
    ctx: Context,
    sentences: Sequence[Passage],
    clauses: Sequence[Sequence[Passage]],
    similarity: TextSimilarity,
) -> list[CheckedSentence]:
    flat = [*sentences, *(c for group in clauses for c in group)]
    if not flat:
        return []
    if ctx.pieces:
        sim = np.asarray(
            similarity.matrix([p.text for p in flat], [p.text for p in ctx.pieces]), np.float64
        )
    else:
        sim = np.zeros((len(flat), 0))
    rows = {(p.start, p.end): sim[i] for i, p in enumerate(flat)}
    result = []
    for sentence, group in zip(sentences, clauses, strict=True):
        whole = _judge_passage(
            ctx, sentence, gather_evidence(ctx, sentence, rows[(sentence.start, sentence.end)])
        )
        if group and whole.verdict != "contradicted":
            parts = [
                (c, _judge_passage(ctx, c, gather_evidence(ctx, c, rows[(c.start, c.end)])))
                for c in group
            ]
            whole = _judge_clauses(ctx, whole, parts)
        result.append(_checked(ctx, sentence, _apply_quotes(ctx, sentence, whole)))
    return result


class Verifier:
    """Holds what verifying costs to load (the analyser, the similarity model), so a
    CLI run or a web server verifies many summaries with one of each."""

    def __init__(
        self,
        similarity: TextSimilarity,
        analyzer: Analyzer | None = None,
        options: VerifyOptions | None = None,
    ) -> None:
        self.similarity = similarity
        self.analyzer = analyzer or Analyzer()
        self.options = options or VerifyOptions()

    def verify(self, material: StoryMaterial, brief: Brief, summary_text: str) -> Verification:
        return verify_summary(
            material, brief, summary_text, self.similarity, self.analyzer, self.options
        )


def verdict_counts(sentences: Iterable[CheckedSentence]) -> dict[str, int]:
    """How many sentences got each verdict (every verdict listed, zeros included)."""
    counts = {"supported": 0, "partly": 0, "contradicted": 0, "unsupported": 0}
    for sentence in sentences:
        counts[sentence.verdict] += 1
    return counts
