"""Whether a common noun names a person: "the nurse", "a machinist", "the shop owner",
"the firefighter", for the speaker rules of
:mod:`newsprism.analyze.speaker_resolution` ("The nurse disagreed. '…,' she said":
the pronoun is the nurse, not the person named before).

No lexical database (WordNet) is available offline, so the evidence is the word's
form and a vetted list:

* **A vetted list** of occupations, standings and kin that news describes people by
  (:data:`_PEOPLE`), with the titles and camp nouns of
  :mod:`newsprism.analyze.aliases`.
* **Suffixes that make a person** almost always: "-ist" ("machinist", "pharmacist"),
  "-ian" ("electrician", "physician"), and compounds of "man", "woman", "person",
  "worker", "fighter", "keeper", "maker", "owner" ("firefighter", "shopkeeper",
  "congresswoman"), less a few things of the same form (:data:`_NOT_PEOPLE`).
* **"-er"/"-or" agent nouns** ("the welder", "the inspector") only where the noun is
  the subject of a verb only people do (say, disagree, recall: :data:`_PERSON_VERBS`);
  "-er" nouns are as often tools and things ("the computer", "the tower").

Never a body: the organisation words of :mod:`newsprism.analyze.aliases`
("the manufacturer", "the government", "the carrier") and the words of a place or a
thing ("the station", "the plant") are not people, whatever their form.

Cost: a few set look-ups per noun.
"""

from __future__ import annotations

import logging
import re
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.aliases import CAMP_NOUNS, ORG_WORDS, PLACE_NOUNS, TITLE_LAST_WORDS

logger = logging.getLogger(__name__)

__all__ = ["names_person"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Occupations, standings and kin that news describes someone by. Written by reading
# what local and wire reporting calls the people it quotes without naming them; not
# fitted to a score. Words that as often name a firm or a thing ("the builder", "the
# courier", "the guide", "the fan") are left out.
_PEOPLE: Final = _words("""
    nurse midwife surgeon doctor physician paramedic medic dentist pharmacist therapist
    firefighter fireman policeman policewoman cop officer detective constable trooper
    deputy guard soldier sailor marine pilot captain driver conductor mechanic engineer
    machinist welder plumber electrician carpenter labourer laborer miner farmer
    fisherman rancher shepherd baker butcher chef cook waiter waitress bartender cashier
    clerk janitor cleaner gardener porter postman mailman teacher principal tutor
    professor lecturer student pupil scholar scientist researcher economist analyst
    lawyer attorney solicitor barrister judge juror witness victim survivor suspect
    defendant plaintiff prisoner inmate detainee hostage refugee migrant immigrant
    resident neighbour neighbor tenant landlord landlady homeowner shopkeeper owner
    merchant trader shopper customer client patient caregiver volunteer activist
    protester protestor demonstrator organiser organizer campaigner voter candidate
    nominee lawmaker policymaker legislator politician diplomat envoy ambassador minister
    official spokesman spokeswoman spokesperson aide adviser advisor consultant
    accountant banker broker investor entrepreneur executive manager supervisor foreman
    forewoman boss employee worker staffer colleague intern apprentice journalist
    reporter correspondent editor photographer columnist writer author poet novelist
    filmmaker artist painter sculptor musician singer actor actress dancer comedian
    director athlete player coach referee umpire priest pastor vicar rabbi imam monk
    nun bishop preacher chaplain mother father son daughter wife husband brother sister
    grandmother grandfather grandson granddaughter aunt uncle cousin nephew niece widow
    widower girlfriend boyfriend fiancé fiancée friend man woman boy girl teenager teen
    child toddler baby pensioner retiree veteran passenger pedestrian cyclist motorist
    hiker climber tourist visitor traveller traveler ranger warden inspector
    investigator examiner surveyor auditor coroner pathologist psychologist psychiatrist
    counsellor counselor bystander onlooker eyewitness spectator supporter critic
    opponent rival founder proprietor chairman chairwoman chairperson president governor
    mayor senator councillor councilor alderman sheriff marshal commander general
    colonel lieutenant sergeant corporal admiral fighter militant rebel insurgent
    guerrilla gunman member
""")
# Compounds whose last part makes a person ("firefighter", "shopkeeper", "housewife");
# not "-maker" or "-holder", as often a company ("the carmaker", "a shareholder").
_PERSON_ENDINGS: Final = (
    "man", "woman", "person", "worker", "fighter", "keeper", "owner", "wife", "goer",
    "dweller", "seeker",
)  # fmt: skip
# Suffixes that make a person ("machinist", "electrician"), with the length a word
# needs before its suffix to count ("list", "fist" and "Asian" are too short).
_PERSON_SUFFIXES: Final = (("ist", 4), ("ian", 4))
# Words of those forms that name no person: things, places.
_NOT_PEOPLE: Final = _words("""
    checklist playlist shortlist wishlist blacklist whitelist waitlist watchlist
    meridian talisman
""")
# "-er"/"-or" nouns that are as often a body, a thing or a place ("the developer said":
# a company) and so are no person for a verb of speaking.
_NOT_AGENTS: Final = _words("""
    computer printer container tower trailer transformer reactor sensor monitor motor
    sector factor error mirror door floor corridor center centre theater theatre shelter
    operator contractor developer provider supplier producer publisher distributor
    employer buyer seller sponsor donor vendor carrier tanker freighter bomber
    destroyer cruiser speaker server recorder register counter meter letter paper
    number order water matter border power river winter summer weather chapter corner
    cancer danger answer layer filter banner newspaper broadcaster retailer wholesaler
    exporter importer manufacturer lender insurer regulator promoter builder courier
""")
# Verbs whose subject is a person ("The welder disagreed"), not a body or a thing.
_PERSON_VERBS: Final = _words("""
    say tell add insist recall remember disagree agree argue explain describe admit
    confess deny complain worry fear hope believe think feel wonder laugh cry smile shrug
    sigh nod whisper shout scream testify joke plead beg weep recount reminisce
""")
_AGENT: Final = re.compile(r"[a-z]{3,}(?:er|or)")
# Bodies and places, some of whose words end a title ("head of government", "head of
# state"): never a person.
_BODIES: Final = (
    ORG_WORDS
    | frozenset(PLACE_NOUNS)
    | _words("""
    government state station plant site city town firm company network
""")
)
_TITLE_WORDS: Final = TITLE_LAST_WORDS - _BODIES


def names_person(head: Token) -> bool:
    """Whether the common noun ``head`` (a description's head word) names a person: a
    title, camp noun or word of :data:`_PEOPLE`, a person's compound or suffix, or an
    agent noun whose verb only people do (see the module docstring). A plural is read
    by its lemma ("fighters", "officials")."""
    word = head.lemma_.lower() if head.tag_ == "NNS" else head.lower_
    if head.pos_ != "NOUN" or word in _BODIES or word in _NOT_PEOPLE:
        return False
    if word in _PEOPLE or word in _TITLE_WORDS or word in CAMP_NOUNS:
        return True
    if _person_form(word):
        return True
    return _agent_of_person_verb(head)


def _person_form(word: str) -> bool:
    """A person's compound or suffix on a word long enough to carry it ("firefighter",
    "shopkeeper", "machinist", "electrician")."""
    if any(word.endswith(end) and len(word) > len(end) + 2 for end in _PERSON_ENDINGS):
        return True
    return any(
        word.endswith(end) and len(word) >= len(end) + least for end, least in _PERSON_SUFFIXES
    )


def _agent_of_person_verb(head: Token) -> bool:
    """An "-er"/"-or" noun, not one of :data:`_NOT_AGENTS`, that is the subject of a
    verb only people do ("The welder disagreed")."""
    word = head.lower_
    if not _AGENT.fullmatch(word) or word in _NOT_AGENTS:
        return False
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return head.head.lemma_.lower() in _PERSON_VERBS
