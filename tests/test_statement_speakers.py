"""Statement pairing across outlets that write the speaker differently (invented
sentences, after misses on the BASIL gold, issue 12): two people named as one
subject, and a speaker one outlet only describes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Statement, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_speakers import describes_one_person, infer_speakers
from newsprism.reconcile.statement_units import Unit
from newsprism.reconcile.statements import align_statements

PEOPLE = ("Mara Holt", "Ivo Brandt")
# (quoted words, speaker as resolved or None, the speaker as written, quote group)
Spec = tuple[str, str | None, str, int]


def _article(
    outlet: str, text: str, quotes: Sequence[Spec], cast: Mapping[str, str] | None = None
) -> tuple[Article, Analysis]:
    """An article whose quotes are substrings of ``text``; each name of ``cast`` (name ->
    entity type; default :data:`PEOPLE`, persons) it writes is an entity, a person's
    first mention its full name or its surname."""
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    records = []
    for words, speaker, mention, group in quotes:
        start, at = text.index(words), text.index(mention)
        records.append(
            Quote(words, start, start + len(words), False, speaker, mention, at,
                  at + len(mention), group=group)
        )  # fmt: skip
    entities = []
    for name, kind in (cast or dict.fromkeys(PEOPLE, "PERSON")).items():
        forms = [name, name.split()[-1]] if kind == "PERSON" else [name]
        spots = [(f, text.find(f)) for f in forms]
        mentions = tuple(Mention(f, s, s + len(f)) for f, s in spots if s >= 0)
        if mentions:
            entities.append(Entity(name, kind, mentions[:1]))
    analysis = Analysis(article.id, "test", ((0, len(text)),), tuple(entities), tuple(records))
    return article, analysis


def _story(*pieces: tuple[Article, Analysis]) -> list[Statement]:
    articles = [a for a, _ in pieces]
    material = StoryMaterial(
        Story("s", None, tuple(a.id for a in articles)), articles, {a.id: n for a, n in pieces}
    )
    return align_statements(material, LexicalSimilarity())


def _outlets(statements: Sequence[Statement], words: str) -> set[str]:
    for statement in statements:
        if any(words in v.passage.text for v in statement.variants):
            return {v.passage.outlet for v in statement.variants if v.passage.outlet}
    raise AssertionError(f"{words!r} is in no statement")


BRANDT = "Ivo Brandt said the fire at the harbour depot was deliberate sabotage by arsonists."
CLAIM = "the fire at the harbour depot was deliberate sabotage by arsonists"


def test_a_statement_of_two_named_speakers_pairs_with_either() -> None:
    both = f"On Sunday both Holt and Brandt said {CLAIM}."
    pair = _story(
        _article("A", both, [(CLAIM, "Mara Holt", "Holt", 0)]),
        _article("B", BRANDT, [(CLAIM, "Ivo Brandt", "Ivo Brandt", 0)]),
    )
    assert _outlets(pair, CLAIM) == {"A", "B"}
    assert next(s.speaker for s in pair if len(s.variants) == 2) == "Ivo Brandt"


def test_one_named_speaker_never_pairs_with_another_persons_words() -> None:
    alone = f"Mara Holt said on Sunday that {CLAIM}."
    pair = _story(
        _article("A", alone, [(CLAIM, "Mara Holt", "Mara Holt", 0)]),
        _article("B", BRANDT, [(CLAIM, "Ivo Brandt", "Ivo Brandt", 0)]),
    )
    assert _outlets(pair, CLAIM) == {"A"}


def _described(mention: str) -> list[Statement]:
    described = f"Ivo Brandt spoke on Monday. Later {mention} said {CLAIM}."
    other = "Mara Holt said the depot would reopen in spring after the repairs were done."
    return _story(
        _article("A", described, [(CLAIM, None, mention, 0)]),
        _article("B", BRANDT + " " + other, [
            (CLAIM, "Ivo Brandt", "Ivo Brandt", 0),
            ("the depot would reopen in spring after the repairs were done", "Mara Holt",
             "Mara Holt", 1),
        ]),
    )  # fmt: skip


def test_a_described_speaker_takes_the_only_speaker_whose_words_it_renders() -> None:
    statements = _described("the harbour commissioner")
    assert _outlets(statements, CLAIM) == {"A", "B"}
    assert next(s.speaker for s in statements if len(s.variants) == 2) == "Ivo Brandt"


def test_a_new_or_plural_speaker_is_not_inferred() -> None:
    for mention in ("a spokesman", "officials", "the aide"):
        assert not describes_one_person(mention)
    assert describes_one_person("The woman")
    assert describes_one_person("the seven-term congressman")
    assert describes_one_person("House leader")
    assert describes_one_person("she")


def _units(mentions: Sequence[tuple[str | None, str]]) -> list[Unit]:
    return [
        Unit(f"a{k}", 0, 0, 30, False, CLAIM, speaker, mention, (), (k, 0))
        for k, (speaker, mention) in enumerate(mentions)
    ]


def _infer(units: Sequence[Unit], joinable: list[list[float]]) -> list[str | None]:
    forbid = np.eye(len(units), dtype=bool)
    found = infer_speakers(
        units, np.array(joinable), forbid, 0.6,
        person=lambda name: name in PEOPLE, content_words=lambda text: len(text.split()),
    )  # fmt: skip
    return [u.speaker for u in found]


def test_the_inferred_speaker_is_the_only_candidate_it_would_join() -> None:
    units = _units([(None, "The woman"), ("Mara Holt", "Holt"), ("Ivo Brandt", "Brandt")])
    only = [[0, 0.7, 0.2], [0.7, 0, 0], [0.2, 0, 0]]
    assert _infer(units, only)[0] == "Mara Holt"
    either = [[0, 0.7, 0.65], [0.7, 0, 0], [0.65, 0, 0]]
    assert _infer(units, either)[0] is None
    units[0] = replace(units[0], speaker_mention="A woman")
    assert _infer(units, only)[0] is None


def test_a_second_report_conjoined_to_a_clause_pairs_on_its_own() -> None:
    thrilled = "she was thrilled by the strong turnout at the harbour vote"
    seats = "she had forecast taking three-quarters of the harbour seats"
    both = f"Mara Holt said afterward that {thrilled} and reminded reporters that {seats}."
    told = "Asked about the vote, Mara Holt said she had taken three-quarters of the harbour seats."
    statements = _story(
        _article("A", both, [(f"{thrilled} and reminded reporters that {seats}", "Mara Holt",
                              "Mara Holt", 0)]),
        _article("B", told, [("she had taken three-quarters of the harbour seats", "Mara Holt",
                              "Mara Holt", 0)]),
    )  # fmt: skip
    assert _outlets(statements, "three-quarters") == {"A", "B"}
    assert _outlets(statements, "thrilled") == {"A"}


def test_a_second_complement_of_one_verb_pairs_on_its_own() -> None:
    # "said X and that Y" / ", but that Y": two things said under one verb; another
    # outlet renders only the first, in words of its own.
    mistake = "the harbour deal with the developer was a costly mistake"
    trust = "the council should never again trust the developer with public land"
    late = "the repairs would be finished by spring"
    said = f"Ivo Brandt said on Monday that {mistake} and that {trust}, but that {late}."
    quoted = '"I think this harbour deal is a costly mistake," Brandt said.'
    statements = _story(
        _article("A", said, [(f"{mistake} and that {trust}, but that {late}", "Ivo Brandt",
                              "Ivo Brandt", 0)]),
        _article("B", quoted, [("I think this harbour deal is a costly mistake", "Ivo Brandt",
                                "Brandt", 0)]),
    )  # fmt: skip
    assert _outlets(statements, "costly mistake") == {"A", "B"}
    assert _outlets(statements, "never again trust") == {"A"}
    pieces = {v.passage.text for s in statements for v in s.variants if v.passage.outlet == "A"}
    assert pieces == {mistake, f"{trust}, but that {late}"}


def test_a_described_speaker_is_inferred_from_the_whole_clause() -> None:
    # Cut at ", and that", the first piece alone fits both people's words (and alone it
    # would pair with Brandt's, the closer); the clause as written fits Mara Holt's only.
    never = "she had never met the harbour mayor"
    contact = "there had never been any contact between her and his office"
    told = f"The woman told the paper that {never}, and that {contact}."
    holt = "she had never met the harbour mayor and had no contact with his office"
    brandt = "he had never met the harbour mayor"
    statements = _story(
        _article("A", told, [(f"{never}, and that {contact}", None, "The woman", 0)]),
        _article("B", f"Mara Holt said {holt}. Ivo Brandt said {brandt}.", [
            (holt, "Mara Holt", "Mara Holt", 0), (brandt, "Ivo Brandt", "Ivo Brandt", 1),
        ]),
    )  # fmt: skip
    by_speaker = {s.speaker: {v.passage.outlet for v in s.variants} for s in statements}
    assert by_speaker == {"Ivo Brandt": {"B"}, "Mara Holt": {"A", "B"}}
    assert next(s.speaker for s in statements if len(s.variants) == 2) == "Mara Holt"


def test_a_kind_of_body_alone_is_not_the_body_named_elsewhere() -> None:
    # Review s37 (pre-existing): "Police said" in another town's report joined the named
    # force's statement, "Witnesses said" the statement of a faith named "... Witnesses".
    for body, bare in [
        ("Dunmore Harbour Police", "Police"),
        ("Order of Lantern Witnesses", "Witnesses"),
    ]:
        named = f"{body} met in Dunmore on Monday. {body} said the two men were armed."
        unnamed = f"Riots spread to Velmoor on Monday. {bare} said the two men were not armed."
        pair = _story(
            _article("A", named, [("the two men were armed", body, body, 0)], {body: "ORG"}),
            _article("B", unnamed, [("the two men were not armed", None, bare, 0)], {}),
        )
        assert _outlets(pair, "the two men were not armed") == {"B"}, bare
        assert all(s.speaker == body for s in pair if s.variants[0].passage.outlet == "A")


def test_a_surname_alone_still_joins_its_person() -> None:
    later = f"Ivo Brandt spoke on Monday. Later Brandt said {CLAIM}."
    pair = _story(
        _article("A", later, [(CLAIM, None, "Brandt", 0)], {}),
        _article("B", BRANDT, [(CLAIM, "Ivo Brandt", "Ivo Brandt", 0)]),
    )
    assert _outlets(pair, CLAIM) == {"A", "B"}
