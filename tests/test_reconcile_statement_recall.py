"""Statements: renderings the first alignment left apart (issue 12), on invented stories.

A partial quote cut shorter by another outlet still marks where a clause holds two
statements; a speaker the analysis guessed from a pronoun or a description is corrected
when another outlet's named speaker says the same words; neither rule fires on a shared
term or on a speaker named in the attribution.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Statement, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.missed_quotes import missed_quote_units
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.speech_acts import speech_act_units
from newsprism.reconcile.statement_speakers import soft_speaker
from newsprism.reconcile.statement_units import ADDED_GROUPS, Unit, quote_units
from newsprism.reconcile.statements import align_statements, pair_features

LEXICAL = LexicalSimilarity()

# (quoted words, direct, speaker, speaker as written, group)
Spec = tuple[str, bool, str | None, str | None, int]


def _article(outlet: str, text: str, quotes: Sequence[Spec], people: Sequence[str]) -> Article:
    """An article whose analysis holds the given quotes and ``people`` as persons."""
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    records = []
    for words, direct, speaker, mention, group in quotes:
        start = text.index(words)
        records.append(
            Quote(words, start, start + len(words), direct, speaker, mention, group=group)
        )
    entities = tuple(
        Entity(name, "PERSON", (Mention(name, text.index(name), text.index(name) + len(name)),))
        for name in people
    )
    _ANALYSES[article.id] = Analysis(
        article.id, "test", ((0, len(text)),), entities, tuple(records)
    )
    return article


_ANALYSES: dict[str, Analysis] = {}


def _rask_said(clause: str, partial: str | None = None) -> Article:
    """Outlet B's "Edvin Rask said <clause>.", the clause indirect speech, holding the
    direct partial quote ``partial`` when given."""
    quotes: list[Spec] = [(clause, False, "Edvin Rask", "Edvin Rask", 0)]
    if partial is not None:
        quotes.append((partial, True, "Edvin Rask", "Edvin Rask", 0))
    return _article("B", f"Edvin Rask said {clause}.", quotes, ["Edvin Rask"])


def _statements(*articles: Article) -> list[Statement]:
    story = Story("s", None, tuple(a.id for a in articles))
    material = StoryMaterial(story, list(articles), {a.id: _ANALYSES[a.id] for a in articles})
    return align_statements(material, LEXICAL)


def _where(statements: Sequence[Statement], outlet: str, words: str) -> Statement:
    for statement in statements:
        for variant in statement.variants:
            if variant.passage.outlet == outlet and words in variant.passage.text:
                return statement
    raise AssertionError(f"{words!r} of {outlet} is in no statement")


# --- a partial quote another outlet cuts shorter ------------------------------------------


def _lawyer_story(shorter: str) -> tuple[Article, Article]:
    clause = 'Vasko "rejects every charge against him" and "will be cleared in court"'
    long_cut = _article(
        "A",
        f"Ola Lind, his lawyer, said {clause}.",
        [
            (clause, False, "Ola Lind", "Ola Lind", 0),
            ("rejects every charge against him", True, "Ola Lind", "Ola Lind", 0),
            ("will be cleared in court", True, "Ola Lind", "Ola Lind", 0),
        ],
        ["Ola Lind"],
    )
    apart = (
        f'Ola Lind said his client "{shorter}". Later Ola Lind added that Vasko '
        '"will be cleared in court" once the files are read.'
    )
    clause_b = 'Vasko "will be cleared in court" once the files are read'
    two_places = _article(
        "B",
        apart,
        [
            (shorter, True, "Ola Lind", "Ola Lind", 0),
            (clause_b, False, "Ola Lind", "Ola Lind", 1),
            ("will be cleared in court", True, "Ola Lind", "Ola Lind", 1),
        ],
        ["Ola Lind"],
    )
    return long_cut, two_places


def test_partial_quoted_shorter_elsewhere_cuts_the_clause() -> None:
    # B quotes the first partial cut shorter, and the second one in another place: A's
    # clause is two statements, each rendered by B.
    statements = _statements(*_lawyer_story("rejects every charge"))
    denial = _where(statements, "A", "rejects every charge")
    trial = _where(statements, "A", "cleared in court")
    assert denial is not trial
    assert denial is _where(statements, "B", "rejects every charge")
    assert trial is _where(statements, "B", "once the files")


def test_partial_shared_by_two_words_only_does_not_cut() -> None:
    # Two shared words are a phrase, not a quote of the same words: A stays whole.
    statements = _statements(*_lawyer_story("every charge"))
    assert _where(statements, "A", "rejects every") is _where(statements, "A", "cleared in")


# --- a speaker guessed from context ------------------------------------------------------

_RECORD = "His record is unworthy of a member of the harbour council"
_MORE = "It was bad enough before, but this goes far beyond the pale"


def _spokesman() -> Article:
    text = f'"{_RECORD}," said Jon Thompson, a party spokesman.'
    return _article(
        "A", text, [(_RECORD, True, "Jon Thompson", "Jon Thompson", 0)], ["Jon Thompson"]
    )


def _misread(mention: str) -> Article:
    text = f'Ada Berg has held the seat since 2010. "{_RECORD}. {_MORE}," {mention} said.'
    words = f"{_RECORD}. {_MORE}"
    return _article("B", text, [(words, True, "Ada Berg", mention, 0)], ["Ada Berg"])


def test_pronoun_speaker_takes_the_named_speaker_of_the_same_words() -> None:
    statements = _statements(_spokesman(), _misread("he"))
    statement = _where(statements, "A", "unworthy")
    assert statement is _where(statements, "B", "beyond the pale")
    assert statement.speaker == "Jon Thompson"


def test_named_speaker_is_not_corrected() -> None:
    # "Berg said" names her: two people said the same words, two statements.
    statements = _statements(_spokesman(), _misread("Berg"))
    assert _where(statements, "A", "unworthy") is not _where(statements, "B", "beyond the pale")


def test_opposite_claim_does_not_correct_a_speaker() -> None:
    term = "a grave threat to the harbour"
    named = _article(
        "A",
        f"Jon Thompson said the strike was {term}.",
        [(f"the strike was {term}", False, "Jon Thompson", "Jon Thompson", 0)],
        ["Jon Thompson"],
    )
    text = f"Ada Berg spoke last. She said the new tariff was not {term} at all."
    other = _article(
        "B",
        text,
        [(f"the new tariff was not {term} at all", False, "Ada Berg", "She", 0)],
        ["Ada Berg"],
    )
    statements = _statements(named, other)
    assert _where(statements, "B", "tariff").speaker == "Ada Berg"
    assert _where(statements, "A", "strike") is not _where(statements, "B", "tariff")


def test_soft_speaker() -> None:
    def unit(speaker: str | None, mention: str | None) -> Unit:
        return Unit("a", 0, 0, 4, True, "text", speaker, mention, (), (0, 0))

    def person(name: str) -> bool:
        return name != "Harbour Council"

    assert soft_speaker(unit("Ada Berg", "she"), person)
    assert soft_speaker(unit("Ada Berg", "the councillor"), person)
    assert soft_speaker(unit("Harbour Council", "the Harbour Council"), person)
    assert not soft_speaker(unit("Ada Berg", "Ms. Berg"), person)
    assert not soft_speaker(unit("Ada Berg", "Councillor Ada Berg"), person)
    assert not soft_speaker(unit(None, "she"), person)


# --- a dateline read as the speaker ------------------------------------------------------


def test_person_after_a_dateline_read_as_speaker_is_the_speaker() -> None:
    text = "BERGEN -- Harbour chief Edvin Rask said Monday the port would reopen next week."
    clause = "the port would reopen next week"
    start = text.index(clause)
    quote = Quote(
        clause, start, start + len(clause), False, "BERGEN", "BERGEN",
        speaker_start=0, speaker_end=6, cue="said",
        cue_start=text.index("said"), cue_end=text.index("said") + 4, group=0,
    )  # fmt: skip
    at = text.index("Edvin Rask")
    entities = (
        Entity("Edvin Rask", "PERSON", (Mention("Edvin Rask", at, at + 10),)),
        Entity("Bergen", "GPE", (Mention("BERGEN", 0, 6),)),
    )
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    analysis = Analysis(article.id, "test", ((0, len(text)),), entities, (quote,))
    material = StoryMaterial(Story("s", None, (article.id,)), [article], {article.id: analysis})
    (unit,) = quote_units(material)
    assert unit.speaker == "Edvin Rask"
    # "Rask's office said ..." is not Rask speaking.
    office = text.replace("Edvin Rask said", "Edvin Rask's office said")
    shift = len(office) - len(text)
    moved = Quote(
        clause, start + shift, start + shift + len(clause), False, "BERGEN", "BERGEN",
        speaker_start=0, speaker_end=6, cue="said",
        cue_start=office.index("said"), cue_end=office.index("said") + 4, group=0,
    )  # fmt: skip
    other = Article(article_id("B", office), "B.txt", office, outlet="B")
    found = Analysis(other.id, "test", ((0, len(office)),), entities, (moved,))
    material = StoryMaterial(Story("s", None, (other.id,)), [other], {other.id: found})
    (unit,) = quote_units(material)
    assert unit.speaker is None


# --- speech acts without a quote ---------------------------------------------------------


def _acts(text: str, quotes: Sequence[Quote] = ()) -> list[Unit]:
    at = text.index("Edvin Rask")
    entities = (Entity("Edvin Rask", "PERSON", (Mention("Edvin Rask", at, at + 10),)),)
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    cuts = [0, *(m.end() for m in re.finditer(r"\. (?=[A-Z])", text)), len(text)]
    sentences = tuple(itertools.pairwise(cuts))
    analysis = Analysis(article.id, "test", sentences, entities, tuple(quotes))
    material = StoryMaterial(Story("s", None, (article.id,)), [article], {article.id: analysis})
    return speech_act_units(material, story_names(material))


def test_speech_act_is_a_unit_of_its_speaker() -> None:
    (unit,) = _acts("Edvin Rask accused the council of hiding the port accounts from voters.")
    assert unit.speaker == "Edvin Rask"
    assert unit.text == "accused the council of hiding the port accounts from voters"
    assert unit.direct is False


def test_speech_act_subject_through_an_apposition_or_a_pronoun() -> None:
    text = "Edvin Rask, the harbour chief since 2019, accused the council of hiding the accounts."
    assert [u.speaker for u in _acts(text)] == ["Edvin Rask"]
    text = "Edvin Rask spoke first at the hearing. He accused the council of hiding the accounts."
    (unit,) = _acts(text)
    assert (unit.speaker, unit.speaker_mention) == ("Edvin Rask", "He")


def test_speech_act_ends_before_the_next_quote_attribution() -> None:
    text = 'Edvin Rask accused the council of hiding the accounts, saying "nobody saw a page."'
    words = "nobody saw a page."
    start, cue = text.index(words), text.index("saying")
    quote = Quote(
        words, start, start + len(words), True, "Edvin Rask", "Edvin Rask",
        cue="saying", cue_start=cue, cue_end=cue + 6, group=0,
    )  # fmt: skip
    (unit,) = _acts(text, [quote])
    assert unit.text == "accused the council of hiding the accounts"


def test_no_speech_act_unit_beside_a_quote_of_the_same_verb_or_inside_a_quote() -> None:
    text = "Edvin Rask denied that the port would close before the summer season."
    clause = "the port would close before the summer season"
    start, cue = text.index(clause), text.index("denied")
    quote = Quote(
        clause, start, start + len(clause), False, "Edvin Rask", "Edvin Rask",
        cue="denied", cue_start=cue, cue_end=cue + 6, group=0,
    )  # fmt: skip
    assert _acts(text, [quote]) == []
    text = '"Edvin Rask accused us of hiding the accounts for years," the mayor said.'
    words = "Edvin Rask accused us of hiding the accounts for years,"
    quote = Quote(words, 1, 1 + len(words), True, None, "the mayor", group=0)
    assert _acts(text, [quote]) == []


def test_speech_act_joins_the_quote_another_outlet_gives() -> None:
    act = _article(
        "A",
        "Edvin Rask accused the council of hiding the port accounts from voters.",
        [],
        ["Edvin Rask"],
    )
    clause = 'the council "was hiding the port accounts from voters"'
    quoted = _rask_said(clause, "was hiding the port accounts from voters")
    statements = _statements(act, quoted)
    assert _where(statements, "A", "accused") is _where(statements, "B", "hiding")


def test_speech_act_in_the_reporters_words_joins_the_quote_it_renders() -> None:
    """'blamed the council for the debts of the port' shares fewer words with the quote
    it renders than a quote's own sentence would (lexical ~0.4, under ``piece_support``):
    it is kept at ``act_support_lexical`` and joins the quote."""
    act = _article(
        "A", "Edvin Rask blamed the council for the debts of the port.", [], ["Edvin Rask"]
    )
    clause = 'the council "ran up the port\'s debts" over ten years'
    quoted = _rask_said(clause, "ran up the port's debts")
    statements = _statements(act, quoted)
    assert _where(statements, "A", "blamed") is _where(statements, "B", "ran up")


def test_speech_act_no_other_source_renders_is_left_out() -> None:
    act = _article(
        "A",
        "Edvin Rask accused the council of hiding the port accounts from voters.",
        [],
        ["Edvin Rask"],
    )
    clause = "the ferry timetable would change in spring"
    other = _rask_said(clause)
    statements = _statements(act, other)
    assert not any("accused" in v.passage.text for s in statements for v in s.variants)


# --- quotations the analysis missed ------------------------------------------------------


def _missed(text: str, quotes: Sequence[Quote] = ()) -> list[Unit]:
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    analysis = Analysis(article.id, "test", ((0, len(text)),), (), tuple(quotes))
    material = StoryMaterial(Story("s", None, (article.id,)), [article], {article.id: analysis})
    return missed_quote_units(material)


def test_quotation_the_analysis_missed_is_a_direct_unit_without_speaker() -> None:
    text = "Rask said, \u201cWe will keep every ferry running through the winter.\u201d"
    (unit,) = _missed(text)
    assert unit.text == "We will keep every ferry running through the winter."
    assert (unit.direct, unit.speaker) == (True, None)
    assert text[unit.start : unit.end] == unit.text


def test_titles_and_extracted_quotes_are_no_missed_quotation() -> None:
    assert _missed('She told "Harbour Morning Live" about the plan.') == []
    text = 'Rask said: "We will keep every ferry running through the winter."'
    words = "We will keep every ferry running through the winter."
    start = text.index(words)
    quote = Quote(words, start, start + len(words), True, "Edvin Rask", "Rask", group=0)
    assert _missed(text, [quote]) == []


def test_missed_quotation_joins_the_same_words_elsewhere() -> None:
    words = "We will keep every ferry running through the winter"
    missed = _article("A", f'Rask said,\n"{words}."', [], [])
    quoted = _article(
        "B",
        f'"{words}," Edvin Rask told reporters.',
        [(words, True, "Edvin Rask", "Edvin Rask", 0)],
        ["Edvin Rask"],
    )
    statements = _statements(missed, quoted)
    assert _where(statements, "A", "ferry") is _where(statements, "B", "ferry")


def _unit(article: str, group: int, text: str) -> Unit:
    return Unit(article, group, 0, len(text), False, text, "Edvin Rask", None, (), (0, 0))


def test_added_units_do_not_move_the_scores_between_quotes() -> None:
    """Lexical weights are fitted on the texts compared: an added unit (a speech act)
    sharing words with two quotes would change their pair's score."""
    quotes = [
        _unit("a", 0, "We gave them every chance to avoid this strike"),
        _unit("b", 0, "We gave the port authority every opportunity to prevent this strike"),
    ]
    act = _unit("c", ADDED_GROUPS, "called on the union to prevent the strike and talk")
    alone = pair_features(quotes, LEXICAL).scores
    beside = pair_features([*quotes, act], LEXICAL).scores
    assert beside[0, 1] == alone[0, 1]
    assert beside[1, 2] > 0.0
    # A quote added in its place (not a speech act) is compared on the union, as before.
    other = _unit("c", 0, act.text)
    assert pair_features([*quotes, other], LEXICAL).scores[0, 1] != alone[0, 1]


# --- a partial quote the analysis put in a group of its own -----------------------------


def _nested(partial_speaker: str | None, clause_speaker: str | None = "Edvin Rask") -> list[Unit]:
    clause = 'he would not let the incident distract him, as he likened the "prank" to heckling'
    article = _article(
        "A",
        f"Edvin Rask met Ola Lind. Rask said {clause}.",
        [
            (clause, False, clause_speaker, clause_speaker and "Rask", 0),
            ("prank", True, partial_speaker, partial_speaker, 1),
        ],
        ["Edvin Rask", "Ola Lind"],
    )
    story = Story("s", None, (article.id,))
    material = StoryMaterial(story, [article], {article.id: _ANALYSES[article.id]})
    return quote_units(material, story_names(material), pieces=False)


def test_partial_quote_inside_another_groups_clause_is_part_of_it() -> None:
    (unit,) = _nested("Edvin Rask")
    assert not unit.direct
    assert unit.verbatim == (" prank ",)
    assert [unit.text[a - unit.start : b - unit.start] for a, b in unit.partials] == ["prank"]
    (unit,) = _nested(None)  # an unresolved partial joins the clause too
    assert unit.verbatim == (" prank ",)


def test_partial_quote_of_another_speaker_inside_a_clause_stays_apart() -> None:
    units = _nested("Ola Lind")
    assert [u.direct for u in units] == [False, True]


def test_resolved_partial_quote_inside_an_unresolved_clause_keeps_its_speaker() -> None:
    """Absorbed into a clause of no resolved speaker, the partial's speaker would be
    lost: it stays a unit of its own, still credited."""
    units = _nested("Edvin Rask", clause_speaker=None)
    assert [(u.direct, u.speaker) for u in units] == [(False, None), (True, "Edvin Rask")]
    (unit,) = _nested(None, clause_speaker=None)  # neither resolved: one unit, as before
    assert unit.verbatim == (" prank ",)


def test_one_word_partial_in_a_clause_does_not_join_a_quote_holding_the_word() -> None:
    clause = 'he would not let the incident distract him, as he likened the "prank" to heckling'
    nested = _article(
        "A",
        f"Edvin Rask spoke. Rask said {clause}.",
        [(clause, False, "Edvin Rask", "Rask", 0), ("prank", True, "Edvin Rask", "Rask", 1)],
        ["Edvin Rask"],
    )
    other = _article(
        "B",
        '"It was a prank," Edvin Rask said.',
        [("It was a prank", True, "Edvin Rask", "Edvin Rask", 0)],
        ["Edvin Rask"],
    )
    statements = _statements(nested, other)
    assert _where(statements, "A", "prank") is not _where(statements, "B", "prank")


def test_speech_act_holding_another_outlet_s_quoted_words_is_kept_and_joins_them() -> None:
    """The act shares few words with the clause it renders beyond a phrase the other
    outlet prints in quote marks; that phrase, word for word in the act, is support
    enough (``_verbatim`` in ``_supported_acts``)."""
    act = _article(
        "A",
        "Edvin Rask blamed a culture of silence for the delays on the northern crossings, "
        "the strike at the yard and the lost summer season.",
        [],
        ["Edvin Rask"],
    )
    clause = 'the town had "a culture of silence"'
    quoted = _rask_said(clause, "a culture of silence")
    statements = _statements(act, quoted)
    assert _where(statements, "A", "blamed") is _where(statements, "B", "culture of silence")
