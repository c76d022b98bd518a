"""Speaker resolution at scale (analyze/speaker_resolution.py): the rules that looked
back from each speaker mention scanned the tokens (or every name) before it, so a long
transcript (one paragraph of thousands of quotes, "he said" after each) took minutes per
100,000 characters. They now read per-article indexes. Each test here checks that the
indexed rule gives what the scan gave (the scans are kept below as references) and that
the work per quote no longer grows with the text; timings are in bench/long_article.py
(no timed assertion here). Invented names and text."""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Token

from newsprism.analyze import speaker_antecedents as sa
from newsprism.analyze import speaker_resolution as sr
from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quotes import extract_quotes
from newsprism.analyze.speaker_evidence import body_name, modifier_mention
from newsprism.analyze.speakers import Gender
from newsprism.model import Quote
from tests.test_quotes import nlp

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

_BREAK = re.compile(r"\n\s*")
_NAMES = ("Arno Brask", "Dalia Corlan", "Edrik Farrow", "Hesta Lorne", "Ilvo Marrick")


def _story(parts: int, seed: int, breaks: Sequence[str] = ("\n\n", "\n \n", " ")) -> str:
    """Invented reporting with every kind of look-back: a question put to a named
    person, an office that speaks for its owner, "a spokesman ... the spokesman", a
    described subject, bare pronouns; paragraph breaks of several kinds, or none."""
    rng = random.Random(seed)
    out = []
    for i in range(parts):
        a, b = rng.sample(_NAMES, 2)
        kind = i % 6
        if kind == 0:
            s = f'{a} asked {b} if the harbour wall would hold. "It will," she said.'
        elif kind == 1:
            s = f'{b.split()[1]}\'s office issued a statement. "We are ready," the office said.'
        elif kind == 2:
            s = 'A spokesman for the port said talks would go on. "No deal," the spokesman said.'
        elif kind == 3:
            s = f'"The crews are tired," {a} said. "They want an answer," he said.'
        elif kind == 4:
            s = 'The shift foreman disagreed. "It is unsafe," he said.'
        else:
            s = f'{a} met {b} on Monday. "The plan is fine," she said.'
        out.append(s + rng.choice(breaks))
    return "".join(out)


# --- the scans the indexes replaced, kept as references ------------------------------


def _scan_introduced_unnamed(ctx: sr.SpeakerDoc, head: Token) -> bool:
    return any(
        token.lemma_ == head.lemma_
        and token.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        for token in ctx.doc[: head.i]
    )


def _scan_question_addressee(
    ctx: sr.SpeakerDoc, offset: int, gender: Gender, spoken: Sequence[tuple[int, str]]
) -> str | None:
    pronoun = ctx.token_at(offset)
    if pronoun is None or pronoun.head.lemma_.lower() in sr.ASKING:
        return None
    for token in reversed(ctx.doc[: pronoun.sent.start]):
        if len(_BREAK.findall(ctx.text, token.idx, offset)) > sr._DESCRIPTION_REACH:
            return None
        if token.lemma_.lower() not in sr.ASKING or ctx.quoted[token.i] or token.pos_ != "VERB":
            continue
        addressee = sr._addressee(ctx, token)
        asked = {name for at, name in spoken if at < token.idx}
        since = {name for at, name in spoken if token.idx <= at < offset}
        if addressee is None or ctx.gender(addressee) not in (None, gender):
            return None
        return addressee if since <= asked - {addressee} else None
    return None


def _scan_possessor(ctx: sr.SpeakerDoc, head: Token) -> str | None:
    for token in reversed(ctx.doc[: head.i]):
        if len(_BREAK.findall(ctx.text, token.idx, head.idx)) > sr._DESCRIPTION_REACH:
            return None
        if token.lemma_ != head.lemma_ or ctx.quoted[token.i]:
            continue
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if not owners:
            return None
        owner = ctx.doc[owners[0].left_edge.i : owners[0].i + 1]
        return ctx.names.canonical(owner.text, owner.start_char)
    return None


def _scan_antecedent(
    ctx: sr.SpeakerDoc,
    offset: int,
    gender: Gender | None,
    spoken: Sequence[tuple[int, str]],
    excluded: Collection[str] = (),
) -> str | None:
    others = {e.name for e in getattr(ctx.names, "entities", ()) if e.type != "PERSON"}
    people = {e.name for e in getattr(ctx.names, "entities", ()) if e.type == "PERSON"}
    candidates = sorted(
        [
            (pos, name, True)
            for pos, name in spoken
            if pos < offset and name not in others and not body_name(name, people)
        ]
        + [
            (pos, name, sa.is_subject(ctx, pos))
            for name, pos in sa.people_outside_quotes(ctx, offset)
            if not modifier_mention(ctx, pos) and not body_name(name, people)
        ],
        key=lambda c: c[0],
        reverse=True,
    )
    fitting = [
        c
        for c in candidates
        if (gender is None or ctx.gender(c[1]) in (None, gender)) and c[1] not in excluded
    ]
    preferred = next((c for c in fitting if c[2]), None) or next(iter(fitting), None)
    return preferred[1] if preferred is not None else None


_SCANS = {
    "_introduced_unnamed": _scan_introduced_unnamed,
    "_question_addressee": _scan_question_addressee,
    "_possessor": _scan_possessor,
    "antecedent": _scan_antecedent,
}


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return list(extract_quotes(doc, resolve_names(doc)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_indexes_find_the_speakers_the_scans_found(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    text = _story(60, seed)
    indexed = _quotes(nlp, text)
    for name, scan in _SCANS.items():
        monkeypatch.setattr(sr, name, scan)
    scanned = _quotes(nlp, text)
    assert indexed == scanned
    assert sum(q.speaker is not None for q in indexed) > 30  # the rules had work to do


def test_paragraph_breaks_count_what_the_pattern_finds(nlp: Language) -> None:
    rng = random.Random(7)
    pieces = ["word", " ", "\n", "\n\n", " \n ", "\t\n", ". ", "\n  \n"]
    text = "".join(rng.choice(pieces) for _ in range(60))
    ctx = sr.SpeakerDoc(nlp(text), resolve_names(nlp(text)))
    for start in range(len(text) + 1):
        for end in range(len(text) + 1):
            assert ctx.paragraph_breaks(start, end) == len(_BREAK.findall(text, start, end))


def _subject_tests(nlp: Language, monkeypatch: pytest.MonkeyPatch, parts: int) -> int:
    """How many times the resolver asks whether a name is a subject, over one
    unbroken paragraph of ``parts`` pieces of reporting."""
    calls = 0
    real = sa.is_subject

    def counted(ctx: sr.SpeakerDoc, offset: int) -> bool:
        nonlocal calls
        calls += 1
        return real(ctx, offset)

    monkeypatch.setattr(sa, "is_subject", counted)
    _quotes(nlp, _story(parts, 5, breaks=(" ",)))
    return calls


def test_a_pronoun_no_longer_tests_every_name_before_it(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every "he said" tested every name before it: 40 -> 160 pieces took 15x the
    # tests (quadratic); nearest first, stopping at the first subject that fits, the
    # tests grow with the pieces (4x here, give or take the rules' own look-backs).
    small = _subject_tests(nlp, monkeypatch, 40)
    large = _subject_tests(nlp, monkeypatch, 160)
    assert large <= 6 * small


def test_the_look_ups_between_find_what_the_scans_found(nlp: Language) -> None:
    # _described_antecedent asked whether a speaker or a name outside quotes lies
    # between a description and its pronoun by reading all of them before it.
    doc = nlp(_story(30, 9))
    ctx = sr.SpeakerDoc(doc, resolve_names(doc))
    spoken = [(q.speaker_start or q.start, q.speaker) for q in extract_quotes(doc, ctx.names)]
    said = [(at, name) for at, name in spoken if name is not None]
    for start in range(0, len(doc.text), 37):
        for end in range(start, len(doc.text), 53):
            scan = any(start <= at < end for at, _ in said)
            assert sa.spoken_between(ctx, said, start, end) == scan
            named = any(start <= at < end for _, at in sa.people_outside_quotes(ctx, end))
            assert sa.named_between(ctx, start, end) == named


def _scan_apposed_name(ctx: sr.SpeakerDoc, head: Token) -> str | None:
    from newsprism.analyze import speaker_evidence as se

    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    crossed = 0
    for i in range(head.i - 1, -1, -1):
        token = ctx.doc[i]
        crossed += ctx.para_of[i] != ctx.para_of[i + 1]
        if crossed > se._APPOSITION_REACH:
            return None
        if token.lemma_ != head.lemma_ or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ != "appos" or ctx.quoted[i]:
            if not se._same_description(token, se._modifiers(head)):
                return None
            continue
        owner = token.head
        if owner.pos_ != "PROPN" or ctx.quoted[owner.i]:
            continue
        if not se._same_description(head, se._modifiers(token)):
            return None
        start = owner.left_edge.idx if owner.left_edge.dep_ == "compound" else owner.idx
        name = ctx.names.canonical(ctx.text[start : owner.idx + len(owner)], start)
        if name is not None:
            return name
    return None


def test_apposed_names_are_the_ones_the_scan_found(nlp: Language) -> None:
    # "Sam Lorne, a machinist, ... the machinist said": the apposition is now found among
    # the earlier uses of the noun, not by reading every token back to the reach.
    from newsprism.analyze.speaker_evidence import apposed_name

    extra = (
        "Sam Lorne, a machinist, said the plant was unsafe. The machinist left.\n\n"
        "Ana Holt, a nurse at the clinic, spoke. The other nurse said no. The nurse "
        'agreed.\n"Fine," the nurse said. Two nurses came.\n\n\nThe machinist said so.'
    )
    doc = nlp(_story(30, 4) + extra + _story(10, 5))
    ctx = sr.SpeakerDoc(doc, resolve_names(doc))
    heads = [t for t in doc if t.pos_ == "NOUN"]
    found = [apposed_name(ctx, ctx.names, t) for t in heads]
    assert found == [_scan_apposed_name(ctx, t) for t in heads]
    assert any(found)
