"""The cleaning rules: what a line of scraped news text must look like to be debris.

:data:`RULES` is the ordered table :func:`newsprism.ingest.clean.clean_scraped_text`
applies: each :class:`Rule` names a kind of debris (menu, caption, share prompt, byline,
...), says in which :class:`Zone` of the page it may stand, and matches one line or a
run of lines. :func:`apply_rules` gives each line the name of the first rule that
removes it.

Speed: cleaning asks the same rule about the same line up to three times (to place the
zones, to find the headline, and for the final pass), so a :class:`Doc` remembers each
answer that does not depend on the title; and a rule may carry a ``hint``, a cheap
necessary condition on the line (a word limit, a character or word the rule's pattern
cannot match without) that rules out most body lines before its regex runs. A hint never
changes what a rule matches (tests/test_clean_rules.py checks each one against its rule).
"""

from __future__ import annotations

import difflib
import enum
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsprism.ingest.bylines import (
    AGENCY_BYLINE,
    AUTHOR_NOTE,
    CLOSERS,
    SYNDICATION,
    UP,
    is_byline,
    is_wire_credit,
)
from newsprism.ingest.table_rows import beside_figures
from newsprism.ingest.timestamps import could_be_stamp_line, is_stamp_line, line_parts
from newsprism.ingest.unicode import fold_case

__all__ = [
    "PICTURE_LABEL",
    "RULES",
    "Doc",
    "Line",
    "Rule",
    "Zone",
    "apply_rules",
    "first_match",
    "is_page_note",
    "page_notes_start",
]

logger = logging.getLogger(__name__)

# --- tuning constants (chosen on invented newsfeedr/wire/blog samples; see notes) -------

# Headlines run 4-15 words; 20 leaves room for long wire headlines.
TITLE_MAX_WORDS = 20
# Difflib ratio above which a line repeats the headline (one typo or punctuation change
# in a 30-character headline still scores over 0.9; another headline scores far below).
NEAR_TITLE_RATIO = 0.9
# Items of a menu line / lines of a menu run: nav labels are one to three words.
NAV_ITEM_MAX_WORDS = 3
NAV_RUN_MAX_WORDS = 2
MENU_RUN_MIN = 3
# A reaction prompt must be followed by at least two one-word lines; without a prompt a
# run needs three words from the emotion vocabulary, so one word alone is never debris.
REACTION_RUN_MIN = 2
REACTION_BARE_RUN_MIN = 3
# Related-link titles are headlines: short, with no full stop.
LINK_TITLE_MAX_WORDS = 16
# Prompts ("Sign up for our daily briefing") are short; a longer line is a sentence.
PROMPT_MAX_WORDS = 16
# Not a tuning constant but a bound the reaction patterns imply: the longest prompt is
# seven words ("how does this story make you feel") plus its punctuation, and a reaction
# line is at most three ("Angry : 12"); the rule's hint uses it.
_REACTION_MAX_WORDS = 8
# Likewise: the longest related-links heading is four words ("you may also like") and ":".
_RELATED_HEADING_MAX_WORDS = 5


class Zone(enum.Flag):
    """Where a line stands: before the first prose line, between, or after the last."""

    HEAD = enum.auto()
    BODY = enum.auto()
    FOOT = enum.auto()
    ANY = HEAD | BODY | FOOT


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the repaired input."""

    number: int  # 1-based line number in the input
    text: str  # the repaired line without surrounding spaces; never empty
    gap_before: bool  # a blank line (or the start of the text) comes just before it
    words: int  # len(text.split()), counted once: most rules and hints look at it
    folded: str  # fold_case(text): the hints' substring tests look in it

    @classmethod
    def of(cls, number: int, text: str, gap_before: bool) -> Line:
        return cls(number, text, gap_before, len(text.split()), fold_case(text))


@dataclass(frozen=True, slots=True)
class Doc:
    """The lines of one text, its zones and its headline, as the rules see them."""

    lines: tuple[Line, ...]
    head_end: int = 0  # lines[:head_end] are HEAD
    foot_start: int = 0  # lines[foot_start:] are FOOT
    title: str | None = None
    title_index: int | None = None  # where the title stands in the head, if it does
    title_detected: bool = False  # the title was guessed from the text, not given
    # Rule answers already known, and per line the rules whose hints it passes; shared by
    # every copy ``dataclasses.replace`` makes.
    memo: dict[tuple[object, ...], int] = field(default_factory=dict, compare=False, repr=False)
    hinted: dict[int, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)


Matcher = Callable[[Doc, int], int]
"""How many lines, starting at the given index, a rule removes (0: no match)."""
Hint = Callable[[Line], bool]
"""A cheap test a line must pass for a rule to match there (False: it cannot)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A named cleaning rule: ``match`` is tried on lines whose zone is in ``zones``.

    ``hint``, when given, is a necessary condition of ``match`` at a line, tried first
    because it is cheaper; ``reads_title`` marks a rule whose answer depends on the
    headline found so far (the others are remembered per line).
    """

    name: str
    match: Matcher
    zones: Zone
    why: str
    hint: Hint | None = None
    reads_title: bool = False


def words(text: str) -> int:
    return len(text.split())


def ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS).endswith((".", "!", "?", "…"))


# --- hints ---------------------------------------------------------------------------------


class _AtMost:
    """Hint: the rule matches only lines of at most ``limit`` words. A class, not a closure,
    so that :data:`_CANDIDATES` can sort rules by their limits without calling them."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, line: Line) -> bool:
        return line.words <= self.limit


def _at_most(limit: int) -> Hint:
    return _AtMost(limit)


def _contains(*needles: str) -> Hint:
    """The rule's pattern, matched ignoring case, cannot match a line without one of these
    (lower-case) strings in it. A substring test of the folded line, because a regex search
    for several words ignoring case tries each word at every position: it cost more than
    the rule it stood in front of."""

    def hint(line: Line) -> bool:
        folded = line.folded
        # A plain loop: any() over a generator costs a quarter more, on every line.
        for needle in needles:  # noqa: SIM110
            if needle in folded:
                return True
        return False

    return hint


def _has_char(chars: str) -> Hint:
    """The rule's pattern cannot match a line without one of these characters in it."""

    def hint(line: Line) -> bool:
        text = line.text
        for char in chars:  # noqa: SIM110 (as above)
            if char in text:
                return True
        return False

    return hint


def _starts_with(chars: str) -> Hint:
    return lambda line: line.text[0] in chars


def _stamp_hint(line: Line) -> bool:
    return could_be_stamp_line(line.text, line.folded)


# --- line predicates -------------------------------------------------------------------

_MENU_SPLIT = re.compile(r"\s*[|•·»›]\s*|\s+[/>]\s+")


def _is_menu_line(text: str) -> bool:
    items = [item for item in _MENU_SPLIT.split(text) if item]
    return len(items) >= 3 and all(_is_nav_item(item, NAV_ITEM_MAX_WORDS) for item in items)


def _menu_line(doc: Doc, i: int) -> int:
    """A navigation bar on one line, unless it is a row of a table: a header row of labels
    ("Town | Dead | Hurt") or a row of short cells ("Larn | 3 dead | 4 hurt") beside a row
    of as many cells with a figure (see newsprism.ingest.table_rows)."""
    if not _is_menu_line(doc.lines[i].text):
        return 0
    lines = doc.lines
    before = i > 0 and not lines[i].gap_before  # no blank line between: one block
    after = i + 1 < len(lines) and not lines[i + 1].gap_before
    near = [lines[j].text for j in range(i - before, i + 1 + after)]
    return 0 if beside_figures(near, int(before)) else 1


def _is_nav_item(text: str, max_words: int) -> bool:
    return words(text) <= max_words and text[-1] not in ".!?,;:" and not text.isdigit()


def is_nav_label(text: str) -> bool:
    """A menu label on its own line: one or two capitalised words ("Home", "Local News")."""
    return _is_nav_item(text, NAV_RUN_MAX_WORDS) and all(w[0].isupper() for w in text.split())


def _is_link_title(text: str) -> bool:
    """A headline in a link list: 2+ words with letters, short, no full stop."""
    count = words(text)
    return (
        2 <= count <= LINK_TITLE_MAX_WORDS
        and any(c.isalpha() for c in text)
        and not text.rstrip(CLOSERS).endswith(".")
    )


_NON_WORD_RUN = re.compile(r"[\W_]+")
_DASH_SUFFIX = re.compile(r"\s+[-–—]\s+")


def _title_key(text: str) -> str:
    return _NON_WORD_RUN.sub(" ", text.casefold()).strip()


# The key of the headline, asked for at every line of a document: a few entries do.
_headline_key = functools.lru_cache(maxsize=8)(_title_key)


def repeats_title(text: str, title: str) -> bool:
    """Exact or near-exact repeat, also with a site suffix ("Headline | Newsfeedr")."""
    key = _headline_key(title)
    if not key:
        return False
    matcher: difflib.SequenceMatcher[str] | None = None
    candidates = (text, line_parts(text)[0], _DASH_SUFFIX.split(text, maxsplit=1)[0])
    for candidate in dict.fromkeys(candidates):  # mostly the one line three times
        found = _title_key(candidate)
        # difflib's real_quick_ratio, from the lengths alone: most lines differ from the
        # title in length, and are ruled out before a matcher is built.
        if 2.0 * min(len(found), len(key)) / (len(found) + len(key)) < NEAR_TITLE_RATIO:
            continue
        if matcher is None:  # indexes the title once for every candidate
            matcher = difflib.SequenceMatcher(None, found, key)
        else:
            matcher.set_seq1(found)
        if matcher.quick_ratio() >= NEAR_TITLE_RATIO and matcher.ratio() >= NEAR_TITLE_RATIO:
            return True
    return False


# --- matchers (each: how many lines from index i) ---------------------------------------


def _line_rule(pattern: str | Callable[[str], object], flags: int = re.IGNORECASE) -> Matcher:
    """A one-line matcher: a regex that must match the whole line, or a predicate."""
    predicate: Callable[[str], object] = (
        re.compile(pattern, flags).fullmatch if isinstance(pattern, str) else pattern
    )

    def match(doc: Doc, i: int) -> int:
        return 1 if predicate(doc.lines[i].text) else 0

    return match


def _run_length(doc: Doc, start: int, predicate: Callable[[str], bool]) -> int:
    """How many consecutive lines from ``start`` satisfy ``predicate``."""
    end = start
    while end < len(doc.lines) and predicate(doc.lines[end].text):
        end += 1
    return end - start


# A photo credit: "Nordlicht Photo Agency", "Jane Doe/CPA", "Newsfeedr archive".
_CREDIT = rf"[{UP}][\w&.'’-]*(?:(?:\s+|\s*/\s*)[\w&.'’-]+){{0,4}}"
_CAPTION = re.compile(
    r"(?i:(?:file |top |main )?(?:photo(?:graph)?s?|images?|pictures?|pictured|caption|video"
    r"|illustration)(?: credit)?)\s*(?:\([^)]{0,40}\))?\s*[:|]\s*\S.{0,300}"
    rf"|(?i:photo(?:graph)?s? by)\s+{_CREDIT}"
    r"|.{1,300}\((?i:photo|image|picture|file photo|photograph|credit)\b[^()]{0,60}\)"
    rf"|.{{1,300}}[.!?\"”’)]\s+(?i:photo(?:graph)?s?|images?|pictures?)\s*:\s*{_CREDIT}"
    rf"|.{{1,300}}\s/\s*{_CREDIT}"
)


# A credit line alone: "Photo: Nordlicht Agency", "Image: Jane Doe/CPA", "Photos: AFP, EPA";
# a credit is names (capitalised words), a caption ("Image: Firefighters rest.") a sentence.
_CREDIT_NAME = rf"[{UP}][\w&.'’-]*(?:(?:\s+|\s*/\s*)[{UP}0-9][\w&'’-]*){{0,4}}"
_PHOTO_CREDIT = re.compile(
    r"(?i:(?:file |top |main )?(?:photo(?:graph)?s?|images?|pictures?|fotos?|bild|foto"
    r"|illustration|graphic|video)(?: credits?)?|credits?)\s*[:|]\s*"
    rf"{_CREDIT_NAME}(?:\s*(?:,|/|and|&|via)\s*{_CREDIT_NAME}){{0,3}}"
)
# A credit glued to the body's first sentence on one line ("Photo: Jane Roe/Agency The
# minister said ..."): the line read as a caption, and the lede went with it. Split off
# only where the credit's end is unambiguous: names, a slash and an agency of one or two
# words, or an all-capitals agency ("Photo: AFP"), then a word that starts a sentence (a
# capitalised word before a lower-case one, or a function word: "Reuters Prime Minister
# Keir Starmer said" has no such point and is left whole).
_GLUED_CREDIT = re.compile(
    r"(?i:(?:photo(?:graph)?s?|images?|pictures?|fotos?|foto|bild)(?: credits?)?)\s*[:|]\s*"
    rf"(?:[{UP}][\w.'’-]*(?:\s+[{UP}][\w.'’-]*){{0,3}}\s*/\s*[{UP}0-9][\w&.'’-]*"
    rf"|[{UP}]{{2,8}}(?:\s*/\s*[{UP}0-9][\w&.'’-]*)?)"
    rf"(?:\s+[{UP}][\w&.'’-]*)??"
    rf"(?=\s+(?:[{UP}][\w'’-]*\s+[a-z]|(?:The|A|An|This|That|These|Those|In|On|At|After"
    r"|Before|When|While|As|He|She|It|They|We|I)\s))"
)
# The rest of the line must read as body prose (words and a sentence end), not as a
# caption's short phrase, for the split to be made.
GLUED_CREDIT_MIN_WORDS = 8


def glued_credit(text: str) -> int | None:
    """Where the body starts on a line that begins with a photo credit glued to it (see
    :data:`_GLUED_CREDIT`), else None."""
    found = _GLUED_CREDIT.match(text)
    if found is None:
        return None
    rest = text[found.end() :].lstrip()
    if len(rest.split()) < GLUED_CREDIT_MIN_WORDS or not ends_sentence(rest):
        return None
    return len(text) - len(rest)


_REACTION_PROMPT = re.compile(
    r"(?:what do you think|how (?:does|did) (?:this|the) (?:story|article|news) make you feel"
    r"|(?:your|what(?:'s|’s| is) your) reaction|how do you feel(?: about (?:this|it))?"
    r"|react to this (?:story|article))\s*[?:.!]*",
    re.IGNORECASE,
)
_REACTION_WORD = re.compile(r"[^\W\d_]{2,15}!?(?:\s*[:(-]?\s*\d[\d,.]*[kK]?\)?)?|\d[\d,.]*[kK]?")
_EMOTION = re.compile(
    r"(?:angry|sad|happy|love|wow|surprised|haha|like|inspired|amused|afraid|scared|excited"
    r"|bored|informed|upset|shocked|worried|hopeful|annoyed|confused|funny|interesting"
    r"|sympathetic|indifferent|curious|optimistic|sceptical|skeptical)\b",
    re.IGNORECASE,
)


def _is_emotion(text: str) -> bool:
    return bool(_REACTION_WORD.fullmatch(text) and _EMOTION.match(text))


def _reaction_widget(doc: Doc, i: int) -> int:
    """A reaction prompt with its run of one-word lines, or a bare run of emotion words."""
    if _REACTION_PROMPT.fullmatch(doc.lines[i].text):
        run = _run_length(doc, i + 1, lambda t: bool(_REACTION_WORD.fullmatch(t)))
        return 1 + run if run >= REACTION_RUN_MIN else 0
    # Without a prompt every line must be an emotion word: cheap to refute on body lines.
    run = _run_length(doc, i, _is_emotion)
    return run if run >= REACTION_BARE_RUN_MIN else 0


def _menu_run(doc: Doc, i: int) -> int:
    run = _run_length(doc, i, is_nav_label)
    return run if run >= MENU_RUN_MIN else 0


_RELATED_HEADING = re.compile(
    r"(?:related(?: (?:stories|articles|coverage|content|links|reading|news))?|read more"
    r"|more on this (?:story|topic)|see also|read next|you may also like|further reading"
    r"|recommended(?: for you)?|more stories|most read)\s*:?",
    re.IGNORECASE,
)


def _related_links(doc: Doc, i: int) -> int:
    if not _RELATED_HEADING.fullmatch(doc.lines[i].text):
        return 0
    return 1 + _run_length(doc, i + 1, _is_link_title)


def _title_line(doc: Doc, i: int) -> int:
    return 1 if doc.title_detected and i == doc.title_index else 0


def _section_label(doc: Doc, i: int) -> int:
    before_title = doc.title_index is not None and i < doc.title_index
    return 1 if before_title and is_nav_label(doc.lines[i].text) else 0


def _repeated_title(doc: Doc, i: int) -> int:
    line = doc.lines[i]
    if doc.title is None or line.words > TITLE_MAX_WORDS + 5:
        return 0
    return 1 if repeats_title(line.text, doc.title) else 0


_NETWORK = r"(?:facebook|x|twitter|linkedin|reddit|telegram|instagram|whatsapp|email|bluesky)"
_SHARE = re.compile(
    rf"(?:share(?: this)?(?: (?:article|story|post|page|video))?(?:\s+(?:on|via|to|with)\s+"
    rf"{_NETWORK}|\s*:.{{0,60}})?|tweet(?: this)?|print(?: this)?(?: article)?|{_NETWORK}"
    r"|copy(?: the)? link"
    r"|(?:subscribe|sign up|register)(?: now| today| for free)?|don[’']t miss\b.{0,80}"
    r"|(?:subscribe|sign up|register|get|receive)\b.{0,60}\b(?:newsletters?|briefings?"
    r"|digest|alerts?|updates|inbox|emails?|podcast|channel|bulletin)\b.{0,40}"
    r"|follow us(?:\s+on\s+.{1,60})?|follow @\w+.{0,40}|click here\b.{0,100}"
    r"|(?:tap|press) here\b.{0,60})[.!:…]*",
    re.IGNORECASE,
)


def _is_share_prompt(text: str) -> bool:
    """Share/subscribe/follow buttons, one or several on a line ("Share on X | Email")."""
    return words(text) <= PROMPT_MAX_WORDS and all(
        _SHARE.fullmatch(part) for part in line_parts(text)
    )


def _prompt(pattern: str) -> Callable[[str], bool]:
    """A short-line regex predicate: prompts are short, so long sentences never match."""
    compiled = re.compile(pattern + r"[.!:…]*", re.IGNORECASE)
    return lambda text: words(text) <= PROMPT_MAX_WORDS and bool(compiled.fullmatch(text))


# --- page notes -------------------------------------------------------------------------

# A sentence about the page rather than the events: its updates, the reader's next step or
# who helped write it ("This story has been updated.", "Check back for updates.", "Scroll
# down for video.", "Jane Roe contributed to this report.", "More information will be
# released as it becomes available."). Each form is one no news sentence takes: "more
# details would become available next week", "the vaccine will be distributed as it
# becomes available", "told to check back with the clinic" and "in a developing story,
# police said ..." are reporting and stay. Moved here from the exclusives (review s32
# finding 12) so that no stage sees them.
PAGE_NOTE = re.compile(
    r"\bthis\s+(?:story|article|report|post|page)\s+(?:has\s+been|was|is|will\s+be)"
    r"\s+(?:updated|corrected|amended|developing)\b"
    r"|^\W*(?:this\s+is\s+an?\s+)?(?:breaking|developing)\s+(?:news\s+)?story\W*$"
    r"|\bcheck\s+back\s+(?:(?:here|later|soon|with\s+us)\b|for\s+(?:more\s+|further\s+)?"
    r"(?:updates|details|information|developments|the\s+latest)\b)"
    r"|\bscroll\s+down\s+(?:for|to\s+(?:see|watch|read))\b|\bclick\s+here\b"
    r"|\bcontributed\s+to\s+this\s+(?:report|story|article)\b"
    r"|\b(?:details|information|updates)\b[^.]{0,60}?\bas\s+(?:it|they|(?:more\s+)?"
    r"(?:details|information))\s+becomes?\s+available\b"
    r"|\bas\s+(?:more\s+|further\s+)?(?:details|information|updates)\s+becomes?\s+available\b"
    r"|\bsign\s+up\s+for\s+(?:the|our)\s+\w*\s*newsletter\b"
    r"|\bsubscribe\s+(?:now|today|here)\b",
    re.IGNORECASE,
)
# Ingest deletes what it takes for a note, so there a note is a whole sentence of one of
# these forms from its first word (review s33: the search above, run on sentences, cut
# "Residents were told to check back later as crews ...", "Sheriff Roe said more
# information would be released as it becomes available" and "This report was amended in
# March after ..." from bodies). "report" only as "This report has been updated/corrected":
# a story's subject is often a report. A tail only where it says what changed on the page.
_NOTE_SENTENCE = re.compile(
    r"(?:please\s+)?(?:"
    r"this\s+(?:story|article|post|page)\s+(?:has\s+been|was|is|will\s+be)"
    r"\s+(?:updated|corrected|amended)(?:\s+(?:(?:to\s+(?:correct|include|add|reflect"
    r"|clarify|remove|update|fix|give)|with\s+(?:new|more|additional|further|the\s+latest))"
    r"\b[^.!?]{0,100}|as\s+(?:more\s+|further\s+|new\s+)?(?:details|information|news)"
    r"\s+becomes?\s+available))?"
    r"|this\s+report\s+has\s+been\s+(?:updated|corrected)"
    r"|(?:this\s+is\s+an?\s+)?(?:breaking|developing)\s+(?:news\s+)?story"
    r"|this\s+(?:story|article)\s+is\s+developing"
    r"|check\s+back(?:\s+(?:here|later|soon|with\s+us))?(?:\s+for\s+(?:more\s+|further\s+)?"
    r"(?:updates|details|information|developments|the\s+latest))?"
    r"|scroll\s+down\s+(?:for|to\s+(?:see|watch|read))\b[^.!?]{0,60}"
    r"|click\s+here\b[^.!?]{0,60}"
    r"|.{0,150}?\bcontributed\s+to\s+this\s+(?:report|story|article)"
    r"|(?:more|further)\s+(?:details|information|updates)\s+(?:will|would)\s+be"
    r"\s+(?:released|provided|posted|given|shared|added|published)\s+as\s+(?:they|it"
    r"|(?:more\s+)?(?:details|information))\s+becomes?\s+available"
    r"|we\s+will\s+update\s+this\s+(?:story|article|page|post)(?:\s+as\s+(?:more\s+"
    r"|further\s+|new\s+)?(?:details|information|news)\s+becomes?\s+available)?"
    r"|sign\s+up\s+for\s+(?:the|our)\s+\w*\s*newsletter"
    r"|subscribe\s+(?:now|today|here)\b[^.!?]{0,60}"
    r")\s*[.!…]+",
    re.IGNORECASE,
)
# What no note holds: a quote mark, a figure, a reporting verb (a note is the site's
# voice; "... said more information would be released ..." is someone's statement).
_NOT_A_NOTE = re.compile(
    r"[\"“”„«»‘]|(?<!\w)'|'(?!\w)|\d"
    r"|\b(?:said|says|say|told|tells|according\s+to|announced|stated)\b",
    re.IGNORECASE,
)
# The most words a note sentence has (the longest credit line seen: "Associated Press
# writers Jane Roe in Velmar and John Doe in Ardmoor contributed to this report.", 15).
NOTE_MAX_WORDS = 25
# Lower-case words one of which every page note holds (the page_note rule's hint).
_PAGE_NOTE_WORDS = ("this", "story", "check", "scroll", "click", "contributed", "available",
                    "newsletter", "subscribe")  # fmt: skip
# A sentence end inside a line, where a next sentence starts (a capital, a digit or a
# quote mark after the space); not after an initial or a short title ("Mr. Roe", "J. Roe":
# a note's name would be cut from its first words). Narrower than clean._SENTENCE_END,
# which only marks a caption unclear (kept): this one cuts.
_SENTENCE_BREAK = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)"
    r"[.!?…][\"”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])"
)
# The labels of picture furniture (BBC-style scrapes: "Image copyright Jane Roe Image
# caption Firefighters at the scene"); clean.py cuts the runs they open off a line.
MEDIA_PLAYBACK = r"Media playback is (?:unsupported|not supported) on your device\.?"
CREDIT_LABEL = r"(?:Image|Picture|Photo) copyright[,:]?\s+|(?:Image|Picture|Photo) source[,:]\s*"
CAPTION_LABEL = r"(?:Image|Media|Video) caption[,:]?\s+"
# A text that opens with one: a caption run cleaning left whole where its end was unclear
# (a caption kept beats a sentence lost), never a claim of the story's.
PICTURE_LABEL = re.compile(rf"\s*(?:{MEDIA_PLAYBACK}|{CREDIT_LABEL}|{CAPTION_LABEL})")


def is_page_note(sentence: str) -> bool:
    """Whether a sentence is about the page, not the events (:data:`PAGE_NOTE`)."""
    return PAGE_NOTE.search(sentence) is not None


def is_note_sentence(sentence: str) -> bool:
    """Whether a whole sentence is a page note ingest may delete (:data:`_NOTE_SENTENCE`):
    short, in the site's voice, with no quote, figure or reporting verb."""
    sentence = sentence.strip()
    return (
        words(sentence) <= NOTE_MAX_WORDS
        and _NOTE_SENTENCE.fullmatch(sentence.rstrip(CLOSERS)) is not None
        and _NOT_A_NOTE.search(sentence) is None
    )


def page_notes_start(text: str) -> int | None:
    """Where the page notes that end a line start (0: the line is notes alone), or None
    where its last sentence is no page note. Cut only at a sentence end: where no break
    is found before a note ("... from the EU. This story has been updated."), the line is
    one sentence that is no note, and stays whole (a note kept beats a paragraph lost).
    A note ends with a stop, so a headline ("This story has been updated: ...") is none."""
    folded = fold_case(text)
    if not any(word in folded for word in _PAGE_NOTE_WORDS):
        return None  # the cheap test: most lines hold none of the words
    starts = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(text))]
    cut = None
    for start, end in reversed(list(zip(starts, [*starts[1:], len(text)], strict=True))):
        if not is_note_sentence(text[start:end]):
            break
        cut = start
    return cut


def _page_notes(doc: Doc, i: int) -> int:
    return 1 if page_notes_start(doc.lines[i].text) == 0 else 0


# --- the rule table ---------------------------------------------------------------------

# Order matters: the first rule that matches a line names its reason. Every regex must
# match the WHOLE line, so a body sentence that merely mentions "comments" or starts
# "By the end of the week" survives.
RULES: tuple[Rule, ...] = (
    Rule("title", _title_line, Zone.ANY, "The detected headline: metadata, not body.",
         reads_title=True),
    Rule("repeated_title", _repeated_title, Zone.ANY,
         "Aggregators print the headline again above the body or as a share card.",
         hint=_at_most(TITLE_MAX_WORDS + 5), reads_title=True),
    Rule("separator", _line_rule(r"(?:[-=_*•·~#+.—–─━═]\s*){3,}"), Zone.ANY,
         "Rules and asterisms carry no words.", hint=_starts_with("-=_*•·~#+.—–─━═")),
    Rule("image_placeholder", _line_rule(
        r"[\[(]\s*(?:image|img|photo|picture|video|graphic|gallery|illustration|embed|chart"
        r"|map|audio|media|ad)\b[^\])]{0,200}[\])]"), Zone.ANY,
         "Where the scraper dropped an image or embed, it left a bracketed placeholder.",
         hint=_starts_with("[(")),
    Rule("photo_credit", _line_rule(_PHOTO_CREDIT.fullmatch), Zone.ANY,
         "A credit line names who took a picture the text does not show; not the story's.",
         hint=_has_char(":|")),
    Rule("caption", _line_rule(_CAPTION.fullmatch), Zone.ANY,
         "Photo captions describe a picture the text does not show; credits end them.",
         hint=_contains("photo", "image", "picture", "caption", "video", "illustration",
                        "credit", "/")),
    Rule("reaction_widget", _reaction_widget, Zone.ANY,
         "Emoji-reaction widgets scrape as a prompt and a column of one-word labels.",
         hint=_at_most(_REACTION_MAX_WORDS)),
    Rule("comment_prompt", _line_rule(_prompt(
        r"(?:leave a (?:reply|comment|response)|post a comment|add (?:a|your) comment"
        r"|write a comment|join the (?:conversation|discussion|debate)|have your say"
        r"|(?:sign|log) in to (?:comment|reply|join the (?:conversation|discussion))"
        r"|(?:show|view|see|load|read|hide)(?: all| more)?(?: \d+)? comments?"
        r"|be the first to comment|comments? (?:are|is) (?:closed|disabled)|cancel reply"
        r"|(?:\d[\d,.]*k?\s+)?comments?(?:\s*\(\d[\d,]*\))?|\d[\d,]*\s+(?:replies|reply)"
        r"|reply|comment (?:policy|guidelines))")), Zone.ANY,
         "Comment sections leave prompts and counters, never article text.",
         hint=_at_most(PROMPT_MAX_WORDS)),
    Rule("share_prompt", _line_rule(_is_share_prompt), Zone.ANY,
         "Share, subscribe and follow buttons scrape as short imperative lines.",
         hint=_at_most(PROMPT_MAX_WORDS)),
    Rule("cookie_notice", _line_rule(
        r"(?:(?:this|our) (?:site|website) uses cookies|we (?:use|value) (?:cookies|your privacy)"
        r"|by (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website)"
        r"|(?:accept|reject|allow|decline|manage) (?:all )?cookies|cookie (?:settings|"
        r"preferences|policy|notice|consent)|manage (?:cookie )?(?:preferences|settings))"
        r"\b.{0,400}|(?:accept|reject|decline)(?: all)?(?: cookies)?|i agree|got it"), Zone.ANY,
         "Consent banners are page chrome, in the site's voice, not the article's.",
         hint=_contains("cookie", "privacy", "site", "manage", "accept", "reject", "decline",
                        "agree", "got it")),
    Rule("timestamp", _line_rule(is_stamp_line), Zone.ANY,
         "Published/updated stamps are metadata; they are parsed into `published`.",
         hint=_stamp_hint),
    Rule("byline", _line_rule(is_byline), Zone.ANY,
         "'By NAME' lines name the writer; the name goes to `byline`.",
         hint=_contains("by", "von", "par", "por", "door")),
    Rule("wire_credit", _line_rule(is_wire_credit), Zone.ANY,
         "Wire stories end with '(Reporting by X; Editing by Y)': X is the writer.",
         hint=_contains("reporting")),
    Rule("agency_byline", _line_rule(AGENCY_BYLINE.fullmatch), Zone.FOOT,
         "'Name (According to Reuters, AFP)' at the foot: the writer and the agencies.",
         hint=_has_char("(")),
    Rule("author_note", _line_rule(AUTHOR_NOTE.fullmatch), Zone.FOOT,
         "A foot note 'Jane Doe is a reporter at X' is a byline; mid-body it is a sentence.",
         hint=_contains("is", "are", "was")),
    Rule("copyright", _line_rule(
        r"(?:(?:©|\(c\)|copyright)\s*©?\s*\d{4}\b.{0,150}|©.{0,150}"
        r"|(?:.{0,150}[.!]\s+)?all rights reserved\.?)"), Zone.ANY,
         "Copyright notices belong to the page, not the story.",
         hint=_contains("©", "(c)", "copyright", "all rights reserved")),
    Rule("syndication", _line_rule(SYNDICATION.fullmatch), Zone.ANY,
         "Syndication notes name the origin outlet, which goes to `credit`.",
         hint=_contains("published", "appeared", "distributed", "syndicated", "provided",
                        "reprinted", "supplied")),
    Rule("page_note", _page_notes, Zone.ANY,
         "Notes about the page ('This story has been updated.', 'Check back for updates.', "
         "'... contributed to this report.'): the site's voice, not the story's.",
         hint=_contains(*_PAGE_NOTE_WORDS)),
    Rule("translation_note", _line_rule(
        r"[(\[]?\s*(?:(?:this|the) (?:article|story|report|text|piece|interview) (?:was|has "
        r"been|is) )?(?:(?:machine|automatically)[- ])?translated(?: from (?:the )?\w+"
        r"(?: original)?)?(?: (?:into|to) \w+)?(?: by [^.]{1,60})?\s*\.?\s*[)\]]?"
        r"|translation\s*:\s*[^.]{1,60}\.?"), Zone.ANY,
         "Translation notes describe the text; they are not part of it.",
         hint=_contains("translat")),
    Rule("menu", _menu_line, Zone.ANY,
         "Navigation bars scrape as one line of 3+ short items separated by | or •.",
         hint=_has_char("|•·»›/>")),
    Rule("menu", _menu_run, Zone.HEAD | Zone.FOOT,
         "...or as a column of one- or two-word capitalised labels at the head or foot.",
         hint=_at_most(NAV_RUN_MAX_WORDS)),
    Rule("site_chrome", _line_rule(
        r"(?:search(?:\s+\S+)?|sign in|log ?in|register|my account|menu|home)"),
         Zone.HEAD | Zone.FOOT,
         "Search boxes and account links frame the page; mid-body such words are text.",
         hint=_at_most(2)),
    Rule("related_links", _related_links, Zone.FOOT,
         "A 'Related' heading at the foot is followed by a list of other headlines.",
         hint=_at_most(_RELATED_HEADING_MAX_WORDS)),
    Rule("section_label", _section_label, Zone.HEAD,
         "A one- or two-word label ('BUSINESS') above the headline is the site's section.",
         hint=_at_most(NAV_RUN_MAX_WORDS), reads_title=True),
    Rule("ui_crumb", _line_rule(_prompt(
        r"(?:\d[\d,.]*%?|\d+\s*(?:/|of)\s*\d+|advertisement|advert|ads?|sponsored(?: content)?"
        r"|promoted|paid content|read more|continue reading|read the full (?:story|article)"
        r"|related(?: (?:stories|articles|coverage|content|links|reading|news))?"
        r"|more on this (?:story|topic)|see also|you may also like|recommended(?: for you)?"
        r"|most (?:read|popular)|trending(?: now)?|top stories|more stories|read next|up next"
        r"|(?:next|previous) article|(?:story|article) continues (?:below|after (?:the )?"
        r"(?:ad|advertisement))(?: advertisement)?|skip to (?:main )?(?:content|navigation)"
        r"|back to top|scroll (?:down )?to continue|loading|listen to (?:this )?(?:article|story)"
        r"|(?:read more|related|see also|read next)\s*:\s*\S.{0,120}|enlarge(?: this image)?"
        r"|(?:toggle|hide|show) caption|open in app|close)")), Zone.ANY,
         "Counters, ad labels and navigation crumbs of the page around the article.",
         hint=_at_most(PROMPT_MAX_WORDS)),
)  # fmt: skip
# Which rules apply in each zone a line can have, worked out once: testing enum flags per
# rule per line was a tenth of cleaning time (bench/ingest.py profile). Keyed by (in the
# head, in the foot), and None for every rule whatever the zone.
_ZONES = {
    (True, False): Zone.HEAD,
    (False, True): Zone.FOOT,
    (True, True): Zone.HEAD | Zone.FOOT,
    (False, False): Zone.BODY,
    None: Zone.ANY,
}
_APPLIES: dict[tuple[bool, bool] | None, tuple[bool, ...]] = {
    key: tuple(bool(rule.zones & zone) for rule in RULES) for key, zone in _ZONES.items()
}


# Per word count of a line (the last entry for every count beyond the largest limit), the
# rules whose word-limit hints it passes, with the hint still to call (None: no other).
# Word limits are half the hints, and a line's word count rules them in or out at once:
# calling each hint on each line was a fifth of cleaning time (bench/ingest.py profile).
_WORD_LIMIT_CAP = 1 + max(r.hint.limit for r in RULES if isinstance(r.hint, _AtMost))
_CANDIDATES: tuple[tuple[tuple[int, Hint | None], ...], ...] = tuple(
    tuple(
        (k, None if isinstance(rule.hint, _AtMost) else rule.hint)
        for k, rule in enumerate(RULES)
        if not isinstance(rule.hint, _AtMost) or words <= rule.hint.limit
    )
    for words in range(_WORD_LIMIT_CAP + 1)
)


def _hinted(doc: Doc, i: int, remember: bool = True) -> tuple[int, ...]:
    """Indexes (in RULES order) of the rules whose hints line ``i`` passes, worked out once
    (kept for a later pass only when ``remember``)."""
    found = doc.hinted.get(i)
    if found is None:
        line = doc.lines[i]
        found = tuple(
            k
            for k, hint in _CANDIDATES[min(line.words, _WORD_LIMIT_CAP)]
            if hint is None or hint(line)
        )
        if remember:
            doc.hinted[i] = found
    return found


def first_match(
    doc: Doc, i: int, zoned: bool = True, remember: bool = True
) -> tuple[int, str]:
    """(lines matched, rule name) of the first rule matching at ``i``; (0, "") if none.

    ``zoned=False`` tries every rule, whatever the zone of the line. ``remember=False``:
    answers already known are used, new ones not kept (the last pass over a text).
    """
    applies = _APPLIES[(i < doc.head_end, i >= doc.foot_start) if zoned else None]
    memo = doc.memo
    for k in _hinted(doc, i, remember):
        if not applies[k]:
            continue
        rule = RULES[k]
        key: tuple[object, ...] = (
            (k, i, doc.title, doc.title_index, doc.title_detected) if rule.reads_title else (k, i)
        )
        count = memo.get(key)
        if count is None:
            count = rule.match(doc, i)
            if remember:
                memo[key] = count
        if count:
            return count, rule.name
    return 0, ""


def apply_rules(
    doc: Doc, kept_enough: int | None = None, remember: bool = True
) -> dict[int, str]:
    """Line index -> name of the rule that removed it.

    With ``kept_enough``, stop at the line that makes that many lines kept: the reasons
    are then complete up to it (for a caller that only looks at the head).
    ``remember=False`` for the last pass over a text: each line is asked once here, and
    keeping every rule's answer for every line (a dict entry per rule and line) took
    1.6 GB for a 3 MB text of a million one-word lines, about 8 GB at the size limit.
    """
    reasons: dict[int, str] = {}
    kept = 0
    i = 0
    while i < len(doc.lines):
        count, name = first_match(doc, i, remember=remember)
        reasons.update(dict.fromkeys(range(i, i + count), name))
        kept += not count
        if kept == kept_enough:
            break
        i += max(count, 1)
    return reasons
