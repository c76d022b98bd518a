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
    },
    {"Joren Vass": "PERSON", "Harbour Police": "ORG", "One Way Transit": "ORG"},
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
