"""Picture furniture of broadcaster pages (BBC style) leaves the body: "Image copyright
Jane Roe/Agency Image caption Firefighters at the scene", "Image source, Agency, Image
caption, ...", "Media playback is unsupported on your device Media caption ...", "Getty
Images", with or without a line break before the story's sentence. The credit is kept as
a photo_credit, the caption as a caption. Where the run's end is unclear the line stays
whole: a caption kept is better than a sentence of the story lost. All texts invented."""

from __future__ import annotations

import time

import pytest

from newsprism.ingest.clean import clean_scraped_text

BEFORE = "The council agreed with the plan after a long debate on Tuesday evening."
AFTER = "Residents of the valley were told to keep their windows shut until Friday."
LEDE = "The fire started in the kitchen of the old mill late on Sunday night."


def _clean(middle: str) -> tuple[str, list[tuple[str, str]]]:
    cleaned = clean_scraped_text(f"Mill fire in Sennik\n\n{BEFORE}\n\n{middle}\n\n{AFTER}")
    return cleaned.text, [(r.line, r.reason) for r in cleaned.removed if r.reason != "title"]


def _body(*paragraphs: str) -> str:
    return "\n\n".join([BEFORE, *paragraphs, AFTER])


CREDIT = "Image copyright Jane Roe/Agency"
CAPTION = "Image caption Firefighters at the scene on Monday"


@pytest.mark.parametrize(
    "middle",
    [
        f"{CREDIT} {CAPTION} {LEDE}",  # all on one line
        f"{CREDIT}\n{CAPTION}\n{LEDE}",  # a line each, one block
        f"{CREDIT} {CAPTION}\n\n{LEDE}",  # the run alone, then the paragraph
    ],
)
def test_a_credit_and_caption_run_leaves_the_body_and_the_lede_stays(middle: str) -> None:
    text, removed = _clean(middle)
    assert text == _body(LEDE)
    assert removed == [(CREDIT, "photo_credit"), (CAPTION, "caption")]


def test_the_new_style_labels_with_commas() -> None:
    text, removed = _clean(
        "Image source, Nordlicht Agency, Image caption, Firefighters at the scene on Monday " + LEDE
    )
    assert text == _body(LEDE)
    assert removed == [
        ("Image source, Nordlicht Agency", "photo_credit"),
        ("Image caption, Firefighters at the scene on Monday", "caption"),
    ]


def test_a_stock_credit_before_a_caption_label() -> None:
    text, removed = _clean(f"Jane Roe/Getty Images {CAPTION} {LEDE}")
    assert text == _body(LEDE)
    assert removed == [("Jane Roe/Getty Images", "photo_credit"), (CAPTION, "caption")]


def test_media_playback_and_its_caption_leave_the_body() -> None:
    run = "Media playback is unsupported on your device"
    caption = "Media caption Jane Roe walks along the fence and notes some weak points"
    text, removed = _clean(f"{run} {caption}")
    assert text == _body()
    assert removed == [(run, "image_placeholder"), (caption, "caption")]


def test_media_playback_glued_to_the_lede() -> None:
    run = "Media playback is unsupported on your device"
    text, removed = _clean(f"{run} {LEDE}")
    assert text == _body(LEDE)
    assert removed == [(run, "image_placeholder")]


@pytest.mark.parametrize(
    "line",
    ["Getty Images", "Jane Roe/Getty Images", "Getty Images / JANE ROE / Contributor"],
)
def test_a_stock_agency_credit_line_is_a_photo_credit(line: str) -> None:
    text, removed = _clean(line)
    assert text == _body()
    assert removed == [(line, "photo_credit")]


@pytest.mark.parametrize(
    ("credit", "lede"),
    [
        ("Getty Images", "Firefighters battled the blaze in the old mill until early on Monday."),
        ("Image copyright PA", "Police said the fire started in the kitchen of the old mill."),
        ("Image copyright Jane Roe/Agency", None),
    ],
)
def test_a_credit_glued_to_the_lede_or_alone(credit: str, lede: str | None) -> None:
    text, removed = _clean(f"{credit} {lede}" if lede else credit)
    assert text == (_body(lede) if lede else _body())
    assert removed == [(credit, "photo_credit")]


# --- the line stays whole where the run's end is unclear, or it is no run at all ----------


@pytest.mark.parametrize(
    "line",
    [
        # The caption has a sentence end: is "The fire started ..." caption or story?
        f"{CREDIT} Image caption Firefighters at the scene. {LEDE}",
        # No sentence-starting word where the story could start: it may be all caption,
        # or a caption and the story's sentence.
        f"{CREDIT} Image caption Firefighters at the scene on Monday fire crews said the "
        "blaze in the kitchen of the old mill started late on Sunday night.",
        # A caption with a full stop alone on its line: the same doubt.
        "Image caption Crews at the scene Fire tore through the old mill on Sunday.",
        # Two places the story could start.
        f"{CAPTION} The crews said the fire started after He left the kitchen at night.",
        # A glued rest too short to be the story's sentence.
        "Image caption Crews at the scene on Monday The area was sealed",
        # A credit in plain words glued to the lede: where does the credit end?
        "Image copyright Reuters Prime Minister Jane Roe said the mill would be rebuilt.",
    ],
)
def test_an_unclear_run_stays_whole(line: str) -> None:
    text, removed = _clean(line)
    assert text == _body(line)
    assert removed == []


@pytest.mark.parametrize(
    "line",
    [
        # A credit before the next label that is no name: the story's sentence.
        "Image copyright PA Police said 40 people were held overnight. "
        "Image caption The scene on Monday",
        # Story sentences between a caption and the next label, no clear place to split.
        "Media playback is unsupported on your device Media caption Watch the moment the "
        "bridge fell Engineers had warned for years that the bridge was unsafe. Residents "
        "said nothing was done. Image copyright PA Image caption The bridge in 2010 The "
        "council said it would review the case.",
        # A clause glued after the caption, before the next label: too short to split off.
        "Image caption Crowds in the square on Monday The police said they had arrested "
        "40 people in the capital Image copyright AFP",
    ],
)
def test_story_text_before_the_next_label_stays(line: str) -> None:
    text, removed = _clean(line)
    assert text == _body(line)
    assert removed == []


def test_a_caption_before_the_next_label_splits_at_a_clear_story_start() -> None:
    story = "The crews said the fire started in the kitchen of the old mill."
    text, removed = _clean(f"{CAPTION} {story} {CREDIT}")
    assert text == _body(story)
    assert removed == [(CAPTION, "caption"), (CREDIT, "photo_credit")]


def test_a_caption_that_goes_on_on_the_next_line_stays() -> None:
    wrapped = "Image caption Firefighters at the scene on Monday as the\nroof of the mill fell in."
    text, removed = _clean(wrapped)
    assert removed == []
    assert "roof of the mill fell in." in text


@pytest.mark.parametrize(
    "line",
    [
        "Image caption software is improving fast, researchers said at the fair on Monday.",
        "Image copyright law was changed in 2019, the minister told the council on Monday.",
        "The image caption contest drew forty entries from the valley, organisers said.",
        "Firefighters said an image of the mill on fire was shared 4,000 times on Monday.",
        "The photo agency Getty Images said it had sold the pictures to three newspapers.",
        "Media reports said the fire started in the kitchen of the old mill on Sunday.",
    ],
)
def test_a_sentence_that_mentions_images_or_captions_stays(line: str) -> None:
    text, removed = _clean(line)
    assert text == _body(line)
    assert removed == []


def test_the_removed_pieces_keep_their_line_numbers_in_order() -> None:
    raw = f"Mill fire in Sennik\n\n{BEFORE}\n\n{CREDIT} {CAPTION} {LEDE}\n\n{AFTER}"
    cleaned = clean_scraped_text(raw)
    assert [(r.reason, r.line_number) for r in cleaned.removed] == [
        ("title", 1),
        ("photo_credit", 5),
        ("caption", 5),
    ]


def test_a_long_line_of_capitalised_words_is_quick() -> None:
    line = " ".join(["Jane Roe/Getty"] * 400 + ["Images The"] * 400)
    began = time.perf_counter()
    clean_scraped_text(f"{BEFORE}\n\n{line}\n\nImage caption {line}")
    assert time.perf_counter() - began < 0.5
