"""Own documents (issue 12), a reviewer's false attributions on invented pages: each put
one person's name on another's words (a letters page credited to its last signer, the
reporter's "we" after a lead-in, an interview's questions, a live blog's later entries,
a headline "Statement on ..." over a report, a reporter's paragraph ending in a post's
credit line)."""

from __future__ import annotations

from typing import SupportsIndex

from newsprism.model import Article
from newsprism.reconcile.own_documents import _Page
from newsprism.reconcile.roster import story_names
from tests.test_own_documents import _article, _direct, _material, _units

_PEOPLE = ["Lene Brandt", "Jane Holm", "Tom Berg", "Ann Lee", "Anna Berg"]


def _said(text: str) -> list[tuple[str | None, str]]:
    units = _units(_material(_article("Courier", text, people=_PEOPLE)))
    return [(u.speaker, u.text) for u in units]


def test_a_letters_page_gives_each_letter_to_its_own_signer() -> None:
    page = (
        "Letters to the editor\n\nDear Editor,\n\n"
        "I am dismayed that the Varna pool will shut; we swim there every morning.\n\n"
        "Yours faithfully,\n\nJane Holm\n\nDear Editor,\n\n"
        "I back the council. We cannot fund a pool that stands empty all winter.\n\n"
        "Regards,\n\nTom Berg\nVarna"
    )
    said = {text: speaker for speaker, text in _said(page)}
    assert (
        said["I am dismayed that the Varna pool will shut; we swim there every morning."]
        == "Jane Holm"
    )
    assert said["I back the council."] == "Tom Berg"
    assert said["We cannot fund a pool that stands empty all winter."] == "Tom Berg"


def test_salutations_sharing_one_sign_off_name_no_signer() -> None:
    page = (
        "Dear Editor,\n\nI want the Varna pool kept open for our children.\n\n"
        "Dear Editor,\n\nWe cannot fund a pool that stands empty all winter.\n\n"
        "Regards,\n\nTom Berg"
    )
    # Whose letter ends at the sign-off is unknown: neither is given a signer, and an
    # unnamed letter gives no unit (it would pair with whoever said something like it).
    assert _said(page) == []


def test_a_lead_in_block_stops_before_the_reporter_s_own_we() -> None:
    page = (
        "Mayor Lene Brandt spoke about the pool on Tuesday. Brandt said:\n\n"
        "We will not reopen the pool this year.\n\n"
        "As we reported last week, the council has a hole of two million and we asked "
        "the mayor for the figures.\n\n"
        "I think you know the rest.\n\n"
        "The opposition called the plan a fantasy."
    )
    assert _said(page) == [("Lene Brandt", "We will not reopen the pool this year.")]


def test_a_lead_in_block_ends_at_its_first_line_not_in_the_speaker_s_voice() -> None:
    page = (
        "Lene Brandt wrote to the council on Monday:\n\n"
        "We will not reopen the pool this year.\n\n"
        "The pool lost money for a decade.\n\n"
        "We ran the numbers again and you will not like them."
    )
    assert _said(page) == [("Lene Brandt", "We will not reopen the pool this year.")]


def test_an_interview_s_questions_and_answers_are_no_document() -> None:
    pages = [
        "Mayor Lene Brandt met reporter Anna Berg this week. Berg asked her the following:"
        "\n\nWhy did you shut the pool when you promised us to keep it?\n\n"
        "We had no money left. I made the call myself.",
        "Lene Brandt spoke at the press conference, and this is what was said:\n\n"
        "REPORTER: Will you resign?\n\nBRANDT: I will not. We did nothing wrong.",
        "Lene Brandt gave the Courier an interview. She told us the following:\n\n"
        "Q: Do you regret it?\n\nA: I regret nothing, and we would do it again.",
    ]
    for page in pages:
        assert _said(page) == [], page


def test_a_live_blog_s_next_entry_is_not_the_lead_in_s_block() -> None:
    page = (
        "Live: storm hits the coast\n\n10:32 a.m.: Lene Brandt said:\n\n"
        "We have closed the quay and we ask you to stay inside.\n\n"
        "10:45 a.m.: Our reporter on the quay says we can see waves over the wall.\n\n"
        "11:00 a.m.: Ferries cancelled."
    )
    assert _said(page) == [
        ("Lene Brandt", "We have closed the quay and we ask you to stay inside.")
    ]


def test_a_lead_in_without_a_named_speaker_gives_no_unit() -> None:
    page = (
        "The minister spoke to reporters on Tuesday. She said:\n\n"
        "We will not raise taxes this year."
    )
    assert _said(page) == []


def test_a_quote_s_speaker_still_names_an_unnamed_lead_in() -> None:
    page = (
        "The minister spoke on Tuesday. She said:\n\n"
        "We will not raise taxes this year.\n\nWe will cut the ferry fares instead."
    )
    quote = _direct(page, "We will not raise taxes this year.", "Lene Brandt")
    units = _units(_material(_article("Courier", page, [quote], ["Lene Brandt"])))
    assert [(u.speaker, u.text) for u in units] == [
        ("Lene Brandt", "We will cut the ferry fares instead.")
    ]


def test_a_headline_statement_on_over_a_bylined_report_is_no_document() -> None:
    pages = [
        "Statement on the ferry strike\n\nBy Anna Berg, staff reporter\n\n"
        "The union told us on Monday that we should expect more strikes. Our readers "
        "have asked why the ferries stopped.",
        # No byline, but the prose is the reporter's ("told us", "our readers").
        "Statement on the ferry strike\n\nThe union told us on Monday that we should "
        "expect more strikes.",
    ]
    for page in pages:
        assert _said(page) == [], page


def test_a_release_s_prose_must_speak_in_its_issuer_s_voice() -> None:
    page = (
        "Harbour Board Press Release\n\n"
        "The ferry strike ended on Monday after nine days, the union said.\n\n"
        "###"
    )
    assert _said(page) == []


def test_a_reporter_s_paragraph_ending_in_a_post_credit_is_no_post() -> None:
    credit = " — Ann Lee (@annlee) March 3, 2031"
    reported = (
        "Police said the suspect fled on foot toward the river and we saw officers "
        "search the bank." + credit
    )
    assert _said(reported) == []
    long = "We watched the ferries idle at the quay all day. " * 7 + credit
    assert _said(long.strip()) == []
    # A post's own words are still its author's.
    assert _said("We saw officers search the river bank at dawn." + credit) == [
        ("Ann Lee", "We saw officers search the river bank at dawn.")
    ]


class _Counted(str):
    """A page text that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        found = str.__getitem__(self, key)
        _Counted.copied += len(found)
        return found


def test_reading_posts_copies_each_line_a_bounded_number_of_times() -> None:
    lines = [f"Ferry {k} sails at dawn — Oskar Vell (@ovell) March 3, 2031" for k in range(400)]
    text = "\n".join(lines)
    article, analysis = _article("Courier", text)
    counted = Article(article.id, article.source, _Counted(text), outlet=article.outlet)
    material = _material((counted, analysis))
    page = _Page(material, counted, [], story_names(material))
    _Counted.copied = 0
    blocks = page._posts()
    assert len(blocks) == 400
    # Each line is read a few times; slicing the page from each line on is quadratic.
    assert _Counted.copied < 10 * len(text)
    first = blocks[1]
    start = page.lines[1][0]
    assert text[start : first.stop] == "Ferry 1 sails at dawn"


def test_a_lead_in_s_writer_is_the_name_no_preposition_governs() -> None:
    # The analysis found no quote in the block: the speaker comes from the lead-in's
    # names, and the one addressed ("Responding to Mayor ...") is not the writer.
    for lead_in in (
        "Responding to Mayor Lene Brandt, Tom Berg wrote:",
        "In a letter to Lene Brandt, Tom Berg wrote:",
        "Lene Brandt closed the pool on Monday. Tom Berg replied, writing:",
        "Tom Berg, responding to Mayor Lene Brandt, wrote:",
        # The name after a title holding "of", a date or "by" is the writer.
        "Secretary of State Tom Berg wrote:",
        "Director of Friends of the Earth Tom Berg wrote:",
        "On Monday Tom Berg wrote:",
        "Posted by Tom Berg on Monday:",
        "A letter signed by Tom Berg reads:",
    ):
        page = f"{lead_in}\n\nI have swum in the Varna pool since I was a boy.\n\nThe end."
        assert _said(page) == [("Tom Berg", "I have swum in the Varna pool since I was a boy.")]
