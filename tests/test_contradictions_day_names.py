"""One deed given two day names by two undated sources (reconcile/day_names.py through
find_discrepancies), on invented articles, and the pairs that are no contradiction."""

from __future__ import annotations

import pytest
import spacy

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story
from newsprism.reconcile import deeds
from newsprism.reconcile.day_labels import apart_across_zones
from newsprism.reconcile.day_names import DayLabel, day_label, labels_clash
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def undated(analyzer: Analyzer, texts: list[str]) -> StoryMaterial:
    """One article per text, each its own source, with no publication date (as a folder
    of scraped pages is read)."""
    articles = [
        Article(f"u{n}", f"u{n}.txt", text, outlet=f"Page {n}", language="en")
        for n, text in enumerate(texts)
    ]
    story = Story("undated", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})


def _dates(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = undated(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "date"]


VANISHED = (
    "The 16-year-old girl who went missing Friday night after the Tarnby fair is still missing."
)
NOUN = "Police in Tarnby are asking about the disappearance last Saturday of Mira Olsen, 16."
VERB = "Mira Olsen vanished from the Tarnby fair on Saturday night."
MONTH_A = "Mira Olsen disappeared from the Tarnby fair on June 9."
MONTH_B = "Mira Olsen went missing from the Tarnby fair on June 10."
ARREST_A = "Tarnby police arrested Jonas Brek on Tuesday at his flat."
ARREST_B = "Jonas Brek was arrested by Tarnby police on Wednesday."


@pytest.mark.parametrize(
    "texts",
    [
        [VANISHED, NOUN],  # a verb phrase and a deed noun: one vanishing
        [VANISHED, VERB],  # "went missing" / "vanished"
        [MONTH_A, MONTH_B],  # two days of one month
        [ARREST_A, ARREST_B],  # active and passive
    ],
)
def test_one_deed_two_days_is_a_date_discrepancy(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == [set(texts)]


@pytest.mark.parametrize(
    "texts",
    [
        # The same day restated in other words.
        [VANISHED, VERB.replace("Saturday", "Friday")],
        # Different deeds: leaving and being found.
        [VANISHED, "Mira Olsen was found by Tarnby police on Saturday night."],
        # A repeat: arrested again on another day.
        [ARREST_A, "Jonas Brek was arrested again by Tarnby police on Wednesday."],
        # Different people arrested.
        [ARREST_A, ARREST_B.replace("Jonas Brek", "Ole Varga")],
        # One page gives both days itself (two arrests), so it takes no side.
        [ARREST_A + " " + ARREST_B, ARREST_B],
        # A deed still to come, or a hedged one.
        [ARREST_A, "Jonas Brek will be arrested by Tarnby police on Wednesday."],
        [ARREST_A, "Jonas Brek was reportedly arrested by Tarnby police on Wednesday."],
        # Negated.
        [ARREST_A, "Jonas Brek was not arrested by Tarnby police on Wednesday."],
        # One night told from both ends.
        [
            "Tarnby police arrested Jonas Brek late Tuesday at his flat.",
            "Jonas Brek was arrested by Tarnby police early Wednesday.",
        ],
        # A weekday against a day of the month: no calendar to compare them.
        [ARREST_A, "Jonas Brek was arrested by Tarnby police on June 10."],
        # No name shared: two stories' arrests.
        ["Police arrested a man on Tuesday.", "A man was arrested on Wednesday."],
        # An indefinite deed noun may be another one.
        [VANISHED, "Police in Tarnby are asking about a disappearance last Saturday."],
    ],
)
def test_no_date_discrepancy(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("last Saturday, April 15", DayLabel(5, (4, 15))),
        ("Friday night", DayLabel(4, None, late=True, part="night")),
        ("early Saturday", DayLabel(5, None, early=True)),
        ("22 September 2015", DayLabel(None, (9, 22))),
        ("on the 3rd of May", DayLabel(None, (5, 3))),
        ("next Friday", None),
        ("every Monday", None),
        ("Fridays", None),
        ("in 2015", None),
        ("April", None),
    ],
)
def test_day_label(text: str, label: DayLabel | None) -> None:
    assert day_label(text) == label


def test_labels_clash() -> None:
    saturday_15 = DayLabel(5, (4, 15))
    assert labels_clash(DayLabel(4, None), saturday_15)
    assert labels_clash(DayLabel(None, (4, 14)), saturday_15)
    assert not labels_clash(DayLabel(5, (4, 14)), saturday_15)  # the weekday agrees
    assert not labels_clash(DayLabel(4, None), DayLabel(None, (4, 14)))  # no common kind
    assert not labels_clash(DayLabel(4, None, late=True), DayLabel(5, None, early=True))
    assert labels_clash(DayLabel(4, None, late=True), DayLabel(6, None, early=True))


# Dated articles (tests.test_reconcile_discrepancies.invented: published on a Thursday):
# the resolved passes pair two verbs, and one noun with the same noun; a deed noun
# against a verb is this pass's.
def _dated(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "date"]


ARREST_NOUN = "Tarnby police defended the arrest of Jonas Brek on Tuesday at his flat."


def test_a_resolved_deed_noun_against_a_verb(analyzer: Analyzer) -> None:
    assert _dated(analyzer, [ARREST_NOUN, ARREST_B]) == [{ARREST_NOUN, ARREST_B}]


def test_two_resolved_verbs_are_one_discrepancy(analyzer: Analyzer) -> None:
    assert _dated(analyzer, [ARREST_A, ARREST_B]) == [{ARREST_A, ARREST_B}]


@pytest.mark.parametrize(
    "texts",
    [
        [ARREST_NOUN, ARREST_B.replace("Wednesday", "Tuesday")],
        [ARREST_NOUN, ARREST_B.replace("Jonas Brek", "Ole Varga")],
        [ARREST_NOUN, "Jonas Brek was released by Tarnby police on Wednesday."],
    ],
)
def test_no_resolved_noun_discrepancy(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dated(analyzer, texts) == []


def test_vanished_and_disappeared_are_one_deed(analyzer: Analyzer) -> None:
    texts = [
        "Mira Olsen vanished from the Tarnby fair on Tuesday.",
        "Mira Olsen disappeared from the Tarnby fair on Wednesday.",
    ]
    assert _dated(analyzer, texts) == [set(texts)]


# Finding 4 (review): two people sharing a surname are two participants; a surname
# alone is one of the full names only when no other person of the story bears it.
@pytest.mark.parametrize(
    "texts",
    [
        [
            "Erik Olsen was arrested by Tarnby police on Friday.",
            "Mira Olsen was arrested by Tarnby police on Saturday.",
        ],
        [
            "Maria Costa vanished from the Tarnby fair on Friday night.",
            "Mario Costa vanished from the Tarnby fair on Sunday.",
        ],
        [
            "Erik Olsen was arrested by Tarnby police on Friday. Mira Olsen was questioned.",
            "Olsen was arrested by Tarnby police on Saturday.",
        ],
    ],
)
def test_a_shared_surname_is_not_one_person(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


def test_a_surname_alone_is_the_one_person_bearing_it(analyzer: Analyzer) -> None:
    texts = [
        "Erik Olsen was arrested by Tarnby police on Friday.",
        "Olsen was arrested by Tarnby police on Sunday.",
    ]
    assert _dates(analyzer, texts) == [set(texts)]


# Finding 5 (review): a deed done more than once, or one told in two time zones.
@pytest.mark.parametrize(
    "texts",
    [
        # Repeatable deeds: speaking, meeting.
        ["Mira Olsen spoke in Tarnby on Friday.", "Mira Olsen spoke in Tarnby on Saturday."],
        ["Lene Brandt met Tom Berg in Tarnby on Monday.", "Lene Brandt met Tom Berg on Wednesday."],
        # One launch, two time zones.
        [
            "Jaxa launched the Kelmar probe from Tanegashima on Wednesday.",
            "Jaxa launched the Kelmar probe from Tanegashima late Tuesday.",
        ],
        [
            "Jaxa launched the Kelmar probe on Tuesday, Jaxa said, in what was Wednesday"
            " morning in Japan.",
            "Jaxa launched the Kelmar probe on Wednesday.",
        ],
        # Adjacent days where an article names another place's time.
        [
            "Jonas Brek died in Tarnby on Friday, Tokyo time.",
            "Jonas Brek died in Tarnby on Saturday.",
        ],
        # One-time deed, two places: two arrests.
        [
            "Jonas Brek was arrested in Tarnby on Tuesday.",
            "Jonas Brek was arrested in Kelmar on Thursday.",
        ],
    ],
)
def test_no_date_discrepancy_of_a_repeatable_deed(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


def test_a_place_is_no_time_zone(analyzer: Analyzer) -> None:
    """ "Friday night in Tarnby" names a place, not another place's time."""
    texts = [
        "Mira Olsen went missing on Friday night in Tarnby.",
        "Mira Olsen vanished from Tarnby on Saturday.",
    ]
    assert _dates(analyzer, texts) == [set(texts)]


def test_a_one_time_deed_two_days_apart(analyzer: Analyzer) -> None:
    texts = [
        "Jonas Brek died in Tarnby on Friday, Tokyo time.",
        "Jonas Brek died in Tarnby on Sunday.",
    ]
    assert _dates(analyzer, texts) == [set(texts)]


@pytest.mark.parametrize(
    "text", ["April 14 or 15", "April 14-15", "April 14 to 15", "between April 14 and"]
)
def test_two_days_or_a_bound_is_no_one_day(text: str) -> None:
    # "died on April 14 or 15" does not clash with "died on April 15".
    assert day_label(text) is None
    assert day_label("April 15") is not None


FARM = "A spokesman said the driver was arrested at the quarry farm near Oskel on Friday."


def test_one_place_stands_for_a_shared_name(analyzer: Analyzer) -> None:
    """No name shared, but the deed's place phrases share two words that are no generic
    place noun, and an age ("the 41-year-old") fits any person noun: one arrest, two
    days."""
    texts = [FARM, "The 41-year-old was arrested at the remote quarry farm last Thursday."]
    assert _dates(analyzer, texts) == [set(texts)]


def test_one_age_told_two_ways_is_one_person(analyzer: Analyzer) -> None:
    """The analysis's ages: "aged 41" and "the 41-year-old" are one age, so no guard
    parts the two arrests; two days."""
    texts = [
        "The driver, aged 41, was arrested at the quarry farm near Oskel on Friday.",
        "The 41-year-old was arrested at the remote quarry farm last Thursday.",
    ]
    assert _dates(analyzer, texts) == [set(texts)]


@pytest.mark.parametrize(
    "texts",
    [
        # Review s32, finding 2: one generic place word ("home") and two towns.
        [
            "Police said a suspect was arrested at his home in Oskel on Friday.",
            "Police said a suspect was arrested at her home in Varley on Sunday.",
        ],
        [
            "A suspect was arrested at his home in Oskel on Friday.",
            "A suspect was arrested at her home in Varley on Sunday.",
        ],
        [
            "The suspect was arrested at a home in Oskel on Friday.",
            "The suspect was arrested at a home in Varley on Sunday.",
        ],
        # One shared word: any farm of the story.
        [
            "The driver was arrested at a farm on Friday.",
            "The 41-year-old was arrested at a remote farm last Thursday.",
        ],
        # Finding 3: two ages are two people, with or without a shared name.
        [
            "The 23-year-old was arrested at the quarry farm on Friday.",
            "The 41-year-old was arrested at the quarry farm on Thursday.",
        ],
        [
            "The 23-year-old man was arrested in Oskel on Friday.",
            "The 41-year-old man was arrested in Oskel on Thursday.",
        ],
        # Ages as the analysis reads them: "aged 23" (not only "the 23-year-old"), and
        # a 6-month-old is no 6-year-old.
        [
            "The driver, aged 23, was arrested at the quarry farm on Friday.",
            "The driver, aged 41, was arrested at the quarry farm on Thursday.",
        ],
        [
            "The 6-month-old was found at the quarry farm on Friday.",
            "The 6-year-old was found at the quarry farm on Thursday.",
        ],
        # Finding 4: "a man", "a building", "a boat" are any of the story.
        [
            "Officials said a man died in the district hospital on Friday.",
            "Officials said a man died in the district hospital on Sunday.",
        ],
        [
            "The building collapsed in the harbour district on Monday.",
            "A building collapsed in the harbour district on Thursday.",
        ],
        [
            "The boat crashed into the harbour wall on Monday.",
            "A boat crashed into the harbour wall on Thursday.",
        ],
        # Indefinite with two specific place words shared.
        [
            "A man was arrested at the quarry farm on Friday.",
            "A man was arrested at the quarry farm on Sunday.",
        ],
        # A shared name, but "his" and "her": two people.
        [
            "The suspect was arrested at his quarry farm near Oskel on Friday.",
            "The suspect was arrested at her quarry farm near Oskel on Sunday.",
        ],
    ],
)
def test_no_stand_in_for_a_shared_name(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


@pytest.mark.parametrize(
    "other",
    [
        # Pronouns: the roster cannot tell who "he" and "she" are.
        "She was arrested at a remote farm last Thursday.",
        # Two different people.
        "The woman was arrested at a remote farm last Thursday.",
        # No place word shared.
        "The 41-year-old was arrested at a petrol station last Thursday.",
    ],
)
def test_no_place_stand_in(analyzer: Analyzer, other: str) -> None:
    mine = FARM.replace("the driver", "he") if other.startswith("She") else FARM
    assert _dates(analyzer, [mine, other]) == []


def test_parts_of_one_day() -> None:
    monday = DayLabel(0, None)
    morning, afternoon = DayLabel(0, None, part="morning"), DayLabel(0, None, part="afternoon")
    assert labels_clash(morning, afternoon)
    assert not labels_clash(monday, afternoon)  # the part told on one side only
    assert not labels_clash(DayLabel(0, None, part="evening"), DayLabel(0, None, part="night"))
    assert not labels_clash(DayLabel(0, None, part="night"), morning)  # the small hours
    assert day_label("early Monday morning") == DayLabel(
        0, None, early=True, part="morning", dawn=True
    )


def test_parts_apart_across_zones() -> None:
    dawn = DayLabel(6, None, part="morning", dawn=True)
    assert apart_across_zones(dawn, DayLabel(6, None, part="afternoon"))
    assert apart_across_zones(DayLabel(6, None, part="morning"), DayLabel(6, None, part="evening"))
    assert not apart_across_zones(
        DayLabel(6, None, part="morning"), DayLabel(6, None, part="afternoon")
    )
    assert not apart_across_zones(
        DayLabel(6, None, part="afternoon"), DayLabel(6, None, part="night")
    )


ARREST_MORNING = "Tarnby police arrested Jonas Brek on Tuesday morning at his flat."


def test_one_deed_two_parts_of_one_day(analyzer: Analyzer) -> None:
    texts = [ARREST_MORNING, "Jonas Brek was arrested by Tarnby police on Tuesday afternoon."]
    assert _dates(analyzer, texts) == [set(texts)]


@pytest.mark.parametrize(
    "texts",
    [
        # The part named on one side only.
        [ARREST_MORNING, ARREST_B.replace("Wednesday", "Tuesday")],
        # Evening and night overlap.
        [
            "Tarnby police arrested Jonas Brek on Tuesday evening at his flat.",
            "Jonas Brek was arrested by Tarnby police on Tuesday night.",
        ],
        # One page tells both parts (two arrests).
        [
            ARREST_MORNING + " Jonas Brek was arrested by Tarnby police on Tuesday afternoon.",
            "Jonas Brek was arrested by Tarnby police on Tuesday afternoon.",
        ],
        # Review s32, finding 5: a zone named, one moment.
        [
            "The rocket was launched from Tanegashima on Tuesday afternoon Japan time.",
            "The rocket was launched from Tanegashima early Tuesday morning ET.",
        ],
        [
            "The Varley bridge collapsed on Tuesday afternoon local time.",
            "The Varley bridge collapsed on Tuesday morning GMT.",
        ],
    ],
)
def test_no_clash_of_parts(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


FOUND_VAN = "Officers said the stolen van was found early Sunday morning in Varley."
FOUND_NAMED = "Police said the Corran Voyager van he drove was found in Varley on Sunday afternoon."


def test_one_known_thing_found_at_two_parts_of_a_day(analyzer: Analyzer) -> None:
    """A thing found once; a description ("the van") may be the named thing whose own
    words give its kind ("the Corran Voyager van")."""
    assert _dates(analyzer, [FOUND_VAN, FOUND_NAMED]) == [{FOUND_VAN, FOUND_NAMED}]


FOUND_EVENING = FOUND_NAMED.replace("afternoon", "evening")


@pytest.mark.parametrize(
    "texts",
    [
        # Review s34 F1: a zone in the text is usually the outlet's clock, not the
        # event's place; an event abroad with a US page naming ET for a market open
        # (9:30 a.m. ET is evening in South Asia).
        [
            "Shares of Corran opened at 9:30 a.m. ET. " + FOUND_VAN.replace("early ", ""),
            FOUND_EVENING,
        ],
        ["Markets opened at 9:30 a.m. ET. " + FOUND_VAN, FOUND_NAMED],
        # CST and PST are also China and Philippine Standard Time (UTC+8).
        [FOUND_VAN, "The quake struck at 2:40 p.m. CST. " + FOUND_NAMED],
        [FOUND_VAN, "The storm made landfall at 2 p.m. PST. " + FOUND_NAMED],
        # Another place's time: any shift.
        [FOUND_VAN, "The storm made landfall at 2 p.m. GMT. " + FOUND_NAMED],
    ],
)
def test_a_named_zone_holds_parts_of_a_day(analyzer: Analyzer, texts: list[str]) -> None:
    """Any zone named leaves parts of one day unjudged: which place's clock it is
    cannot be read from the zone's letters (reverted a6341a2, review s34 F1)."""
    assert _dates(analyzer, texts) == []


FOUND_IN_STATE = "Officers said the stolen van was found early Sunday morning in Varley, Ohio."


@pytest.mark.parametrize(
    "texts",
    [
        # The outlet's clock is ET and the town is in a contiguous state: "early
        # morning" and "afternoon" lie more than any North American shift apart.
        ["Shares of Corran opened at 9:30 a.m. ET. " + FOUND_IN_STATE, FOUND_NAMED],
        [FOUND_IN_STATE, "The alert went out at 6:10 p.m. EDT. " + FOUND_NAMED],
        # The other page writes the state.
        [
            FOUND_VAN + " It was alerted at 6:10 p.m. ET.",
            FOUND_NAMED.replace("Varley", "Varley, Ind."),
        ],
    ],
)
def test_zones_of_the_event_s_own_country_keep_parts_apart(
    analyzer: Analyzer, texts: list[str]
) -> None:
    """A deed placed in one town of a contiguous US state, with only that country's
    zones named: a shift of three hours at most cannot make the small hours and the
    afternoon one moment."""
    assert len(_dates(analyzer, texts)) == 1


@pytest.mark.parametrize(
    "texts",
    [
        # Morning and afternoon may be 11 a.m. Pacific and 2 p.m. Eastern.
        ["Shares opened at 9:30 a.m. ET. " + FOUND_IN_STATE.replace("early ", ""), FOUND_NAMED],
        # Ambiguous letters: CST / PST / MST are also Asian zones.
        [FOUND_IN_STATE, "The quake struck at 2:40 p.m. CST. " + FOUND_NAMED],
        [FOUND_IN_STATE, "The storm made landfall at 2 p.m. PST. " + FOUND_NAMED],
        [FOUND_IN_STATE, "The quake struck at 2:40 p.m. MST. " + FOUND_NAMED],
        # Another zone named beside an American one.
        [FOUND_IN_STATE, "Markets opened at 9:30 a.m. ET and 2:30 p.m. GMT. " + FOUND_NAMED],
        # A state outside the contiguous zones.
        [
            "Markets opened at 9:30 a.m. ET. " + FOUND_IN_STATE.replace("Ohio", "Hawaii"),
            FOUND_NAMED,
        ],
        # A country's name ("Georgia"), a Spanish article ("La Paz") after the comma.
        [
            "Markets opened at 9:30 a.m. ET. " + FOUND_IN_STATE.replace("Ohio", "Georgia"),
            FOUND_NAMED,
        ],
        [
            "Markets opened at 9:30 a.m. ET. " + FOUND_IN_STATE.replace("Ohio", "La Paz"),
            FOUND_NAMED,
        ],
        # The state belongs to another town than the find's.
        [
            "Markets opened at 9:30 a.m. ET. Tarlow, Ohio, is quiet. " + FOUND_VAN,
            FOUND_NAMED,
        ],
    ],
)
def test_zones_hold_parts_without_the_event_s_state(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


POINTED = "Dallan fled in her Corran Rover. That van was found early Sunday morning in Varley."
FOUND_ROVER = "Police said the red Corran Rover he fled in was found in Varley on Sunday afternoon."


def test_a_pointing_description_is_the_thing_named_before(analyzer: Analyzer) -> None:
    """ "That van" stands for the last thing the sentence before named (its own article
    says which): one find of the Corran Rover at two parts of a day."""
    found = _dates(analyzer, [POINTED, FOUND_ROVER])
    assert found == [{POINTED.split(". ")[1], FOUND_ROVER}]


@pytest.mark.parametrize(
    "pointed",
    [
        # Another name last in the sentence before: "that van" may be another thing.
        "Dallan fled in her Corran Rover toward Tarlow. "
        "That van was found early Sunday morning in Varley.",
        # "the van" does not point back.
        "Dallan fled in her Corran Rover. The van was found early Sunday morning in Varley.",
        # Words of its own: "that white van" may be another.
        "Dallan fled in her Corran Rover. That white van was found early Sunday morning in Varley.",
    ],
)
def test_no_pointing_without_the_name_just_before(analyzer: Analyzer, pointed: str) -> None:
    assert _dates(analyzer, [pointed, FOUND_ROVER]) == []


FOUND_COMET = "Police said the Marrow Comet was found in Oskel on Monday."


def test_that_car_is_the_vehicle_named_before(analyzer: Analyzer) -> None:
    """ "That car" after "her Marrow Comet": one find told on two days."""
    pointed = "Tessel fled in her Marrow Comet. That car was found on Sunday in Oskel."
    found = _dates(analyzer, [pointed, FOUND_COMET])
    assert found == [{pointed.split(". ")[1], FOUND_COMET}]


@pytest.mark.parametrize(
    "texts",
    [
        # Review s33, finding 5: a pointer's head no vehicle is its own thing ("that
        # rifle", "this phone" are not the car named last).
        [
            "Officers said Tessel carried a rifle when he fled in his Marrow Comet. "
            "That rifle was found on Sunday in Oskel.",
            FOUND_COMET,
        ],
        [
            "Tessel left her phone in the Marrow Comet. This phone was found on Sunday in Oskel.",
            FOUND_COMET,
        ],
        # The pointer's head said in the sentence before: "that van" is that van.
        [
            "Tessel fled in a grey van past her Marrow Comet. "
            "That van was found on Sunday in Oskel.",
            FOUND_COMET,
        ],
        # A person named last is no car ("the owner, Inga Pell"; "her friend Inga Pell").
        [
            "Police want to question the owner, Inga Pell. That car was found on Sunday in Oskel.",
            "Inga Pell was found safe in Oskel on Monday, police said.",
        ],
        [
            "Police questioned her friend Inga Pell. That car was found on Sunday in Oskel.",
            "Inga Pell was found safe in Oskel on Monday, police said.",
        ],
        # Review s33/1, finding 12: a title no tagger marks as a person ("the Quay
        # Warden") is no boat when the other outlet finds it safe; nor is a name set off
        # by a comma after a role ("the skipper, Quay Warden").
        [
            "Tessel sailed off with the Quay Warden. That boat was found on Sunday in Oskel.",
            "The Quay Warden was found safe in Oskel on Monday, police said.",
        ],
        [
            "Police want to question the skipper, Quay Warden. "
            "That boat was found on Sunday in Oskel.",
            "Police said the Quay Warden was found in Oskel on Monday.",
        ],
    ],
)
def test_no_pointing_to_another_kind(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


@pytest.mark.parametrize(
    "texts",
    [
        # One of a kind found: "a rifle" may be another.
        [
            "A rifle was found early Sunday morning in Varley.",
            "A rifle was found in Varley on Sunday afternoon.",
        ],
        # Two named things.
        [
            "The Dello Sprint was found early Sunday morning in Varley.",
            "The Corran Voyager was found in Varley on Sunday afternoon.",
        ],
        # Two described things.
        [
            "The van was found early Sunday morning in Varley.",
            "The boat was found in Varley on Sunday afternoon.",
        ],
        # Review s32, finding 6: one head, modifiers or possessors that clash.
        [
            "The body of a woman was found in Varley on Sunday morning.",
            "The body of a man was found in Varley on Sunday afternoon.",
        ],
        [
            "Officers found the suspect's car in Varley on Sunday morning.",
            "Officers found the victim's car in Varley on Sunday afternoon.",
        ],
        # Finding 7: a named thing and a description of another kind.
        [
            "The Corran Voyager was found in Varley on Sunday morning.",
            "The rifle was found in Varley on Sunday afternoon.",
        ],
        # Finding 8: plural finds, and pronoun possessors.
        [
            "Police said the bodies were found in Varley on Sunday.",
            "Police said the bodies were found in Varley on Tuesday.",
        ],
        [
            "Police said the remains were found in Varley on Sunday.",
            "Police said the remains were found in Varley on Tuesday.",
        ],
        [
            "Police found his wallet in Varley on Sunday.",
            "Police found her wallet in Varley on Monday.",
        ],
    ],
)
def test_no_clash_of_findings(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


def test_an_acronym_naming_no_entity_is_a_description(analyzer: Analyzer) -> None:
    """An acronym no entity of its article ("SUV") is described: it may be the named car."""
    found = "Officers said the SUV was found early Sunday morning in Varley."
    named = FOUND_NAMED.replace("van", "SUV")
    assert _dates(analyzer, [found, named]) == [{found, named}]


def test_plain_acronyms_are_per_article(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One parse shared by two articles with the same sentence: each article's entities
    judge its acronyms, whatever the order (review s32, finding 9)."""
    sentence = "Officers said the SUV was found early Sunday morning in Varley."
    material = undated(analyzer, [sentence, sentence])
    doc = spacy.blank("en")(sentence)
    named = {"u0": frozenset({"suv"}), "u1": frozenset()}
    monkeypatch.setattr(deeds, "_entity_words", lambda _m, article: named[article])
    assert deeds._plain_acronyms(material, "u0", doc) == frozenset()
    assert deeds._plain_acronyms(material, "u1", doc) == {"suv"}
    assert deeds._plain_acronyms(material, "u0", doc) == frozenset()


# A definite person noun ("the man") points back to the one age the sentence before
# gives; a town before an indefinite part of a place ("a Varley suburb") only holds it.
AGE_BEFORE = (
    "A court spokeswoman said Monday that the 27-year-old suspect acted alone. "
    "She said the man was arrested in the Oskel suburb Thursday."
)
AGED = "The 27-year-old was arrested in a Varley suburb last Wednesday."


def test_an_age_pointed_back_to_and_a_holding_town_are_one_arrest(analyzer: Analyzer) -> None:
    found = _dates(analyzer, [AGE_BEFORE, AGED])
    assert len(found) == 1
    assert AGED in found[0]


@pytest.mark.parametrize(
    "texts",
    [
        # Two ages: two people.
        [AGE_BEFORE, AGED.replace("27", "41")],
        # The sentence before gives two ages: "the man" may be either.
        [
            AGE_BEFORE.replace(
                "the 27-year-old suspect", "the 27-year-old suspect and his 41-year-old brother"
            ),
            AGED,
        ],
        # No age before: "the man" is any man of the story.
        [AGE_BEFORE.replace("the 27-year-old suspect", "the suspect"), AGED],
        # The age is a thing's, not a person noun's ("the car" is no person).
        [
            "Police said Monday that the 27-year-old owned the car. "
            "She said the car was found in the Oskel suburb Thursday.",
            "The 27-year-old's car was found in a Varley suburb last Wednesday.",
        ],
        # Two holding towns: two suburbs, two arrests.
        [AGE_BEFORE.replace("the Oskel suburb", "a Tarnby suburb"), AGED],
        # A town against a holder with no part of a place shared: no place in common.
        [AGE_BEFORE.replace("in the Oskel suburb", "in Oskel"), AGED],
        # A pronoun: the roster cannot tell who "he" is.
        [AGE_BEFORE.replace("the man", "he"), AGED],
        # The age before is a woman's: "the man" is someone else (review s38/3).
        [
            "The 27-year-old woman was questioned by Tarnby police on Monday. "
            "Police said the man was arrested in the Oskel suburb on Thursday.",
            AGED,
        ],
        [AGE_BEFORE.replace("suspect acted alone", "suspect and a woman acted"), AGED],
    ],
)
def test_no_pointed_age_nor_holding_town(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []
