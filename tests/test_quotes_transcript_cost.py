"""Interview transcripts at scale (analyze/quote_transcripts.py): each quote was
checked against every turn of the text, so a transcript of thousands of turns took
seconds to minutes (quadratic); the turns are now found by bisection (timings in the
test's comment; no timed assertion). Invented text,
no parse needed: a transcript with no lead-in reads only the text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from newsprism.analyze.quote_drafts import Draft
from newsprism.analyze.quote_transcripts import transcript_drafts
from newsprism.analyze.speaker_resolution import SpeakerDoc

TURNS = 8000


@dataclass
class _Text:
    text: str


def _transcript() -> tuple[str, list[Draft]]:
    parts, drafts, at = [], [], 0
    for i in range(TURNS):
        question = f'Q: Brandt said "crane {i} was safe". Do you agree?\n\n'
        answer = f"A: No, crane {i} was never checked.\n\n"
        quote = question.index('"') + 1
        drafts.append(Draft(at + quote, at + quote + 16, True, None))
        parts += [question, answer]
        at += len(question) + len(answer)
    return "".join(parts), drafts


def test_a_long_transcript_s_quoted_questions_are_no_one_s() -> None:
    # 8,000 questions, each quoting a report: every quote is inside a question with no
    # speaker of its own, so all go. (Seconds belong in benchmarks, not here: this
    # took 2.6 s when each quote was checked against every turn, 0.12 s by bisection.)
    text, drafts = _transcript()
    assert transcript_drafts(cast(SpeakerDoc, _Text(text)), drafts) == []
