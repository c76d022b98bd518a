"""Big stories: the shortcuts that keep a brief of hundreds of articles from going
quadratic give what the plain computation gives, on an invented story (several
outlets quoting one mayor, with and without a negation, a syndicated copy, a live blog
that strings the articles together, dates and figures)."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import combinations
from types import SimpleNamespace

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Passage, Story, article_id
from newsprism.reconcile import agreement as agreement_module
from newsprism.reconcile import date_discrepancies, renderings, verify_missing
from newsprism.reconcile.agreement import agreement, negated, numbers_clash, quantities_in
from newsprism.reconcile.antonyms import antonym_clash
from newsprism.reconcile.brief import Reconciler
from newsprism.reconcile.exclusive_details import StoryDetails, _flags, details_of, new_details
from newsprism.reconcile.facts import compare_facts, values_compatible
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.negation_scope import negation_meets
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.speaker_match import last_name, same_speaker
from newsprism.render.jsonout import brief_to_dict

PUBLISHED = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)

_QUOTES = (
    '"If the council does not approve the levy this spring, the harbour will lose its '
    'last ferry route and the town will pay for years," Mayor Ilse Varga said on Monday.',
    '"To approve the levy this spring, the harbour will lose its last ferry route and the '
    'town will pay for years," Varga told reporters at the town hall on Tuesday.',
    '"We will never close the harbour to the fishing fleet while I am mayor," Varga said.',
    '"We will close the harbour to the fishing fleet while I am mayor," Varga said.',
)
_FACTS = (
    "About 1,200 dockworkers walked out on Saturday, the union said.",
    "Some 1,450 dockworkers walked out on Sunday, the union said.",
    "The levy would raise 12 million crowns over three years.",
    "The levy would raise 15 million crowns over three years, officials said.",
    "Prices at the port rose 4% last week, the council said.",
    "Prices at the port fell 4% last week, according to the council.",
)


def _texts() -> list[str]:
    texts = []
    for n in range(6):
        quotes = [_QUOTES[(n + k) % len(_QUOTES)] for k in range(2)]
        facts = [_FACTS[(n + k) % len(_FACTS)] for k in range(3)]
        texts.append("\n\n".join([facts[0], quotes[0], facts[1], quotes[1], facts[2]]))
    return texts


def _story(analyzer: Analyzer) -> StoryMaterial:
    texts = _texts()
    texts.append(texts[0])  # a syndicated copy of the first article
    texts.append("\n\n".join(texts[:6]))  # a live blog stringing the others together
    articles = [
        Article(article_id(f"o{n}", t), f"o{n}.txt", t, outlet=f"Outlet {n}", published=PUBLISHED)
        for n, t in enumerate(texts)
    ]
    story = Story("scale", None, tuple(a.id for a in articles), ((articles[0].id, articles[6].id),))
    return StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})


@pytest.fixture(scope="module")
def material() -> StoryMaterial:
    return _story(Analyzer())


def _fresh(material: StoryMaterial) -> StoryMaterial:
    return StoryMaterial(material.story, material.articles, material.analyses)


def test_the_story_holds_what_the_shortcuts_skip(material: StoryMaterial) -> None:
    quotes = [q for a in material.analyses.values() for q in a.quotes if q.direct]
    assert len(quotes) >= 12
    assert any(negated(q.text) for q in quotes) and not all(negated(q.text) for q in quotes)


def _renderings_every_pair(material: StoryMaterial) -> list[tuple[Passage, Passage]]:
    """negation_renderings as it was: every pair of direct quotes, both ways."""
    quotes = renderings._direct_quotes(material)
    pairs: dict[object, tuple[Passage, Passage]] = {}
    for (a_id, a_quote, a_words), (b_id, b_quote, b_words) in combinations(quotes, 2):
        if material.source_of(a_id) == material.source_of(b_id):
            continue
        if not same_speaker(a_quote.speaker, b_quote.speaker, last_name):
            continue
        if not a_words or not b_words:
            continue
        for (n_id, n_words), (p_id, p_words) in (
            ((a_id, a_words), (b_id, b_words)),
            ((b_id, b_words), (a_id, a_words)),
        ):
            hit = renderings._dropped(n_words, p_words)
            if hit is None:
                continue
            denial = material.sentence_at(n_id, n_words[hit[0]].start)
            assertion = material.sentence_at(p_id, p_words[hit[1]].start)
            if denial is not None and assertion is not None:
                pairs.setdefault(
                    ((n_id, denial.start), (p_id, assertion.start)), (denial, assertion)
                )
    return list(pairs.values())


def test_renderings_compare_only_pairs_with_a_cue_and_find_the_same(
    material: StoryMaterial,
) -> None:
    found = renderings.negation_renderings(material)
    assert found, "the invented story renders a quote with and without its negation"
    assert found == _renderings_every_pair(material)


@pytest.mark.parametrize(
    "cued",
    [[], [False, False], [True], [False, True, False, True], [True, True, False, False, True]],
)
def test_cue_pairs_are_the_pairs_with_a_cue_in_order(cued: list[bool]) -> None:
    expected = [(i, j) for i, j in combinations(range(len(cued)), 2) if cued[i] or cued[j]]
    assert list(renderings._cue_pairs(cued)) == expected


def _resolved_scan(material: StoryMaterial, sentence: Passage) -> list[tuple[str, str]]:
    """date_discrepancies._resolved as it was: every date of the article, per sentence."""
    analysis = material.analysis(sentence.article)
    assert analysis is not None
    return [
        (d.date.partition("/")[0], d.date.partition("/")[2] or d.date)
        for d in analysis.dates
        if d.date is not None
        and not d.ambiguous
        and not d.future
        and sentence.start <= d.start < sentence.end
    ]


def test_resolved_dates_from_the_story_table_match_a_scan(material: StoryMaterial) -> None:
    fresh = _fresh(material)
    pieces = fresh.story_pieces()
    found = [date_discrepancies._resolved(fresh, s) for s in pieces]
    assert sum(map(bool, found)) >= 6
    assert found == [_resolved_scan(fresh, s) for s in pieces]
    # Asked again (a later pass), the table answers the same.
    assert [date_discrepancies._resolved(fresh, s) for s in pieces] == found


def _agreement_plain(material: StoryMaterial, a: Passage, b: Passage) -> str:
    """agreement as it was: every feature derived per pair (a negation on one side only
    differs where it denies the deed the other tells: :func:`negation_meets`)."""
    if numbers_clash(quantities_in(material, a), quantities_in(material, b)):
        return "differ"
    if antonym_clash(a.text, b.text):
        return "differ"
    if negated(a.text) != negated(b.text):
        negating, other = (a, b) if negated(a.text) else (b, a)
        return "differ" if negation_meets(material, negating, other) else "other"
    people_a = agreement_module._people(material, a)
    people_b = agreement_module._people(material, b)
    if people_a and people_b and not people_a & people_b:
        return "other"
    return "agree"


def test_agreement_from_kept_features_matches_per_pair(material: StoryMaterial) -> None:
    fresh = _fresh(material)
    pieces = fresh.story_pieces()
    verdicts = {
        (a, b): agreement(fresh, pieces[a], pieces[b])
        for a in range(len(pieces))
        for b in range(len(pieces))
        if a != b
    }
    assert set(verdicts.values()) >= {"agree", "differ"}
    assert verdicts == {(a, b): _agreement_plain(fresh, pieces[a], pieces[b]) for a, b in verdicts}


def test_story_details_kept_per_passage_match_fresh_ones(material: StoryMaterial) -> None:
    names = story_names(material)
    pieces = material.story_pieces()
    elsewhere = StoryDetails(material, pieces, names)
    for piece in pieces:
        assert elsewhere.details(piece) == details_of(material, piece, names)
        assert elsewhere.details(piece) is elsewhere.details(piece)
    every = [details_of(material, p, names) for p in pieces]
    for mine in every:
        # new_details stops once every detail is carried: same answer as all passages.
        seen = [False] * mine.count()
        for theirs in every:
            seen = [a or b for a, b in zip(seen, _flags(mine, theirs), strict=True)]
        assert new_details(mine, every) == [n for n, s in enumerate(seen) if not s]


def test_a_brief_on_material_already_briefed_is_the_same(material: StoryMaterial) -> None:
    """What a step keeps on the material (memo tables) changes no later brief."""
    reconciler = Reconciler(similarity=LexicalSimilarity())
    used = _fresh(material)
    first = brief_to_dict(reconciler.brief(used))
    again = brief_to_dict(reconciler.brief(used))
    fresh = brief_to_dict(reconciler.brief(_fresh(material)))
    assert first == again == fresh
    assert first["discrepancies"] and first["statements"]


def test_sentence_at_finds_what_reading_every_sentence_finds(material: StoryMaterial) -> None:
    fresh = _fresh(material)
    for article in fresh.articles:
        sentences = fresh.sentences(article.id)
        for offset in range(-1, len(article.text) + 1, 7):
            plain = next((s for s in sentences if s.start <= offset < s.end), None)
            assert fresh.sentence_at(article.id, offset) == plain


def _dated_every_pair(material: StoryMaterial, overlap: float) -> list[Passage]:
    """date_discrepancies._dated_sentences as it was: every pair of dated sentences."""
    dd = date_discrepancies
    dated = [
        (s, dd._resolved(material, s), dd.prefixes(dd._QUOTED.sub(" ", s.text)))
        for s in material.story_pieces()
    ]
    dated = [d for d in dated if d[1]]
    keep: set[tuple[str, int]] = set()
    for i, (a, a_dates, a_words) in enumerate(dated):
        for b, b_dates, b_words in dated[i + 1 :]:
            if a.article != b.article and material.source_of(a.article) == material.source_of(
                b.article
            ):
                continue
            if not any(dd.dates_clash([x], [y]) for x in a_dates for y in b_dates):
                continue
            if len(a_words & b_words) >= overlap * len(a_words | b_words):
                keep.update({(a.article, a.start), (b.article, b.start)})
    return [s for s, _, _ in dated if (s.article, s.start) in keep]


@pytest.mark.parametrize("overlap", [0.0, 0.2, 0.5])
def test_dated_sentences_by_kind_match_every_pair(material: StoryMaterial, overlap: float) -> None:
    pieces = material.story_pieces()
    found = date_discrepancies._dated_sentences(material, pieces, overlap)
    assert found == _dated_every_pair(material, overlap)
    if overlap == 0.0:
        assert found


def test_mentions_in_lists_what_reading_every_entity_finds(material: StoryMaterial) -> None:
    fresh = _fresh(material)
    for article in fresh.articles:
        analysis = fresh.analyses[article.id]
        every = sorted(
            (m.start, m.end, n) for n, e in enumerate(analysis.entities) for m in e.mentions
        )
        assert every
        for start in range(0, len(article.text), 37):
            end = start + 80
            assert fresh.mentions_in(article.id, start, end) == [
                row for row in every if start <= row[0] < end
            ]


def test_agreeing_values_by_figure_match_every_value(material: StoryMaterial) -> None:
    facts = compare_facts(material)
    assert any(len(f.values) >= 4 for f in facts)
    for fact in facts:
        best: list[object] = []
        best_sources = 0
        for value in fact.values:
            group = [v for v in fact.values if values_compatible(value, v, fact.unit)]
            sources = material.sources(v.passage.article for v in group)
            if sources > best_sources:
                best, best_sources = group, sources
        assert verify_missing._agreeing_values(material, fact) == best


def test_deed_pairs_are_every_pair_of_one_deed_in_order() -> None:
    lemmas = ["release", "say", "publish", "release", "quit", "unveil", "resign", "say", "post"]
    clauses = [SimpleNamespace(lemma=lemma) for lemma in lemmas]
    expected = [
        (a, b) for a, b in combinations(clauses, 2) if date_discrepancies.one_deed(a.lemma, b.lemma)
    ]
    found = list(date_discrepancies._deed_pairs(clauses))  # type: ignore[arg-type]
    assert found == expected and len(found) >= 8
