"""Speaker labels that name no one person are left unresolved (issue 12): a group or an
unnamed member of one, and a photo caption's label read into the speaker. Names are
invented."""

from __future__ import annotations

from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.speaker_names import speaker_name

NAMES = StoryNames(
    {
        "joren vass": "Joren Vass",
        "vass": "Joren Vass",
        "harbour police": "Harbour Police",
        "one way transit": "One Way Transit",
        "copyright office": "Copyright Office",
        "office": "Office Depotia",
    },
    {
        "Joren Vass": "PERSON",
        "Harbour Police": "ORG",
        "One Way Transit": "ORG",
        "Copyright Office": "ORG",
        "Office Depotia": "ORG",
    },
)


def test_a_group_or_an_unnamed_member_is_no_speaker() -> None:
    for written in ("one Dockworker", "several leading Wardens", "other Wardens", "a Warden"):
        assert speaker_name(written, written, NAMES) is None


def test_a_name_the_roster_holds_is_kept_whatever_its_first_word() -> None:
    assert speaker_name("One Way Transit", "One Way Transit", NAMES) == "One Way Transit"
    assert speaker_name("Joren Vass", "Joren Vass", NAMES) == "Joren Vass"


def test_a_caption_label_before_the_speaker_is_dropped() -> None:
    label = "Image copyright KP Image caption Harbour Police"
    assert speaker_name(label, label, NAMES) == "Harbour Police"
    # An unknown word after the label names nobody of the story.
    assert speaker_name("Image caption Police", "Image caption Police", NAMES) is None


def test_a_name_with_a_label_word_is_no_caption() -> None:
    # Review finding 14: "Copyright Office" is a speaker, not a label before "Office".
    assert speaker_name("Copyright Office", "Copyright Office", NAMES) == "Copyright Office"
    # Not in the roster either: kept as written, not read through the label word.
    assert speaker_name("Caption Lenz", "Caption Lenz", NAMES) == "Caption Lenz"


def test_a_capitalised_article_before_a_name_may_be_a_given_name() -> None:
    # Review finding 14: "An" is a given name ("An Nguyen"), "A" an initial: a person
    # the roster does not hold is kept.
    assert speaker_name("An Thuy", "An Thuy", NAMES) == "An Thuy"
    assert speaker_name("A Lenz", "A Lenz", NAMES) == "A Lenz"
    # Written in lower case, or before a lower-case word, it is an article.
    assert speaker_name("an aide", "an aide", NAMES) is None
    assert speaker_name("An aide", "An aide", NAMES) is None
