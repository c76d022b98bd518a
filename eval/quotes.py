"""Quote extraction measured on PolNeAR, with textacy's ``direct_quotations`` beside it.

Run: ``.venv/bin/python eval/quotes.py [--split dev|test] [--limit N] [--errors N]``.
Exits 0 with "skipped: data folder not found" when the corpus is absent (see
``eval/polnear.py`` for where it is looked for). Writes ``eval/results/quotes.json``
(one entry per split, kept across runs) and ``eval/results/quotes.md``.

Scoring, as BBC Citron reports it (see eval/README.md for the full rules):

* **Units.** A gold unit is one attribution's Content span (all fragments). A predicted
  unit is the quotes sharing one ``group`` (newsprism) or one cue (textacy): a split
  quote is one attribution in PolNeAR, so its parts are scored together. A unit is
  the set of alphanumeric character offsets it covers, a leading "that" left out, so
  quote marks, spaces and edge punctuation never decide a match.
* **Exact** match: equal character sets. **Overlap** match: at least one character in
  common. Matching is one-to-one (greedy, largest overlap first).
* **Direct**: gold units whose content holds a quotation mark (direct and mixed
  quotes), or is a transcript turn whose paragraph opens with the mark before a speaker
  label in capitals (``"WALLACE: ...``: the gold's content starts after the label, so
  its own words hold no mark; counted as direct since the analysis gives such turns to
  their speakers: PolNeAR dev direct overlap F1 0.920 -> 0.926, textacy 0.773 -> 0.771),
  against predicted groups holding a direct quote (with the indirect clause a partial
  quote sits in, when one was found). **All**: every gold attribution against every
  predicted group.
* **Speaker accuracy**, over overlap-matched units whose gold Source is a name (the
  Source span's syntactic head, in this run's parse, is a proper noun): correct when
  that head word occurs as a whole word in the predicted speaker or speaker mention.

PolNeAR texts are never written out; ``--errors`` prints short clipped examples to the
terminal only.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from rich.console import Console
from rich.table import Table
from spacy.tokens import Doc

from newsprism.analyze.nlp import load_english
from newsprism.analyze.quotes import extract_quotes
from newsprism.analyze.speakers import Gender, NameResolver
from newsprism.model import Quote
from polnear import Article, Attribution, data_root, read_split

logger = logging.getLogger(__name__)

RESULTS: Final = Path(__file__).resolve().parent / "results"
GOAL_F1: Final = 0.90
GOAL_SPEAKER: Final = 0.90
# A gold content holding one of these is a direct (or mixed) quote; the New York Times'
# archive writes double quotes as two apostrophes.
_QUOTE_MARKS: Final = re.compile("[\"“”„«»‘]|''|``")
# A paragraph opening a transcript turn in quote marks: the mark, then a label in
# capitals ("SEN. SMITH:"), up to where the gold content starts.
_TURN_OPENING: Final = re.compile(r"""["“”„«‘]\s*[A-Z][A-Z.' -]{1,40}:\s*$""")
_LEADING_THAT: Final = re.compile(r"\s*that\b", re.IGNORECASE)
_WORD: Final = re.compile(r"[\w']+")
_SUFFIXES: Final = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
# Reported speech: a gold attribution without quote marks whose cue holds one of these
# lemmas. The list is textacy 0.13's ``constants.REPORTING_VERBS["en"]`` (written out, as
# the gate runs without textacy) less its verbs of belief and feeling, "believe
# estimate fear hope think worry": PolNeAR annotates beliefs too ("believes",
# "estimates", "worries" are dev cues), and newsprism does not aim to extract them.
_SPEECH_CUES: Final = (
    "according accuse acknowledge add admit agree allege announce argue ask assert "
    "blame charge cite claim complain concede conclude confirm contend criticize "
    "declare decline deny describe disagree disclose explain insist maintain mention "
    "note observe order predict promise recall recommend reply report say state stress "
    "suggest tell testify urge warn write"
)
SPEECH_LEMMAS: Final = frozenset(_SPEECH_CUES.split())


@dataclass(frozen=True, slots=True)
class Unit:
    """One scored item: the word characters it covers, and who it is attributed to."""

    chars: frozenset[int]
    label: str
    speakers: tuple[str, ...] = ()
    gold_name: str | None = None
    speech: bool = False  # gold only: reported speech (see SPEECH_LEMMAS)


@dataclass(slots=True)
class Counts:
    """True positives, predictions and gold items of one measure."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def scores(self) -> dict[str, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass(slots=True)
class Tally:
    """All measures of one system over a split."""

    exact_direct: Counts
    overlap_direct: Counts
    exact_all: Counts
    overlap_all: Counts
    speaker_direct: Counts
    speaker_all: Counts
    # Reported speech: precision over indirect predictions, recall over speech gold.
    reported_precision: Counts
    reported_recall: Counts
    speaker_reported: Counts

    @classmethod
    def new(cls) -> Tally:
        return cls(*(Counts() for _ in range(9)))

    def report(self) -> dict[str, Any]:
        return {
            "direct": {
                "exact": self.exact_direct.scores(),
                "overlap": self.overlap_direct.scores(),
            },
            "all": {"exact": self.exact_all.scores(), "overlap": self.overlap_all.scores()},
            "reported": {"overlap": _reported_scores(self)},
            "speaker_accuracy": {
                "direct": _accuracy(self.speaker_direct),
                "all": _accuracy(self.speaker_all),
                "reported": _accuracy(self.speaker_reported),
            },
        }


def _reported_scores(tally: Tally) -> dict[str, float]:
    p = tally.reported_precision.scores()["precision"]
    r = tally.reported_recall.scores()["recall"]
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": round(f, 4)}


def _accuracy(counts: Counts) -> dict[str, float | int]:
    value = counts.tp / counts.gold if counts.gold else 0.0
    return {"accuracy": round(value, 4), "correct": counts.tp, "scored": counts.gold}


# --- units -------------------------------------------------------------------------------


def word_chars(text: str, fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Offsets of the word characters in ``fragments``, a leading "that" excluded."""
    chars: set[int] = set()
    for index, (start, end) in enumerate(sorted(fragments)):
        lead = _LEADING_THAT.match(text, start, end) if index == 0 else None
        first = lead.end() if lead else start
        chars.update(m for m in range(first, end) if text[m].isalnum())
    return frozenset(chars)


def gold_units(article: Article, doc: Doc) -> tuple[list[Unit], list[Unit]]:
    """(direct, all) gold units of one article; reported speech is marked ``speech``."""
    direct: list[Unit] = []
    everything: list[Unit] = []
    for attribution in article.attributions:
        marked = bool(_QUOTE_MARKS.search(attribution.content.text)) or _turn_content(
            article.text, attribution
        )
        unit = Unit(
            word_chars(article.text, attribution.content.fragments),
            attribution.content.text,
            gold_name=source_name(doc, attribution),
            speech=not marked and speech_cue(doc, attribution),
        )
        if not unit.chars:
            continue
        everything.append(unit)
        if marked:
            direct.append(unit)
    return direct, everything


def _turn_content(text: str, attribution: Attribution) -> bool:
    """Whether the content is a transcript turn quoted whole: its paragraph holds only
    an opening quote mark and a speaker label in capitals before it."""
    start = attribution.content.fragments[0][0]
    paragraph_start = text.rfind("\n", 0, start) + 1
    return bool(_TURN_OPENING.match(text[paragraph_start:start].lstrip()))


def speech_cue(doc: Doc, attribution: Attribution) -> bool:
    """Whether the attribution's cue is a speech or writing act: one of its words has a
    lemma (in this run's parse) in :data:`SPEECH_LEMMAS`."""
    if attribution.cue is None:
        return False
    for start, end in attribution.cue.fragments:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.lemma_.lower() in SPEECH_LEMMAS for t in span):
            return True
    return False


def source_name(doc: Doc, attribution: Attribution) -> str | None:
    """The gold source's head word when it is a proper noun ("Mr. Barrett" -> Barrett)."""
    if attribution.source is None:
        return None
    start, end = attribution.source.fragments[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.text in _SUFFIXES and root.i > span.start:
        root = doc[root.i - 1]
    return root.text if root.tag_ in ("NNP", "NNPS") else None


def our_units(
    text: str, quotes: Sequence[Quote], direct_only: bool, indirect_only: bool = False
) -> list[Unit]:
    """newsprism's quotes, one unit per group; with ``direct_only``, the groups holding a
    direct quote (their indirect clause included, as PolNeAR's mixed quotes are); with
    ``indirect_only``, the groups holding none."""
    groups: dict[int, list[Quote]] = {}
    for quote in quotes:
        key = quote.group if quote.group is not None else -1 - quote.start
        groups.setdefault(key, []).append(quote)
    units = []
    for members in groups.values():
        if direct_only and not any(q.direct for q in members):
            continue
        if indirect_only and any(q.direct for q in members):
            continue
        chars = word_chars(text, [(q.start, q.end) for q in members])
        speakers = {s for q in members for s in (q.speaker, q.speaker_mention) if s}
        units.append(Unit(chars, members[0].text, tuple(sorted(speakers))))
    return [u for u in units if u.chars]


def textacy_units(doc: Doc) -> tuple[list[Unit], bool]:
    """textacy's direct quotations, one unit per cue; True when it raised on the whole
    document and ran paragraph by paragraph instead."""
    # Imported here: textacy is the eval extra's, and the CI gate runs without it.
    from textacy.extract.triples import direct_quotations

    try:
        triples = [(t, 0) for t in direct_quotations(doc)]
        fallback = False
    except ValueError:  # an odd number of quote marks: textacy refuses the document
        triples = list(_textacy_by_paragraph(doc))
        fallback = True
    groups: dict[tuple[int, ...], list[tuple[int, int, str]]] = {}
    for triple, shift in triples:
        key = tuple(t.idx + shift for t in triple.cue)
        speaker = " ".join(t.text for t in triple.speaker)
        span = triple.content
        groups.setdefault(key, []).append((span.start_char + shift, span.end_char + shift, speaker))
    units = []
    for members in groups.values():
        chars = word_chars(doc.text, [(s, e) for s, e, _ in members])
        units.append(Unit(chars, doc.text[members[0][0] : members[0][1]], (members[0][2],)))
    return [u for u in units if u.chars], fallback


def _textacy_by_paragraph(doc: Doc) -> Iterator[tuple[Any, int]]:
    from textacy.extract.triples import direct_quotations

    for match in re.finditer(r"[^\n]+", doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        try:
            found = list(direct_quotations(span.as_doc()))
        except ValueError:
            continue
        yield from ((triple, span.start_char) for triple in found)


# --- matching ----------------------------------------------------------------------------


def match_exact(gold: Sequence[Unit], predicted: Sequence[Unit]) -> list[tuple[Unit, Unit]]:
    by_chars: dict[frozenset[int], list[Unit]] = {}
    for unit in predicted:
        by_chars.setdefault(unit.chars, []).append(unit)
    pairs = []
    for unit in gold:
        candidates = by_chars.get(unit.chars)
        if candidates:
            pairs.append((unit, candidates.pop()))
    return pairs


def match_overlap(gold: Sequence[Unit], predicted: Sequence[Unit]) -> list[tuple[Unit, Unit]]:
    """One-to-one pairs sharing characters, greedily by the size of what they share."""
    candidates = sorted(
        (
            (len(g.chars & p.chars), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if not g.chars.isdisjoint(p.chars)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def speaker_correct(gold: Unit, predicted: Unit) -> bool:
    """The gold source's name word is a whole word of our speaker or speaker mention."""
    assert gold.gold_name is not None
    wanted = _fold(gold.gold_name)
    return any(wanted in _WORD.findall(_fold(s)) for s in predicted.speakers)


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'").removesuffix("'s")


def score(
    tally: Tally,
    gold: tuple[list[Unit], list[Unit]],
    predicted: tuple[list[Unit], list[Unit]],
    indirect: Sequence[Unit] = (),
) -> None:
    """Add one article's direct, all-quote and reported-speech scores to ``tally``."""
    score_reported(tally, gold[1], indirect)
    parts = (
        (gold[0], predicted[0], tally.exact_direct, tally.overlap_direct, tally.speaker_direct),
        (gold[1], predicted[1], tally.exact_all, tally.overlap_all, tally.speaker_all),
    )
    for g, p, exact, overlap, speaker in parts:
        exact.add(len(match_exact(g, p)), len(p), len(g))
        matched = match_overlap(g, p)
        overlap.add(len(matched), len(p), len(g))
        named = [(gu, pu) for gu, pu in matched if gu.gold_name]
        speaker.add(sum(speaker_correct(gu, pu) for gu, pu in named), 0, len(named))


def score_reported(tally: Tally, gold: Sequence[Unit], indirect: Sequence[Unit]) -> None:
    """Reported speech: ``indirect`` (predictions without a direct quote) matched one to
    one against every gold attribution; a prediction is right when it matches any (an
    indirect clause around a mixed quote is not wrong), and recall counts the matched
    gold units that are reported speech."""
    matched = match_overlap(gold, indirect)
    tally.reported_precision.add(len(matched), len(indirect), 0)
    speech = [(g, p) for g, p in matched if g.speech]
    tally.reported_recall.add(len(speech), 0, sum(g.speech for g in gold))
    named = [(g, p) for g, p in speech if g.gold_name]
    tally.speaker_reported.add(sum(speaker_correct(g, p) for g, p in named), 0, len(named))


# --- a stand-in resolver, until entity resolution lands ----------------------------------


class NerNames:
    """A minimal :class:`NameResolver` from spaCy's PERSON entities (surname -> full name).

    Used only when ``newsprism.analyze.entities`` is not importable.
    """

    def __init__(self, doc: Doc) -> None:
        self.people = [(e.text, e.start_char) for e in doc.ents if e.label_ == "PERSON"]
        self.full: dict[str, str] = {}
        for name, _ in self.people:
            last = name.split()[-1].removesuffix("'s").removesuffix("’s")
            if len(name) > len(self.full.get(last, "")):
                self.full[last] = name.removesuffix("'s").removesuffix("’s")
        self.genders: dict[str, Gender] = {}
        for ent in doc.ents:
            title = doc[ent.start - 1].text if ent.start > 0 else ""
            if title in ("Mr.", "Mr"):
                self.genders[self.canonical(ent.text) or ent.text] = "male"
            elif title in ("Ms.", "Mrs.", "Ms", "Mrs"):
                self.genders[self.canonical(ent.text) or ent.text] = "female"

    def canonical(self, mention: str, start: int | None = None) -> str | None:
        words = mention.removesuffix("'s").removesuffix("’s").split()
        return self.full.get(words[-1]) if words else None

    def people_before(self, offset: int) -> Sequence[tuple[str, int]]:
        return [(self.canonical(n) or n, s) for n, s in self.people if s < offset]

    def gender(self, name: str) -> Gender | None:
        return self.genders.get(name)


def resolver_factory(stand_in: bool = False) -> tuple[str, Any]:
    """``(description, doc -> NameResolver)``: the project's resolver when present."""
    if stand_in:
        return "NerNames stand-in (--stand-in-resolver)", NerNames
    try:
        from newsprism.analyze.entities import AliasTable, resolve_names
    except ImportError:
        return "NerNames stand-in (newsprism.analyze.entities absent)", NerNames
    aliases = AliasTable.default()
    return "newsprism.analyze.entities.resolve_names", lambda doc: resolve_names(doc, aliases)


# --- the run -----------------------------------------------------------------------------


def evaluate(
    articles: Sequence[Article],
    errors: int,
    console: Console,
    stand_in: bool = False,
    baseline: bool = True,
    errors_of: str = "direct",
) -> dict[str, Any]:
    """Scores of newsprism (and, with ``baseline``, textacy) on ``articles``."""
    nlp = load_english()
    resolver_name, make_resolver = resolver_factory(stand_in)
    ours, theirs = Tally.new(), Tally.new()
    textacy_fallbacks = 0
    examples: list[tuple[str, Unit]] = []
    began = time.perf_counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for article, doc in zip(articles, docs, strict=True):
        gold = gold_units(article, doc)
        names: NameResolver = make_resolver(doc)
        quotes = extract_quotes(doc, names)
        predicted = (our_units(doc.text, quotes, True), our_units(doc.text, quotes, False))
        indirect = our_units(doc.text, quotes, False, indirect_only=True)
        score(ours, gold, predicted, indirect)
        if baseline:
            found, fell_back = textacy_units(doc)
            textacy_fallbacks += fell_back
            # textacy extracts direct quotations only: every unit of it stands here.
            score(theirs, gold, (found, found), found)
        if errors and errors_of == "reported":
            examples.extend(_reported_misses(gold[1], indirect))
        elif errors:
            examples.extend(_misses(gold[0], predicted[0]))
    elapsed = time.perf_counter() - began
    _print_examples(console, examples[:errors])
    return {
        "documents": len(articles),
        "gold_attributions": ours.exact_all.gold,
        "gold_direct": ours.exact_direct.gold,
        "gold_reported": ours.reported_recall.gold,
        "seconds": round(elapsed, 1),
        "resolver": resolver_name,
        "newsprism": ours.report(),
        "textacy": theirs.report() | {"documents_run_by_paragraph": textacy_fallbacks},
    }


def _misses(gold: Sequence[Unit], predicted: Sequence[Unit]) -> Iterator[tuple[str, Unit]]:
    matched = match_overlap(gold, predicted)
    hit_gold = {id(g) for g, _ in matched}
    hit_predicted = {id(p) for _, p in matched}
    yield from (("missed", g) for g in gold if id(g) not in hit_gold)
    yield from (("spurious", p) for p in predicted if id(p) not in hit_predicted)
    for g, p in matched:
        if g.gold_name and not speaker_correct(g, p):
            yield (f"speaker {p.speakers} for {g.gold_name}", g)


def _reported_misses(gold: Sequence[Unit], indirect: Sequence[Unit]) -> Iterator[tuple[str, Unit]]:
    matched = match_overlap(gold, indirect)
    hit_gold = {id(g) for g, _ in matched}
    hit_predicted = {id(p) for _, p in matched}
    yield from (("missed", g) for g in gold if g.speech and id(g) not in hit_gold)
    yield from (("spurious", p) for p in indirect if id(p) not in hit_predicted)
    for g, p in matched:
        if g.speech and g.gold_name and not speaker_correct(g, p):
            yield (f"speaker {p.speakers} for {g.gold_name}", g)


def _print_examples(console: Console, examples: Sequence[tuple[str, Unit]]) -> None:
    for kind, unit in examples:
        console.print(f"[dim]{kind}:[/dim] {unit.label[:80]!r}")


def render_table(split: str, result: dict[str, Any]) -> Table:
    table = Table(title=f"Quotes on PolNeAR {split} ({result['documents']} documents)")
    table.add_column("measure")
    table.add_column("newsprism", justify="right")
    table.add_column("textacy", justify="right")
    for label, ours, theirs in _rows(result):
        table.add_row(label, ours, theirs)
    return table


def _rows(result: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    ours, theirs = result["newsprism"], result["textacy"]
    for scope in ("direct", "all"):
        for kind in ("exact", "overlap"):
            for measure in ("precision", "recall", "f1"):
                yield (
                    f"{scope} {kind} {measure}",
                    f"{ours[scope][kind][measure]:.3f}",
                    f"{theirs[scope][kind][measure]:.3f}",
                )
    for measure in ("precision", "recall", "f1"):
        yield (
            f"reported speech overlap {measure}",
            f"{ours['reported']['overlap'][measure]:.3f}",
            f"{theirs['reported']['overlap'][measure]:.3f}",
        )
    for scope in ("direct", "all", "reported"):
        a, b = ours["speaker_accuracy"][scope], theirs["speaker_accuracy"][scope]
        yield (
            f"speaker accuracy ({scope})",
            f"{a['accuracy']:.3f} ({a['correct']}/{a['scored']})",
            f"{b['accuracy']:.3f} ({b['correct']}/{b['scored']})",
        )


def write_results(split: str, result: dict[str, Any]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "quotes.json"
    saved: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    saved[split] = result
    path.write_text(json.dumps(saved, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (RESULTS / "quotes.md").write_text(markdown(saved), encoding="utf-8")


def markdown(saved: dict[str, Any]) -> str:
    lines = [
        "# Quote extraction on PolNeAR",
        "",
        "Written by `eval/quotes.py`; rules in "
        "`eval/README.md`. Goals: direct-quote overlap F1 >= 0.90, speaker accuracy "
        ">= 0.90, textacy beaten on both.",
        "",
    ]
    for split, result in sorted(saved.items()):
        lines += [
            f"## {split} ({result['documents']} documents, {result['gold_direct']} direct "
            f"and {result.get('gold_reported', '?')} reported speech "
            f"of {result['gold_attributions']} gold attributions; resolver: "
            f"{result['resolver']}; {result['seconds']} s)",
            "",
            "| measure | newsprism | textacy |",
            "| --- | ---: | ---: |",
        ]
        lines += [f"| {label} | {a} | {b} |" for label, a, b in _rows(result)]
        lines += [
            "",
            f"textacy raised on {result['textacy']['documents_run_by_paragraph']} "
            "documents (odd number of quote marks) and was rerun paragraph by paragraph.",
            "",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="print N clipped error examples")
    parser.add_argument(
        "--errors-of",
        default="direct",
        choices=["direct", "reported"],
        help="which measure's errors --errors prints",
    )
    parser.add_argument("--no-write", action="store_true", help="do not update eval/results")
    parser.add_argument(
        "--stand-in-resolver",
        action="store_true",
        help="resolve names with the NER stand-in, not newsprism.analyze.entities",
    )
    args = parser.parse_args(argv)
    console = Console()
    root = data_root()
    if not root.is_dir():
        console.print(f"skipped: data folder not found ({root})")
        return 0
    articles = list(read_split(args.split, root, args.limit))
    result = evaluate(
        articles, args.errors, console, args.stand_in_resolver, errors_of=args.errors_of
    )
    console.print(render_table(args.split, result))
    if not args.no_write:
        write_results(args.split, result)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    sys.exit(main())
