"""Zero-width joiners that are part of what is written survive the Unicode repair: the
joiners inside an emoji sequence (a family emoji is one emoji, not three) and the joiners
and non-joiners of scripts that spell with them (Persian, Devanagari). Stray ones still go,
as do zero-width spaces. Bidi controls follow one rule in a title and in the body: both
keep them as written (the renderers isolate them for display)."""

from __future__ import annotations

import pytest

from newsprism.ingest.clean import clean_scraped_text
from newsprism.ingest.unicode import repair_text
from tests.conftest import BODY

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"  # white flag VS16 ZWJ rainbow
WOMAN_HEALTH_WORKER = "\U0001f469\U0001f3fd\u200d\u2695\ufe0f"  # skin tone ZWJ staff
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "mi-khaham", ZWNJ inside
DEVANAGARI = "\u0915\u094d\u200d\u0937"  # ka virama ZWJ ssa: a half form


@pytest.mark.parametrize(
    "written", [FAMILY, RAINBOW_FLAG, WOMAN_HEALTH_WORKER, PERSIAN, DEVANAGARI]
)
def test_a_joiner_that_is_part_of_the_text_is_kept(written: str) -> None:
    assert repair_text(f"Seen: {written} here") == f"Seen: {written} here"


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("dock\u200ders", "dockers"),
        ("a\u200d\U0001f468", "a\U0001f468"),  # a letter is no emoji
        ("\U0001f468\u200c\U0001f469", "\U0001f468\U0001f469"),  # a non-joiner joins nothing
        ("\U0001f468\u200b\U0001f469", "\U0001f468\U0001f469"),
        ("\u062e\u200d", "\u062e"),  # at the end of the line
        ("\u0915\u200dx", "\u0915x"),  # between two scripts
    ],
)
def test_stray_joiners_and_zero_width_spaces_still_go(text: str, repaired: str) -> None:
    assert repair_text(text) == repaired


def test_the_family_emoji_survives_cleaning() -> None:
    body = BODY.replace("after the vote.", f"after the vote {FAMILY}.")
    assert FAMILY in clean_scraped_text(body).text


def test_bidi_controls_are_kept_alike_in_title_and_body() -> None:
    override = "\u202eright to left\u202c"
    raw = f"Harbour board closes pier {override}\n\n" + BODY.replace("the vote.", override)
    cleaned = clean_scraped_text(raw)
    assert cleaned.title == f"Harbour board closes pier {override}"
    assert override in cleaned.text
