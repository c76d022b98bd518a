"""A denial disputes another outlet's deed only when both tell it of the same people and
the same place (review s41/3 finding S2; all texts invented)."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from tests.test_deed_words import _verdict


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


_PASSENGERS_HURT = (
    "Twelve passengers were injured in the crash of the Tessel bus on Sunday, police said."
)


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # A verb of undergoing denies its subject's injuries only.
        ("The driver of the Tessel bus suffered no injuries in the crash on Sunday, "
         "police said.", _PASSENGERS_HURT),
        ("The crew of the Orvik ferry suffered no injuries when it ran aground on Sunday, "
         "the coastguard said.",
         "Three passengers were injured when the Orvik ferry ran aground on Sunday, "
         "the coastguard said."),
        ("The driver of the Tessel bus suffered no injuries in the crash on Sunday, "
         "police said.", "Two people were injured in the crash of the Tessel bus on Sunday."),
        # A partitive group is its own bearer.
        ("None of the crew of the Orvik ferry were injured when it ran aground on Sunday, "
         "the coastguard said.",
         "Three passengers were injured when the Orvik ferry ran aground on Sunday, "
         "the coastguard said."),
        # A caused deed in one place is no denial of a deed in another.
        ("The storm caused no deaths in Orvik on Sunday, the mayor said.",
         "Two people died in Tulm when the storm hit on Sunday, the mayor said."),
        ("No one died at Orvik Harbour when the storm hit on Sunday, the mayor said.",
         "Two people died at Tulm Harbour when the storm hit on Sunday, the mayor said."),
        # A plain subject is its bearer too: the crew's denial is not the passengers'
        # (review s42/1 finding S5).
        ("The passengers of the Tessel bus were not injured in the crash on Sunday, "
         "police said.",
         "The driver of the Tessel bus was injured in the crash on Sunday, police said."),
        ("The crew of the Orvik ferry were not hurt when it ran aground on Sunday.",
         "Three passengers were hurt when the Orvik ferry ran aground on Sunday."),
    ],
)  # fmt: skip
def test_denial_of_other_people_or_place_is_no_dispute(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "other"


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        ("The driver of the Tessel bus suffered no injuries in the crash on Sunday, "
         "police said.", "The driver of the Tessel bus was injured in the crash on Sunday."),
        ("None of the crew of the Orvik ferry were injured when it ran aground on Sunday.",
         "Two crew members were injured when the Orvik ferry ran aground on Sunday."),
        ("No passengers were injured in the crash of the Tessel bus on Sunday.",
         "Two people were injured in the crash of the Tessel bus on Sunday."),
        ("No one was hurt in the crash of the Tessel bus on Sunday, police said.",
         _PASSENGERS_HURT),
        ("The storm caused no deaths in Orvik on Sunday, the mayor said.",
         "Two people died in Orvik when the storm hit on Sunday, the mayor said."),
        ("The storm caused no deaths on Sunday, the mayor said.",
         "Two people died in Tulm when the storm hit on Sunday, the mayor said."),
        # A plain subject's denial is of the deed, however another outlet names the body
        # (the fresh-clone CI of 0695003: test_verify's council / councillors pair).
        ("The town council of Tessel did not vote to close the old ferry pier.",
         "Councillors in Tessel voted on Monday to close the old ferry pier."),
        # A subject is all the people it names: conjuncts and appositions (review s42/1
        # finding S1).
        ("None of the passengers of the Tessel bus were injured in the crash on Sunday.",
         "The driver and two passengers were injured in the crash of the Tessel bus on "
         "Sunday."),
        ("The driver of the Tessel bus suffered no injuries in the crash on Sunday.",
         "Two passengers and the driver were injured in the crash of the Tessel bus on "
         "Sunday."),
        ("The driver of the Tessel bus suffered no injuries in the crash on Sunday.",
         "Orlan Vesk, the driver of the Tessel bus, was injured in the crash on Sunday."),
        ("Orlan Vesk suffered no injuries in the crash of the Tessel bus on Sunday.",
         "The driver, Orlan Vesk, was injured in the crash of the Tessel bus on Sunday."),
        # A place inside the place named is that place.
        ("The storm caused no deaths in Orvik on Sunday, the mayor said.",
         "Two people died at Orvik Harbour when the storm hit on Sunday, the mayor said."),
        ("No one died in Orvik when the storm hit on Sunday, the mayor said.",
         "Two patients died at Orvik General Hospital when the storm hit on Sunday."),
        # A depot's driver and a prison's guard are the site's workers (review s43h S4).
        ("No workers were injured at the Brel depot on Sunday, the company said.",
         "A driver was injured at the Brel depot on Sunday, the company said."),
        ("No workers were injured at the Brel prison on Sunday, officials said.",
         "A guard was injured at the Brel prison on Sunday, officials said."),
    ],
)  # fmt: skip
def test_denial_of_the_same_people_and_place_still_differs(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "differ"


# --- a verb of causing: its "no" object is the deed, whatever its noun (stop 42) ------


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        ("The storm caused no damage in Orvik on Sunday, the mayor said.",
         "The storm damaged 40 homes in Orvik on Sunday, the mayor said."),
        ("The storm caused no damage to homes in Orvik, the mayor said.",
         "The storm damaged 40 homes in Orvik on Sunday, the mayor said."),
        ("The ferry suffered no delays on Sunday, the operator said.",
         "The ferry was delayed for three hours on Sunday, the operator said."),
        ("The storm caused no damage in Orvik, the mayor said.",
         "Forty homes in Orvik were damaged by the storm, the mayor said."),
    ],
)  # fmt: skip
def test_a_caused_none_disputes_the_deed_of_its_own_noun(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    # "damage" and "delays" are in no deed table: the noun meets the verb by its stem
    assert _verdict(analyzer, denial, assertion) == "differ"


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # another deed of the same storm
        ("The storm caused no damage in Orvik on Sunday, the mayor said.",
         "The storm flooded 40 homes in Orvik on Sunday, the mayor said."),
        # what the damage befalls: a bridge spared is no denial that homes were hit
        ("The storm caused no damage to the Tessel bridge, engineers said.",
         "The storm damaged 40 homes in Orvik on Sunday, the mayor said."),
        # another town, written before a place noun
        ("The strike caused no delays at Orvik airport on Sunday, officials said.",
         "Flights were delayed at Tulm airport on Sunday by the strike, officials said."),
        # another day: two days' events
        ("The storm caused no damage in Orvik on Sunday, the mayor said.",
         "The storm damaged 40 homes in Orvik on Monday, the mayor said."),
        ("No one was injured in the Tessel fire on Sunday, police said.",
         "Three people were injured in the Tessel fire on Monday, police said."),
        # an adjective narrows the denial to a kind of the deed
        ("The blast caused no structural damage to the Tessel depot, engineers said.",
         "The blast damaged the Tessel depot on Sunday, engineers said."),
        ("The driver suffered no serious injuries in the Tessel crash on Sunday.",
         "The driver was injured in the Tessel crash on Sunday."),
        # a plain noun under a verb that causes nothing stays no deed
        ("The committee proposed no changes to the Tessel budget.",
         "The council changed the Tessel budget on Monday."),
    ],
)  # fmt: skip
def test_a_denial_of_another_deed_undergoer_place_or_day_is_no_dispute(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "other"


def test_a_denial_of_the_same_day_still_differs(analyzer: Analyzer) -> None:
    assert (
        _verdict(
            analyzer,
            "No one was injured in the Tessel fire on Sunday, police said.",
            "Three people were injured in the Tessel fire on Sunday, police said.",
        )
        == "differ"
    )


@pytest.mark.parametrize(
    "denial",
    [
        "No other passengers were hurt in the Tessel crash, police said.",
        "Nobody else was hurt in the Tessel crash, police said.",
    ],
)
def test_an_excepting_none_disputes_nobody(analyzer: Analyzer, denial: str) -> None:
    # "no other" / "nobody else" deny nothing: the parse gives them no denied deed, and
    # the cue count alone had called the pair 'differ'
    told = "Three passengers were injured in the Tessel crash on Sunday, police said."
    assert _verdict(analyzer, denial, told) == "other"
    plain = "No passengers were hurt in the Tessel crash, police said."
    assert _verdict(analyzer, plain, told) == "differ"


@pytest.mark.parametrize(
    ("denial", "told"),
    [
        ("No other airline was affected by the Tessel outage, officials said.",
         "Two other airlines were affected by the Tessel outage, officials said."),
        ("Nobody else was hurt in the Tessel crash, police said.",
         "Two other passengers were also hurt in the Tessel crash, police said."),
        ("Police made no further arrests after the Tessel riot, officials said.",
         "Police made three further arrests after the Tessel riot, officials said."),
    ],
)  # fmt: skip
def test_an_excepting_none_disputes_the_excepted_set_told(
    analyzer: Analyzer, denial: str, told: str
) -> None:
    # "no other airline" denies exactly what "two other airlines were affected" tells
    assert _verdict(analyzer, denial, told) == "differ"


# --- review s42/2: narrowed and hedged denials, 'may', undergoers, causing verbs ------


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # a denial narrowed to a kind disputes the deed told of that kind (S4a)
        ("The driver suffered no serious injuries in the Tessel crash on Sunday.",
         "The driver suffered serious injuries in the Tessel crash on Sunday."),
        ("The driver suffered no serious injuries in the Tessel crash on Sunday.",
         "The driver was seriously injured in the Tessel crash on Sunday."),
        ("The gale caused no major damage in Orvik on Sunday, the mayor said.",
         "The gale caused major damage in Orvik on Sunday, the mayor said."),
        # a hedge narrows nothing: the denial is of the deed itself (S4a)
        ("The blast caused no apparent damage to the Tessel depot on Sunday.",
         "The blast damaged the Tessel depot on Sunday, engineers said."),
        ("The blast caused no visible damage to the Tessel depot on Sunday.",
         "The blast damaged the Tessel depot on Sunday, engineers said."),
        # the modal 'may' dates nothing (S4b)
        ("No one was injured in the Orvik depot fire in March, police said.",
         "Three workers may have been injured in the Orvik depot fire, police said."),
        # a general undergoer may be the class of the told one (M9)
        ("The quake caused no damage to buildings in Orvik on Sunday, the mayor said.",
         "The quake damaged 40 homes in Orvik on Sunday, the mayor said."),
        ("The quake caused no damage to property in Orvik on Sunday, the mayor said.",
         "The quake damaged 40 homes in Orvik on Sunday, the mayor said."),
        # a verb of undergoing denies its object's deed
        ("The ferry experienced no delays on Sunday, the operator said.",
         "The ferry was delayed for three hours on Sunday, the operator said."),
    ],
)  # fmt: skip
def test_a_narrowed_or_hedged_denial_of_the_told_kind_differs(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "differ"


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # another kind of the deed
        ("The driver suffered no serious injuries in the Tessel crash on Sunday.",
         "The driver suffered minor injuries in the Tessel crash on Sunday."),
        # a month written as a name still dates the deed
        ("No one was injured in the Orvik depot fire in May, police said.",
         "Three workers were injured in the Orvik depot fire in June, police said."),
        # two named airports are two places (S4c)
        ("The strike caused no delays at Orvik Airport on Sunday, officials said.",
         "Flights were delayed at Tulm Airport on Sunday by the strike, officials said."),
        # 'produced no change' denies no deed a changing verb tells (M9)
        ("The new rules produced no change at the Tessel plant, the union said.",
         "The Tessel plant changed its shift pattern on Sunday, the union said."),
        ("The new rules underwent no change at the Tessel plant, the union said.",
         "The Tessel plant changed its shift pattern on Sunday, the union said."),
    ],
)  # fmt: skip
def test_a_denial_of_another_kind_month_place_or_product_is_no_dispute(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "other"


@pytest.mark.parametrize(
    "told",
    [
        "Three passengers were injured in the crash of the Tessel bus on Sunday, police also said.",
        "Three passengers of the Tessel bus were injured when it hit the other car on Sunday.",
        "Three passengers were injured in the crash of the Tessel bus on Sunday; further checks "
        "are planned, police said.",
    ],
)  # fmt: skip
def test_a_marker_away_from_the_excepted_deed_tells_no_excepted_set(
    analyzer: Analyzer, told: str
) -> None:
    # 'also' on the speech verb, 'the other car', 'further checks' say nothing of more
    # passengers hurt: the excepting none still disputes nobody
    denial = "No other passengers were hurt in the crash of the Tessel bus on Sunday, police said."
    assert _verdict(analyzer, denial, told) == "other"


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # A passive's subject undergoes the deed: it is compared with the told deed's
        # object or passive subject, never with its doer (review s42/4 S1).
        ("The Varno footbridge was not damaged in the flood on Friday, the council said.",
         "The flood damaged the Varno footbridge on Friday, the council said."),
        ("The harbour fee was not approved at the meeting in Varno on Friday.",
         "The board approved the harbour fee at the meeting in Varno on Friday."),
        ("Guards did not detain the driver after the chase in Varno on Friday.",
         "The driver was detained after the chase in Varno on Friday, a spokeswoman said."),
        # One group in other words (review s42/4 S3).
        ("Firefighters were not injured in the fire at the Varno mill on Friday.",
         "Three firemen were injured in the fire at the Varno mill on Friday."),
        # A noun that names no people role leaves a plain subject's denial standing.
        ("Teenagers were not injured in the fire at the Varno mill on Friday.",
         "Three passengers were injured in the fire at the Varno mill on Friday."),
    ],
)  # fmt: skip
def test_a_denial_of_the_same_undergoer_or_group_in_other_words_differs(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "differ"


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # A longer word is the same people only by a listed ending (review s42/4 S2).
        ("None of the officers were hurt in the explosion in Varno on Friday.",
         "Two office clerks and three office workers were hurt in the explosion in Varno "
         "on Friday."),
        ("No marines were hurt in the explosion at the Varno camp on Friday.",
         "Four mariners were hurt in the explosion at the Varno camp on Friday."),
        # A shared compound makes no two groups one (review s42/4 M2).
        ("The Varno tram driver was not hurt in the collision on Friday, police said.",
         "Three Varno tram passengers were hurt in the collision on Friday, police said."),
        ("The lifeboat crew members were not hurt when the boat capsized near Varno on "
         "Friday.",
         "Two council members were hurt when the boat capsized near Varno on Friday."),
        # A plane's pilot or a ship's crew is no site's workers (review s43i S3).
        ("No workers were injured when the plane hit the Brel factory on Sunday, the "
         "company said.",
         "The pilot was injured when the plane hit the Brel factory on Sunday, the company "
         "said."),
        ("No workers were injured when the ship hit the Brel pier on Sunday, the port said.",
         "The crew were injured when the ship hit the Brel pier on Sunday, the port said."),
    ],
)  # fmt: skip
def test_a_denial_of_another_role_is_no_dispute(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "other"


# --- review s43/1: undergoers of intransitives, role groups, degrees, compounds ------


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # An object-less active's subject undergoes the deed: it meets the told deed's
        # undergoer, not its doer (S1).
        ("No protesters died in the clashes in Brel on Tuesday, officials said.",
         "Two protesters were killed by soldiers in the clashes in Brel on Tuesday."),
        ("No protesters died in the clashes in Brel on Tuesday, officials said.",
         "Soldiers killed two protesters in the clashes in Brel on Tuesday, witnesses said."),
        ("No passengers died in the crash of the Brel coach on Tuesday, police said.",
         "The drunk driver killed two passengers in the crash of the Brel coach on Tuesday."),
        # One role holds another's people (S6).
        ("None of the crew were injured when the Brel plane crashed on Tuesday.",
         "The pilot was injured when the Brel plane crashed on Tuesday."),
        ("No workers were injured in the blast at the Brel quarry on Tuesday.",
         "Two miners were injured in the blast at the Brel quarry on Tuesday."),
        ("No children were hurt when the Brel school bus crashed on Tuesday.",
         "Three pupils were hurt when the Brel school bus crashed on Tuesday."),
        ("No staff were hurt in the fire at the Brel clinic on Tuesday.",
         "Two nurses were hurt in the fire at the Brel clinic on Tuesday."),
        # A narrowed denial meets the same degree told in another word (S2).
        ("The cyclist suffered no serious injuries in the Brel collision on Tuesday.",
         "The cyclist was critically injured in the Brel collision on Tuesday."),
        ("The cyclist suffered no serious injuries in the Brel collision on Tuesday.",
         "The cyclist was badly injured in the Brel collision on Tuesday."),
        ("The cyclist suffered no serious injuries in the Brel collision on Tuesday.",
         "The cyclist suffered life-threatening injuries in the Brel collision on Tuesday."),
        ("The flood caused no major damage to the Brel mill on Tuesday, the mayor said.",
         "The flood caused extensive damage to the Brel mill on Tuesday, the mayor said."),
        ("The flood caused no major damage to the Brel mill on Tuesday, the mayor said.",
         "The flood caused heavy damage to the Brel mill on Tuesday, the mayor said."),
        ("The flood caused no major damage to the Brel mill on Tuesday, the mayor said.",
         "The flood severely damaged the Brel mill on Tuesday, the mayor said."),
        # One role with one compound is one person (S7's control).
        ("The tram driver was not injured in the collision in Brel on Tuesday.",
         "The tram driver was injured in the collision in Brel on Tuesday."),
    ],
)  # fmt: skip
def test_a_denial_of_the_same_undergoer_group_or_degree_differs(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "differ"


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # A kind told of another person lifts no narrowing (S3).
        ("The cyclist suffered no serious injuries in the Brel collision on Tuesday.",
         "The cyclist was slightly injured and a pedestrian was seriously injured in the "
         "Brel collision on Tuesday."),
        ("The cyclist suffered no serious injuries in the Brel collision on Tuesday.",
         "The cyclist was slightly injured in the Brel collision on Tuesday."),
        # One role told of two kinds by their compounds is two people (S7).
        ("The tram driver was not injured in the collision in Brel on Tuesday.",
         "The lorry driver was injured in the collision in Brel on Tuesday."),
        # A shared name makes no two things one (S8).
        ("The flood caused no damage to the Brel mill on Tuesday, the mayor said.",
         "The flood damaged the Brel school on Tuesday, the mayor said."),
        # A site's workers hold no responders nor other vehicles' people (review s43c S2).
        ("No workers were injured in the fire at the Brel plant on Sunday, the company said.",
         "A firefighter was injured in the fire at the Brel plant on Sunday, the brigade "
         "said."),
        ("No staff were injured in the shooting at the Brel school on Monday, police said.",
         "A journalist was injured in the shooting at the Brel school on Monday, police "
         "said."),
        ("The ferry's crew were not injured when it hit the pier at Brel on Sunday.",
         "A truck driver was injured when the ferry hit the pier at Brel on Sunday."),
        # An object-less deed's subject does it unless the verb is one of undergoing
        # (review s43c S3).
        ("No protesters attacked during the march in Brel on Sunday, organisers said.",
         "Police attacked the protesters during the march in Brel on Sunday, witnesses "
         "said."),
    ],
)  # fmt: skip
def test_a_denial_of_another_degree_person_or_thing_is_no_dispute(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "other"


@pytest.mark.parametrize(
    ("denial", "told"),
    [
        # The excepted noun told under another deed, or not as done (S4).
        ("No other passengers were hurt in the crash of the Brel coach on Tuesday.",
         "Three passengers were hurt in the crash of the Brel coach on Tuesday; other "
         "passengers were taken to a hotel."),
        ("No other passengers were hurt in the crash of the Brel coach on Tuesday.",
         "Two passengers were hurt in the crash of the Brel coach on Tuesday, and the other "
         "passengers were sent home."),
        ("No further arrests were made after the riot in Brel on Tuesday, police said.",
         "Police arrested three men after the riot in Brel on Tuesday and said further "
         "arrests were unlikely."),
        ("No further arrests were made after the riot in Brel on Tuesday, police said.",
         "Three men were arrested after the riot in Brel on Tuesday, and police ruled out "
         "further arrests."),
    ],
)  # fmt: skip
def test_an_excepted_noun_under_another_or_untold_deed_is_no_dispute(
    analyzer: Analyzer, denial: str, told: str
) -> None:
    assert _verdict(analyzer, denial, told) == "other"


@pytest.mark.parametrize(
    ("denial", "told"),
    [
        # The excepted set told as a noun or with "more" (S5).
        ("Nobody else was hurt in the crash of the Brel coach on Tuesday, police said.",
         "Two others were hurt in the crash of the Brel coach on Tuesday, witnesses said."),
        ("No other ferry line was affected by the Brel strike on Tuesday, officials said.",
         "Two more ferry lines were affected by the Brel strike on Tuesday, officials said."),
    ],
)  # fmt: skip
def test_the_excepted_set_told_as_others_or_more_differs(
    analyzer: Analyzer, denial: str, told: str
) -> None:
    assert _verdict(analyzer, denial, told) == "differ"


def test_more_than_a_count_tells_no_excepted_set(analyzer: Analyzer) -> None:
    # "more than 40" bounds a count; it is no further set
    denial = "No other ferry line was affected by the Brel strike on Tuesday, officials said."
    told = "More than 40 sailings were cancelled by the Brel strike on Tuesday, officials said."
    assert _verdict(analyzer, denial, told) == "other"


# --- stop 43: broad people words, one stem test, one causing-verb list -----------------


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # An officer may be an army officer: no soldiers hurt disputes two officers hurt.
        ("No soldiers were hurt in the explosion at the Varno camp on Friday.",
         "Two officers were hurt in the explosion at the Varno camp on Friday."),
        ("None of the officers were hurt in the explosion at the Varno camp on Friday.",
         "Two soldiers were hurt in the explosion at the Varno camp on Friday."),
        # A child may be a pupil, a passenger or a patient.
        ("No children were hurt in the fire at the Varno school on Friday.",
         "Two pupils were hurt in the fire at the Varno school on Friday."),
        # A police officer is police however written.
        ("No police officers were hurt in the riot in Varno on Friday.",
         "Two policemen were hurt in the riot in Varno on Friday."),
        # A bare officer holds the officers of any compound; a compound picks a role.
        ("No officers were hurt in the blast at the Varno port on Friday.",
         "Two customs officers were hurt in the blast at the Varno port on Friday."),
        ("No guards were hurt in the riot at the Varno prison on Friday.",
         "Two prison officers were hurt in the riot at the Varno prison on Friday."),
        ("No firefighters were hurt in the blast at the Varno port on Friday.",
         "Two fire officers were hurt in the blast at the Varno port on Friday."),
        ("No soldiers were hurt in the blast at the Varno port on Friday.",
         "Two army officers were hurt in the blast at the Varno port on Friday."),
    ],
)  # fmt: skip
def test_a_denial_of_a_broad_people_word_disputes_any_of_its_roles(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "differ"


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        # A compound picks the officer's role: police officers are no soldiers.
        ("No police officers were hurt in the explosion at the Varno camp on Friday.",
         "Two soldiers were hurt in the explosion at the Varno camp on Friday."),
        # An officer is of a trade, never a passenger; a child is no firefighter.
        ("No officers were hurt when the Varno ferry ran aground on Friday.",
         "Two passengers were hurt when the Varno ferry ran aground on Friday."),
        ("No children were hurt in the fire at the Varno school on Friday.",
         "Two firefighters were hurt in the fire at the Varno school on Friday."),
        # Only a bare officer may be army or police: a compound of another trade decides
        # (review s43/g S3).
        ("No soldiers were hurt in the blast at the Varno port on Friday.",
         "Two customs officers were hurt in the blast at the Varno port on Friday."),
        ("No soldiers were hurt in the blast at the Varno port on Friday.",
         "Two fire officers were hurt in the blast at the Varno port on Friday."),
        ("No soldiers were hurt in the riot at the Varno prison on Friday.",
         "Two prison officers were hurt in the riot at the Varno prison on Friday."),
        ("No police were hurt in the riot at the Varno prison on Friday.",
         "Two prison officers were hurt in the riot at the Varno prison on Friday."),
    ],
)  # fmt: skip
def test_a_broad_people_word_is_still_apart_from_roles_it_cannot_name(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    assert _verdict(analyzer, denial, assertion) == "other"


def test_a_denial_narrowed_by_an_adjective_meets_its_adverb(analyzer: Analyzer) -> None:
    # "heavy" / "heavily" is one kind word (one stem test with negation_scope).
    assert (
        _verdict(
            analyzer,
            "The storm caused no heavy damage to the Orvik depot on Sunday, the mayor said.",
            "The storm heavily damaged the Orvik depot on Sunday, the mayor said.",
        )
        == "differ"
    )


def test_a_counted_deed_is_of_no_narrowed_kind(analyzer: Analyzer) -> None:
    # "several" counts injuries; it is no form of "severe" however near its letters.
    assert (
        _verdict(
            analyzer,
            "The driver suffered no severe injuries in the Tessel crash on Sunday.",
            "The driver suffered several injuries in the Tessel crash on Sunday.",
        )
        == "other"
    )
