"""A speaker's own document printed by an outlet, as statement units.

An outlet prints a press release, an open letter or a police notice whole, or sets one
off after a lead-in ("Statement from the Harbour Police:"), with no quote marks: the
document speaks in its issuer's voice ("we have asked our crews to stay ashore"), so the
analysis finds no quote there, and another outlet's quote of one of its sentences (in
marks, credited to the issuer) pairs with nothing. :func:`own_document_units` reads
such passages as units, one per sentence, with the issuer as speaker where the page
names it. They are read from the page's layout, never from one outlet's words:

1. **Letter.** A salutation line ("Dear Councillor Brandt,") and the sign-off after it
   (a short closing line ending in a comma, "With respect,", then one to three short
   name lines ending the page or followed by the next letter's salutation): the lines
   between are the letter, its speaker the first name line under the sign-off; a
   letters page gives one letter per pair. A letter with only one of the two, or one of
   several salutations before a single sign-off (whose letter ends there is unknown:
   no speaker), runs from the salutation forward, or back from the sign-off, over the
   lines in the writer's voice (:func:`_voiced`: "I", "we", "you" outside quote marks,
   not the reporter's "as we reported", "told us": :data:`_REPORTER`) to the first line
   that is not, of reporting (:meth:`_Page._reporting`) or opening a live blog's entry.
2. **Release.** A header line among the page's first lines, short and unpunctuated,
   naming a document ("Harbour Board Press Release", "Statement from the Harbour
   Board", "Abstract"): the prose after the header lines is the issuer's, to an end mark
   ("###", "-30-"), a contact line (an e-mail address, a phone number) or the next
   short unpunctuated line (the contact block's first). The issuer is the name the
   header gives. Not under a byline ("By Anna Berg, staff reporter": a headline
   "Statement on the strike" over a report), and only where the prose speaks in the
   issuer's voice and nowhere in the reporter's.
3. **Lead-in.** A line ending in a colon that names a document or a speech ("Statement
   from the Harbour Police:", "Brandt addressed the council directly, writing:"): the
   lines straight after it in the speaker's voice, up to the first that is not (the
   analysis often reads the first as the lead-in's quote; the second, with no marks, it
   leaves). The speaker is that of a quote the analysis found in the lead-in or the
   block, else the name after "statement from", "letter by" ..., else the first person
   or organisation the lead-in names; a block with none is dropped (an unnamed block
   would pair with whoever said something like it). An interview or a transcript (a
   question, a line labelled "Q:" or "BRANDT:") after the lead-in is no document.
4. **Post.** A line that ends with a post's sign-off as pages print embedded posts
   ("... — Oskar Vell (@oskarvell) March 3, 2031"): the text before it, links left
   out, is the named author's (not when the line opens with a quote mark: a reply that
   quotes another post first holds two people's words; not a text longer than a post
   or one crediting others, "Police said ...": a reporter's paragraph with a credit).

A document of any kind whose issuer the page does not name gives no unit: an unnamed
document would pair with whoever said something like it (a third person's quote, at the
unresolved speakers' threshold). The reporter's own first person ("as we reported on
Monday", "a pilot we spoke to") is none of these: it stands in no letter, under no
header and after no lead-in. A unit is indirect (the outlet prints the words as its own,
as :mod:`newsprism.reconcile.printed_quotes` units), one per sentence of three words or
more outside every unit of the article (a sentence cut at a semicolon between two
clauses of six words or more: a writer joins two claims there that others quote
apart), in a group per line, so that step 3 of :mod:`newsprism.reconcile.statements`
rejoins the sentences of one paragraph where the quoting outlets quote them together.
Like the other added units, one is kept only where a unit of another source resembles
it.

Why :mod:`~newsprism.reconcile.printed_quotes` does not find these: it reads only quotes
credited to the printing outlet ("the Courier reported, '...'" and the Courier's page);
here the speaker is a person or a body, and the page that prints the document is any
outlet (on the Multi-News gold each file is its own source, named by nothing the quotes
say). Measured (``eval/multinews_gold.py --cache``, one change, same runs): Multi-News
development 21 -> 33 of 70 statement pairs lexical and dense (P 0.952 -> 0.973 / 0.972;
a letter printed whole, a press release, a police statement after its lead-in, a
letter's second paragraph after the block quote the analysis read, embedded posts);
exclusives unchanged; BASIL calibration, development and the held-out totals unchanged
(no page there holds such a document; the one a draft read, a blog's quotation in marks
followed by the blogger's own first-person comment, is why a quotation in marks after a
lead-in ends the block). Cost: one pass over each article's lines and sentences.

Narrowed after a review found wrong names on words (a letters page credited whole to
its last signer, the reporter's "as we reported ... we asked" after a lead-in, an
interview's questions, a live blog's next entry, a headline "Statement on ..." over a
bylined report, a reporter's paragraph ending in a post's credit line): the rules above
name the limits. Measured the same way, before and after on the same analyses:
Multi-News development 55 -> 51 units (two lines of a police statement after its
lead-in that follow a paragraph not in its voice, two of a police post that says
"reported"), none of them in a gold pair: 33 of 70 pairs, P 0.973 / 0.972, unchanged;
BASIL calibration 133/172 (P 0.971) and development 67/96 (P 0.933) lexical unchanged.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from newsprism.model import Article
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames, story_names
from newsprism.reconcile.speaker_names import speaker_name
from newsprism.reconcile.statement_units import ADDED_GROUPS, TOKEN, Unit

logger = logging.getLogger(__name__)

__all__ = ["own_document_units"]

# Group numbers of these units (below the printed quotations' range).
_GROUP_BASE: Final = 4 * ADDED_GROUPS
_LINE: Final = re.compile(r"[^\n]+")
# A sentence shorter than this (words) is no unit ("Hello.", "Thank you."), as a
# direct quote's piece (statements._MIN_PIECE_WORDS).
_MIN_WORDS: Final = 3
# Shortest clause (words) on either side of a semicolon for a sentence to be cut there:
# two claims, not a list ("apples; pears"); set by hand, not fitted.
_MIN_CLAUSE: Final = 6
_SEMICOLON: Final = re.compile(r";\s+")
# The longest line (words) read as a header, a sign-off or a name line: headers run to
# a headline's length; set by hand, not fitted.
_SHORT: Final = 10
# The longest name line (words): a person's name with titles ("Rev. Dr. Anna Maria
# Berg") or a body's ("Harbour Police Department of Kelmar"); set by hand from how
# letters and posts sign, not fitted on any gold set.
_NAME_LINE: Final = 6
# Lines at the page's top searched for a release header: a title, an outlet line, a
# dateline, a byline or a place line may come first; set by hand from the layout of
# printed releases, not fitted on any gold set.
_HEADER_LINES: Final = 6
# Lines a sign-off may hold under its closing line: a name, then a role and a place
# ("Jane Holm / Secretary / Harlow Residents' Association"); set by hand, not fitted.
_SIGNOFF_TAIL: Final = 3
# The longest post (characters) read as its author's: X's (Twitter's) limit since
# 2017; a longer text before a sign-off is a reporter's paragraph with a credit line.
_POST_CHARS: Final = 280
_PROSE_END: Final = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A header line that labels a document: "Statement from ...", "Open letter to ...",
# "Abstract", "... Press Release" (a headline that merely holds the word, "Police
# statement contradicts witness", is no label).
_LABEL: Final = re.compile(
    r"^(?:(?:joint\s+)?statement|open letter|abstract|(?:press|news|media) release)\b"
    r"|\b(?:press|news|media) release\s*:?$|^\S+(?:\s+\S+){0,5}\s+statement\s+on\b",
    re.IGNORECASE,
)
# "Statement from X", "a letter by X": the document's issuer ("released from Ardmoor
# Prison, wrote:" names no issuer).
_FROM: Final = re.compile(
    r"\b(?i:statements?|letter|release|message|post|notice|note)\s+(?:from|by)\s+"
    r"(?:the\s+)?(?P<name>[^\W\d_][^,:;()]*)"  # capitalised: checked by _Page._name
)
_BEFORE: Final = re.compile(
    r"^(?P<name>[A-Z][^,:;()]*?)(?:'s|’s)?\s+(?:(?:press|news|media) release|statement)\b",
    re.IGNORECASE,
)
# Names open with a capital of any script ("Dear Łukasz,", "Ærligt,", "Örjan Nyström"):
# ``cap`` is one letter, checked upper case by :func:`_capitalised` (``re`` has no class
# of upper-case letters beyond ASCII).
_SALUTATION: Final = re.compile(r"^\s*(?:Dear|To)\s+(?P<cap>[^\W\d_])[^\n]{0,60},\s*$")
_CLOSING: Final = re.compile(r"^\s*(?P<cap>[^\W\d_])[\w'’ ,-]{1,60},\s*$")
_END_MARK: Final = re.compile(r"^\s*(?:#{3}|-30-|-?\s*ENDS?\s*-?)\s*$")
_CONTACT: Final = re.compile(r"\S+@\S+\.\w+|\(?\d{3}\)?[ .-]\d{3}-\d{4}")
# A document word or a verb of writing or speech ending a lead-in.
_LEAD_WORDS: Final = re.compile(
    r"\b(?:statements?|letter|release|notice|message|post|posted|tweet(?:ed)?|wrote|writes"
    r"|writing|said|says|saying|stated|stating|reads?|reading|added|continued|following"
    r"|explained|announced|told|tells)\b",
    re.IGNORECASE,
)
# The speaker's voice: first or second person outside quote marks ("US" is a country).
_VOICE: Final = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e're|[Ww]e’re"
    r"|[Ww]e've|[Ww]e’ve|us|[Oo]ur|[Oo]urs|[Yy]ou|[Yy]our|[Yy]ours)\b(?![.’'-]\w)"
)
# A post's sign-off as embedded posts print it: " — Name (@handle) May 27, 2014".
_POST: Final = re.compile(r"\s[—–-]\s*(?P<name>[^()\n—–]{2,60}?)\s*\(@\w{1,30}\)[^\n]{0,40}$")
# Links a post ends with, before its sign-off.
_LINKS: Final = re.compile(r"(?:\s+(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
_SENTENCE_END: Final = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[A-Z])")
# A name's object position: a preposition of the one addressed or opposed, then only
# titles or "the" ("to Mayor", "with the", "against Harbour Minister") up to the name
# (searched up to its start). Not "of", "by", "from", "on": "Secretary of State Berg
# wrote:", "Posted by Berg", "On Monday Berg wrote:" name the writer.
_GOVERNED: Final = re.compile(
    r"\b(?i:to|with|against|at|for|about|toward|towards)"
    r"(?:\s+(?:the|[A-Z][\w.'’-]*))*?\s+$"
)
_QUOTED: Final = re.compile(r"[“\"][^“”\"]*[”\"]")
_MARKS: Final = re.compile(r"[“”\"]")
_NAME_WORD: Final = re.compile(r"^(?:(?P<cap>[^\W\d_])[\w.'’-]*|of|the|for|and|de|van|von)$")
_KINDS: Final = frozenset({"PERSON", "ORG"})
# The reporter's own first person, which no document holds: "as we reported", "we
# asked the mayor", "she told us", "our reporter", "our readers".
_REPORTER: Final = re.compile(
    r"\b(?:as\s+(?:we|I)\s+(?:have\s+|had\s+)?(?:reported|revealed|wrote|disclosed)"
    r"|we\s+(?:asked|contacted|reached)|(?:told|said\s+to|wrote\s+to)\s+us"
    r"|(?:spoke|speaking|talked)\s+(?:to|with)\s+us"
    r"|our\s+(?:reporters?|correspondents?|readers?|reporting)"
    r"|(?:this|our)\s+(?:newspaper|paper|website|site|programme|program|station))\b",
    re.IGNORECASE,
)
# A line of a Q&A or a transcript: a question, or a line opening with a speaker's
# label ("Q:", "REPORTER:", "Mayor Brandt:"); its words are two people's.
_QUESTION: Final = re.compile(r"\?[\"'”’)\]]*\s*$")
_LABELLED: Final = re.compile(r"^(?:[QA]|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s*\S")
# A line opening with a time, as live blogs print their entries ("10:45 a.m.:",
# "14:05 -", "9 p.m.:"): a new entry, the reporter's.
_TIMESTAMP: Final = re.compile(
    r"^\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
    r"(?:\s*(?:[A-Z]{2,4}T|GMT|UTC))?\s*[:\-—–|]",
    re.IGNORECASE,
)
# A byline among a page's first lines ("By Anna Berg, staff reporter"): the page is a
# reporter's article, whatever its headline says.
_BYLINE: Final = re.compile(
    r"^\s*By\s+[A-Z]|\b(?:staff|senior|political|chief)\s+(?:reporter|writer|correspondent)\b"
    r"|\b(?:reporter|correspondent|staff writer)\s*$"
)
# A verb crediting someone with words ("Police said the suspect fled"): text holding
# one is a report, not the words of the post's author.
_REPORTED: Final = re.compile(
    r"\b(?:said|says|told|tells|stated|states|according\s+to|reported|reports|announced"
    r"|added|claimed|claims)\b",
    re.IGNORECASE,
)
# A speaker: (roster name, the words the page names it by).
Named = tuple[str, str]


@dataclass(frozen=True)
class _Block:
    """Lines ``first`` to ``last`` (indices) of an article, one speaker's document;
    ``speaker`` its issuer (roster name and the words the page names it by), or None."""

    first: int
    last: int
    speaker: Named | None
    stop: int | None = None  # where the document ends in its last line (a post's sign-off)


def own_document_units(
    material: StoryMaterial, units: Sequence[Unit], names: StoryNames | None = None
) -> list[Unit]:
    """The sentences of documents the story's articles print in their issuers' voice
    (see the module doc) that overlap none of the ``units``, as indirect units, in story
    order."""
    names = names if names is not None else story_names(material)
    taken: dict[str, list[Unit]] = {}
    for unit in units:
        taken.setdefault(unit.article, []).append(unit)
    found: list[Unit] = []
    for index, article in enumerate(material.articles):
        if material.analysis(article.id) is None:
            continue
        page = _Page(material, article, taken.get(article.id, []), names)
        for block in page.blocks():
            if block.speaker is None:
                continue  # an unnamed document would pair with whoever said something like it
            found += page.document_units(index, block, _GROUP_BASE - len(found))
    if found:
        logger.debug("%d sentences of documents printed in their issuers' voice", len(found))
    return found


class _Page:
    """One article's lines and what the analysis found in them."""

    def __init__(
        self, material: StoryMaterial, article: Article, units: Sequence[Unit], names: StoryNames
    ) -> None:
        self.material = material
        self.article = article
        self.known = units
        self.names = names
        self.lines = [m.span() for m in _LINE.finditer(article.text) if m.group().strip()]
        self.line_starts = [start for start, _ in self.lines]
        analysis = material.analysis(article.id)
        quotes = analysis.quotes if analysis is not None else ()
        self.cues = sorted(q.cue_start for q in quotes if q.cue_start is not None)
        # Units by start, with the furthest end reached so far: a span meets a unit when
        # the units starting before its end reach past its start (a look-up per
        # sentence, not a pass over every unit of a page of hundreds).
        spans = sorted((u.start, u.end) for u in units)
        self.starts = [a for a, _ in spans]
        self.reach = list(itertools.accumulate((b for _, b in spans), max))
        self.sentences = sorted(material.sentences(article.id), key=lambda s: s.start)
        self.sentence_starts = [s.start for s in self.sentences]
        self.sentence_reach = list(itertools.accumulate((s.end for s in self.sentences), max))

    def text(self, line: int) -> str:
        start, end = self.lines[line]
        return self.article.text[start:end].strip()

    # --- finding the blocks ---------------------------------------------------------

    def blocks(self) -> list[_Block]:
        found = [*self._letters(), *self._releases(), *self._lead_ins(), *self._posts()]
        kept: list[_Block] = []
        # By first line, the longest first: a block overlaps one kept before it exactly
        # when it starts by the furthest line kept so far (one comparison per block).
        reached = -1
        for block in sorted(found, key=lambda b: (b.first, -b.last)):
            if block.first > reached:
                kept.append(block)
                reached = block.last
        return kept

    def _letters(self) -> list[_Block]:
        """One letter per salutation and the sign-off after it (a letters page prints
        several); a letter with only one of the two runs to the nearest reporting."""
        salutations = [k for k in range(len(self.lines)) if _capitalised(_SALUTATION, self.text(k))]
        signoffs = self._signoffs(salutations)
        found: list[_Block] = []
        previous = -1  # the last line of the letter before
        for closing, name in signoffs:
            opened = salutations[
                bisect.bisect_right(salutations, previous) : bisect.bisect_left(
                    salutations, closing
                )
            ]
            if len(opened) == 1:
                found += self._letter(opened[0], closing, self._name(self.text(name)))
            else:
                # Several salutations share one sign-off: whose letter ends there is
                # unknown, so each is read as a letter without a sign-off (no speaker).
                # With none, the letter is read back from its sign-off.
                for k in opened:
                    found += self._letter(k, None, None)
                if not opened:
                    found += self._letter(None, closing, self._name(self.text(name)))
            previous = name
        found += [b for k in salutations if k > previous for b in self._letter(k, None, None)]
        return found

    def _letter(
        self, salutation: int | None, closing: int | None, speaker: Named | None
    ) -> list[_Block]:
        span = self._letter_span(salutation, closing)
        if span is None or not any(_voiced(self.text(k)) for k in range(span[0], span[1] + 1)):
            return []
        return [_Block(*span, speaker)]

    def _letter_span(self, salutation: int | None, closing: int | None) -> tuple[int, int] | None:
        """The letter's lines between its salutation and its sign-off's closing line;
        with one of them only, the lines in the writer's voice next to it, up to the
        first that is not (:meth:`_voiced_run`)."""
        if salutation is not None and closing is not None:
            first, last = salutation + 1, closing - 1
        elif salutation is not None:
            if salutation + 1 >= len(self.lines):
                return None
            found = self._voiced_run(salutation + 1, self._reach(salutation + 1, 1), 1)
            first, last = salutation + 1, found if found is not None else -1
        elif closing is not None:
            found = self._voiced_run(closing - 1, self._reach(closing - 1, -1), -1)
            first, last = found if found is not None else closing, closing - 1
        else:
            return None
        return (first, last) if first <= last else None

    def _signoffs(self, salutations: Sequence[int]) -> list[tuple[int, int]]:
        """(closing line, first name line) of each sign-off: a short line ending in a
        comma, then one to :data:`_SIGNOFF_TAIL` short name lines ending the page or
        followed by the next letter's salutation."""
        found: list[tuple[int, int]] = []
        ends = [*salutations, len(self.lines)]
        for k in range(len(self.lines) - 1):
            closing = self.text(k)
            if (
                not _capitalised(_CLOSING, closing)
                or len(closing.split()) > _NAME_LINE
                or _capitalised(_SALUTATION, closing)
            ):
                continue
            stop = ends[bisect.bisect_right(ends, k)]
            if not 0 < stop - k - 1 <= _SIGNOFF_TAIL:
                continue
            tail = [self.text(j) for j in range(k + 1, stop)]
            if _name_like(tail[0]) and not any(_prose(t) for t in tail):
                found.append((k, k + 1))
        return found

    def _releases(self) -> list[_Block]:
        header = [k for k in range(min(_HEADER_LINES, len(self.lines))) if _header(self.text(k))]
        found = [k for k in header if _LABEL.search(self.text(k))]
        if not found:
            return []
        first = found[-1] + 1
        while first < len(self.lines) and _header(self.text(first)):
            first += 1
        last = first - 1
        for k in range(first, len(self.lines)):
            line = self.text(k)
            if _END_MARK.match(line) or _CONTACT.search(line) or not _prose(line) or _entry(line):
                break
            last = k
        if last < first or any(_BYLINE.search(self.text(k)) for k in range(first)):
            return []  # a byline: a reporter's article under a headline ("Statement on ...")
        # The prose must speak in the issuer's voice somewhere, even under a label ("a
        # headline 'Statement on the strike' over a report"), and never the reporter's.
        body = [self.text(k) for k in range(first, last + 1)]
        if not any(_voiced(t) for t in body) or any(_REPORTER.search(t) for t in body):
            return []
        speaker = next(
            (s for k in range(first) if (s := self._issuer(self.text(k))) is not None), None
        )
        return [_Block(first, last, speaker)]

    def _lead_ins(self) -> list[_Block]:
        found: list[_Block] = []
        for k in range(len(self.lines) - 1):
            line = self.text(k)
            if not line.endswith(":") or not _LEAD_WORDS.search(_last_sentence(line)):
                continue
            # A quotation in marks after the lead-in ends at its closing mark: the
            # unmarked lines after it are the reporter's again.
            if _MARKS.search(self.text(k + 1)):
                continue
            reach = self._reach(k + 1, 1)
            # An interview or a transcript (questions, labelled lines) is two people's.
            if any(_dialogue(self.text(j)) for j in range(k + 1, reach + 1)):
                continue
            last = self._voiced_run(k + 1, reach, 1)
            if last is None:
                continue
            # A block whose speaker the page does not name is nobody's statement: left
            # unnamed, it pairs with whoever said something like it.
            speaker = self._lead_speaker(k, last)
            if speaker is not None:
                found.append(_Block(k + 1, last, speaker))
        return found

    def _posts(self) -> list[_Block]:
        """Posts printed with their sign-off on the line: "... — Name (@handle) date"."""
        found: list[_Block] = []
        for k in range(len(self.lines)):
            line = self.text(k)
            signed = _POST.search(line)
            if signed is None or _MARKS.match(line):
                continue  # a reply quoting another post first is two people's words
            links = _LINKS.search(line, 0, signed.start())
            end = links.start() if links else signed.start()
            # A post is short and says its author's words: a longer paragraph, or one
            # crediting others ("Police said ..."), ends with the reporter's own credit.
            if end > _POST_CHARS or _REPORTED.search(_QUOTED.sub(" ", line[:end])):
                continue
            named = self._name(signed["name"])
            # The stripped line's offset, from its own text (not a search of the page
            # from the line on, which is quadratic on a page of many posts).
            begin, finish = self.lines[k]
            raw = self.article.text[begin:finish]
            start = begin + len(raw) - len(raw.lstrip())
            found.append(_Block(k, k, named, start + end))
        return found

    def _reach(self, line: int, step: int) -> int:
        """The last line from ``line`` (going by ``step``) before a line of reporting,
        a lead-in or a line that is not prose; the first line is always reached."""
        end = line
        k = line + step
        while 0 <= k < len(self.lines):
            text = self.text(k)
            if self._reporting(k) or text.endswith(":") or not _prose(text) or _entry(text):
                break
            end = k
            k += step
        return end

    def _reporting(self, line: int) -> bool:
        """Whether a line reports: it holds quote marks or a quote of the analysis whose
        reporting verb lies in it."""
        start, end = self.lines[line]
        if _MARKS.search(self.article.text, start, end):
            return True
        at = bisect.bisect_left(self.cues, start)
        return at < len(self.cues) and self.cues[at] < end

    def _voiced_run(self, first: int, bound: int, step: int) -> int | None:
        """The last of the lines from ``first`` towards ``bound`` (by ``step``) in the
        speaker's voice, up to the first line that is not or that holds the reporter's
        own voice ("as we reported", "we asked"); ``first`` also counts when it holds a
        unit (the analysis read it as the lead-in's quote). None when ``first`` fails."""
        last = None
        for k in range(first, bound + step, step):
            text = self.text(k)
            voiced = _voiced(text) or (k == first and self._holds_unit(k))
            if not voiced or _REPORTER.search(text):
                break
            last = k
        return last

    def _holds_unit(self, line: int) -> bool:
        return self._taken(*self.lines[line])

    # --- speakers -------------------------------------------------------------------

    def _lead_speaker(self, lead: int, last: int) -> Named | None:
        """A lead-in block's speaker: that of a unit in the lead-in or the block, else the
        name after "from"/"by", else the first person or organisation named there that no
        preposition governs (:meth:`_subject_named`)."""
        start, end = self.lines[lead][0], self.lines[last][1]
        spoken = [u for u in self.known if start <= u.start < end and u.speaker]
        if spoken:
            first = min(spoken, key=lambda u: u.start)
            assert first.speaker is not None
            return first.speaker, first.speaker_mention or first.speaker
        line = self.text(lead)
        named = _FROM.search(line)
        if named is not None and (name := self._name(named["name"])) is not None:
            return name
        # The lead-in's own sentence first ("Brandt rejected it on Monday. Lind replied,
        # writing:" is Lind's), else the line.
        start, end = self.lines[lead]
        opening = [m.end() for m in _SENTENCE_END.finditer(self.article.text, start, end)]
        if opening and (subject := self._subject_named(opening[-1], end)) is not None:
            return subject
        return self._subject_named(start, end)

    def _issuer(self, line: str) -> Named | None:
        """The issuer a header line names: "Statement from X", "X Press Release", "X
        statement on ...", or a header line that is a roster name."""
        for pattern in (_FROM, _BEFORE):
            found = pattern.search(line)
            if found is not None and (name := self._name(found["name"])) is not None:
                return name
        resolved = self.names.resolve(line)
        if resolved and self.names.types.get(resolved) in _KINDS:
            return resolved, line
        return None

    def _name(self, text: str) -> Named | None:
        """The roster name of a name line ("Mira Lind", "Harbour Police Department"), or
        the line itself when it is written as a name the roster lacks; None for other
        text."""
        words = text.strip().rstrip(",.:;").split()
        run: list[str] = []
        for word in words:
            if not _name_word(word):
                break
            run.append(word)
        while run and not run[-1][0].isupper():
            run.pop()  # "Harbour Board of" -> "Harbour Board"
        if len(run) > 1 and run[0] in ("The", "the"):
            run = run[1:]
        if not run or len(run) > _NAME_LINE or not run[0][0].isupper():
            return None
        written = " ".join(run)
        name = speaker_name(written, None, self.names)
        return (name, written) if name else None

    def _subject_named(self, start: int, end: int) -> Named | None:
        """The first person or organisation named in ``[start, end)`` (the lead-in's own
        sentence) that no preposition governs: in "Responding to Mayor Brandt, Minister
        Lind said:" or "In a letter to Brandt, Lind wrote:" the writer is Lind."""
        analysis = self.material.analysis(self.article.id)
        if analysis is None:
            return None
        for begin, finish, number in self.material.mentions_in(self.article.id, start, end):
            entity = analysis.entities[number]
            name = speaker_name(entity.name, None, self.names)
            governed = _GOVERNED.search(self.article.text, start, begin) is not None
            if entity.type in _KINDS and name and not governed:
                return name, self.article.text[begin:finish]
        return None

    # --- units ----------------------------------------------------------------------

    def document_units(self, index: int, block: _Block, group: int) -> list[Unit]:
        """The block's sentences (pieces within a line) outside every unit, one group per
        line, numbered down from ``group``."""
        found: list[Unit] = []
        line_groups: dict[int, int] = {}
        span = (self.lines[block.first][0], self.lines[block.last][1])
        if block.stop is not None:
            span = (span[0], min(span[1], block.stop))
        # Only the sentences that meet the span (a look-up, not a pass over the page's
        # sentences per block: a page of thousands of posts has thousands of blocks).
        first = bisect.bisect_right(self.sentence_reach, span[0])
        last = bisect.bisect_left(self.sentence_starts, span[1])
        for sentence in self.sentences[first:last]:
            if sentence.end <= span[0]:
                continue
            # A piece lies within one line (pieces are cut at line breaks).
            for piece in self.material.pieces(sentence):
                start, end = max(piece.start, span[0]), min(piece.end, span[1])
                if start >= end or self._taken(start, end):
                    continue
                line = bisect.bisect_right(self.line_starts, start) - 1
                number = line_groups.setdefault(line, group - len(line_groups))
                found += [
                    self._unit(index, number, clause, block.speaker)
                    for clause in _clauses(self.article.text, start, end)
                ]
        return found

    def _unit(self, index: int, group: int, span: tuple[int, int], speaker: Named | None) -> Unit:
        start, end = span
        return Unit(
            article=self.article.id,
            group=group,
            start=start,
            end=end,
            direct=False,
            text=self.article.text[start:end],
            speaker=speaker[0] if speaker else None,
            speaker_mention=speaker[1] if speaker else None,
            verbatim=(),
            order=(index, start),
        )

    def _taken(self, start: int, end: int) -> bool:
        """Whether the span overlaps a unit the page holds already."""
        before = bisect.bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence's span cut at semicolons into clauses of :data:`_MIN_CLAUSE` words or
    more each (a writer joins two claims there that others quote apart), spaces
    trimmed; clauses under :data:`_MIN_WORDS` words are left out."""
    bounds = [start]
    for match in _SEMICOLON.finditer(text, start, end):
        before = text[bounds[-1] : match.start()]
        after = text[match.end() : end]
        if min(len(TOKEN.findall(before)), len(TOKEN.findall(after))) >= _MIN_CLAUSE:
            bounds.append(match.end())
    found = []
    for a, b in zip(bounds, [*bounds[1:], end], strict=True):
        piece = text[a:b].rstrip("; ")
        stripped = piece.strip()
        if len(TOKEN.findall(stripped)) < _MIN_WORDS:
            continue
        begin = a + piece.index(stripped)
        found.append((begin, begin + len(stripped)))
    return found


def _prose(line: str) -> bool:
    """Whether a line is prose: it ends a sentence."""
    return _PROSE_END.search(line) is not None


def _header(line: str) -> bool:
    """Whether a line reads as a header: short, not ending a sentence."""
    return len(line.split()) <= _SHORT and not _prose(line)


def _last_sentence(line: str) -> str:
    """The line's last sentence, quoted text left out ("'...,' she said. Watch:" ends
    on "Watch:", which introduces no words of hers)."""
    free = _QUOTED.sub(" ", line)
    ends = list(_SENTENCE_END.finditer(free))
    return free[ends[-1].end() :] if ends else free


def _entry(line: str) -> bool:
    """Whether a line opens a live blog's entry or a transcript's turn (a time, a
    speaker's label): it is no part of the document before it."""
    return _TIMESTAMP.match(line) is not None or _LABELLED.match(line) is not None


def _dialogue(line: str) -> bool:
    """Whether a line is a question or a labelled turn of an interview or transcript."""
    return _QUESTION.search(line) is not None or _entry(line)


def _voiced(line: str) -> bool:
    """Whether a line speaks in the first or second person outside quote marks."""
    return _VOICE.search(_QUOTED.sub(" ", line)) is not None


def _name_like(line: str) -> bool:
    words = line.strip().rstrip(",.").split()
    return 0 < len(words) <= _NAME_LINE and all(_name_word(w) for w in words)


def _capitalised(pattern: re.Pattern[str], line: str) -> bool:
    """Whether ``pattern`` matches the start of ``line`` with its ``cap`` letter (when it
    took part) upper case."""
    found = pattern.match(line)
    return found is not None and (found["cap"] is None or found["cap"].isupper())


def _name_word(word: str) -> bool:
    """Whether a word can be part of a written name: capitalised in any script, or a
    particle names hold ("of", "van")."""
    return _capitalised(_NAME_WORD, word)
