"""A quotation broken by a single line break inside its sentence is one quotation
(analyze.quote_marks pairs marks a paragraph at a time, and took each line for a
paragraph: '"We lost' and 'Twelve homes ...," she said' gave the quote its second half
only, when the analyzer got raw text). A line that ends a sentence still ends the
paragraph: an open-ended quote carried on at the next paragraph stays as it was.
Invented texts."""

from __future__ import annotations

import pytest

from newsprism.analyze.quote_marks import find_quote_spans


def _quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"We lost\nTwelve homes in one night," Mayor Tove Brand said.', "We lost\nTwelve homes"),
        ("\u201cThe pier\nwill\nReopen in May,\u201d she said.", "The pier\nwill\nReopen in May,"),
    ],
)
def test_a_quote_across_a_break_inside_its_sentence_is_one(text: str, quoted: str) -> None:
    (found,) = _quoted(text)
    assert found.startswith(quoted)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # A quote carried on at the next paragraph (reopened there): two quotations.
        (
            '"We will rebuild.\n"It takes time," Mayor Tove Brand said.',
            ["We will rebuild.", "It takes time,"],
        ),
        # Quotes closed on their lines, and a blank line between.
        (
            '"We will rebuild," she said\n"It takes time," he said.',
            ["We will rebuild,", "It takes time,"],
        ),
        ('"We will rebuild the\n\nNorth Pier," she said.', ["We will rebuild the", "North Pier,"]),
    ],
)
def test_other_breaks_keep_their_quotes_apart(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # The next line holds a quote of its own: joined, the open quote's mark would be
        # skipped as a stray, and its words lost.
        (
            'Lind called the plan "a disgrace for Orsk\nHale replied: "We will appeal on Monday."',
            ["a disgrace for Orsk", "We will appeal on Monday."],
        ),
        (
            'Lind said the vote was "rigged by\nKelmar officials say "the count was fair."',
            ["rigged by", "the count was fair."],
        ),
        # The next line closes nothing: the open quote stays on its line.
        (
            'Lind called the plan "a disgrace for Orsk\nHale replied that they would appeal.',
            ["a disgrace for Orsk"],
        ),
    ],
)
def test_a_quote_left_open_before_a_line_of_its_own_is_kept(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted
