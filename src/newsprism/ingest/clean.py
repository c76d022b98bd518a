"""Cleaning of plain text scraped from news pages.

A scraped page is a headline, a body, and debris: menus, bylines, timestamps, photo
captions, share and comment prompts, reaction widgets, copyright and syndication lines.
:func:`clean_scraped_text` takes the debris out line by line with the named rules of
:data:`RULES`, keeps what a rule removed (with the rule's name and the line number) for a
reviewer, and turns some of it into metadata: title, byline, publication time, credit,
and the publication a byline names ("By Lena Hart, Ardmoor Gazette").

Guarantees:
    * every kept line is a substring of the repaired input (:func:`repair_text`); a clean
      paragraph is kept lines joined by one space, so a sentence that sits on one input
      line is found verbatim in the clean text;
    * every removed line is listed in ``removed`` with its rule name and 1-based line number;
    * cleaning never raises on any ``str``.
"""

from __future__ import annotations

import difflib
import enum
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo

from newsprism.ingest.timestamps import LINE_PARTS, MONTH, is_stamp_line, parse_stamp, stamp_match
from newsprism.ingest.unicode import repair_text
from newsprism.model import Heading, Removed

__all__ = ["RULES", "CleanOptions", "CleanedText", "Rule", "Zone", "clean_scraped_text"]

logger = logging.getLogger(__name__)

# --- tuning constants (chosen on invented newsfeedr/wire/blog samples; see notes) -------

# A line of prose: at least this many words and a sentence end. Debris lines ("Share this
# article", "12 comments") are shorter; short body sentences still pass the rules, this
# only decides where the head and foot zones end.
PROSE_MIN_WORDS = 8
# A line this long is prose even without a sentence end (a hard-wrapped body line).
PROSE_LONG_WORDS = 25
# Headlines run 4-15 words; 20 leaves room for long wire headlines.
TITLE_MAX_WORDS = 20
# Subheads are a few words; a 10-word line without a full stop is rarely body text.
SUBHEAD_MAX_WORDS = 10
# Plain-text wrappers wrap at 60-80 columns; anything longer was not hard-wrapped.
WRAP_MAX_WIDTH = 100
# A first line this close in length to the next one is the start of a wrapped paragraph,
# not a headline (headlines are much shorter than a full wrapped line).
WRAPPED_TITLE_RATIO = 0.8
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
# Section labels ("BUSINESS", "World") looked past when finding the headline; pages show
# one, rarely a section and a sub-section.
MAX_KICKERS = 2


class Zone(enum.Flag):
    """Where a line stands: before the first prose line, between, or after the last."""

    HEAD = enum.auto()
    BODY = enum.auto()
    FOOT = enum.auto()
    ANY = HEAD | BODY | FOOT


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """What the caller already knows from metadata; it wins over what cleaning infers."""

    known_title: str | None = None
    known_byline: str | None = None
    known_published: datetime | None = None
    default_timezone: tzinfo = UTC


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The clean body and what cleaning learned and removed (see :func:`clean_scraped_text`)."""

    text: str
    title: str | None
    byline: str | None
    published: datetime | None
    credit: str | None
    headings: tuple[Heading, ...]
    removed: tuple[Removed, ...]
    affiliation: str | None = None  # the publication a byline names, after the writer


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based line number in the input
    text: str  # the repaired line without surrounding spaces; never empty
    gap_before: bool  # a blank line (or the start of the text) comes just before it


@dataclass(frozen=True, slots=True)
class _Doc:
    lines: tuple[_Line, ...]
    head_end: int = 0  # lines[:head_end] are HEAD
    foot_start: int = 0  # lines[foot_start:] are FOOT
    title: str | None = None
    title_index: int | None = None  # where the title stands in the head, if it does
    title_detected: bool = False  # the title was guessed from the text, not given


Matcher = Callable[[_Doc, int], int]
"""How many lines, starting at the given index, a rule removes (0: no match)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A named cleaning rule: ``match`` is tried on lines whose zone is in ``zones``."""

    name: str
    match: Matcher
    zones: Zone
    why: str


# --- shared patterns -------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-ÞŁŚŠŽČĆ"  # capitals that start a name (Latin scripts)
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|la|le|al|el|bin|ter|ten)"
_NAME = rf"[{_UP}][\w'’.-]*(?:\s+(?:{_PARTICLE}\s+)*[{_UP}][\w'’.-]*){{0,3}}"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*"
_NAME_RE = re.compile(_NAME)
_NAME_SEP = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_NAME_PLACE = re.compile(r"\s+in\s+\S.*$")
# Words that make a "name" a role or an outlet ("By Jane Doe, Staff Writer").
_ROLE_WORD = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|agency|news|press|media|bureau|desk"
    r"|service|team|newsroom|contributor)\b",
    re.IGNORECASE,
)
_CLOSERS = "\"'”’»)]"
_WIRE_DATELINE = re.compile(
    rf"[{_UP}][{_UP}'’.-]+(?:[ -][{_UP}][{_UP}'’.-]+)*(?:,\s+[\w. ]{{2,30}}?)?,?\s+"
    rf"(?P<date>{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})?\s*"
    r"(?:\((?P<agency>[^()]{1,40})\))?\s*[-–—]{1,2}\s"
)


def _words(text: str) -> int:
    return len(text.split())


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _is_prose(text: str) -> bool:
    """A line that reads as body text; used only to place the head and foot zones."""
    words = _words(text)
    return words >= PROSE_LONG_WORDS or (words >= PROSE_MIN_WORDS and _ends_sentence(text))


def _wire_dateline(text: str) -> re.Match[str] | None:
    """The wire dateline opening a paragraph ("LORVIK, March 3 (CPA) - "), if any."""
    match = _WIRE_DATELINE.match(text)
    return match if match and (match["date"] or match["agency"]) else None


# Words that make a byline's trailing part a publication ("Ardmoor Gazette", "Reuters
# News"), unless a job word makes it a role ("Staff Writer", "News Editor").
_OUTLET_WORD = re.compile(
    r"\b(?:gazette|times|post|herald|tribune|journal|chronicle|courier|news|daily|weekly"
    r"|radio|tv|television|network|wire|observer|guardian|review|today|express|mail|record"
    r"|standard|star|sun|telegraph|independent|monitor|register|dispatch|bulletin|ledger"
    r"|examiner|inquirer|magazine|online|press|agency|media|broadcasting|channel|zeitung"
    r"|rundschau|nachrichten|presse|kurier|blatt|agence|agencia|diario|noticias|corriere)\b",
    re.IGNORECASE,
)
_JOB_WORD = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|desk|team"
    r"|newsroom|bureau|intern|photographer|producer)s?\b",
    re.IGNORECASE,
)
_BYLINE_SEGMENT = re.compile(r"\s*,\s*|\s+[–—-]\s+")


def _is_publication(text: str) -> bool:
    """A byline's trailing part that names a publication, not a role or a person."""
    one_word = len(text.split()) == 1 and text[:1].isupper()
    return not _JOB_WORD.search(text) and bool(_OUTLET_WORD.search(text) or one_word)


def _split_byline(text: str) -> tuple[list[str], str | None]:
    """Writers and publication of "Lena Hart, Ardmoor Gazette" or "A and B - Reuters"."""
    segments = _BYLINE_SEGMENT.split(text.strip().rstrip("."))
    names: list[str] = []
    for k, segment in enumerate(segments):
        found = _split_names(segment) if not (k and _is_publication(segment)) else []
        if not found:
            rest = ", ".join(segments[k:])
            return names, rest if names and _is_publication(rest) else None
        names.extend(found)
    return names, None


def _split_names(text: str) -> list[str]:
    """Person names in "Jane Doe and John Roe in Lorvik"; [] if a piece is not a name.

    A piece made of role words ("Staff Writer", "News Agency") ends the list of names.
    """
    names: list[str] = []
    for piece in _NAME_SEP.split(text.strip().rstrip(".")):
        name = _NAME_PLACE.sub("", piece)
        if _ROLE_WORD.search(name):
            break  # "Jane Doe, Staff Writer": the rest is an affiliation
        if not _NAME_RE.fullmatch(name):
            return []
        names.append(name)
    return names


# --- line predicates -------------------------------------------------------------------

# "By NAMES[, Affiliation]", also "Posted DATE by NAMES" and "Posted by NAMES on DATE"
# (the dates are checked to be stamps); "Von"/"Par"/"Por"/"Door" for translated outlets.
_BYLINE = re.compile(
    r"(?i:(?:written|reported|posted|words|story|text)\s+)?(?:(?P<before>[^|•·]{6,60}?)\s+)?"
    rf"(?i:by|von|par|por|door)\s+(?P<names>{_NAMES})(?P<affil>(?:\s*,|\s+[–—-])\s*[^.!?|•·]{{1,60}}?)?"
    r"(?:\s+(?i:on)\s+(?P<after>[^|•·]{6,60}))?\.?"
)
_AFFILIATION = re.compile(r"[^.!?]{1,60}")
_WIRE_CREDIT = re.compile(
    r"\(?\s*(?i:(?:additional\s+)?reporting\s+by)\s+(?P<names>[^;()]{1,120}?)"
    r"(?:\s*;\s*(?i:[a-z ]{3,30})\s+by\s+[^;()]{1,80})*\s*\)?\.?"
)
# A full name (two to four words) that is not a noun phrase like "The mayor".
_FULL_NAME = rf"(?!(?:The|A|An|This|That|Our|His|Her|Their)\b)[{_UP}]\w+(?:\s+{_NAME})"
_AUTHOR_NOTE = re.compile(
    rf"(?P<names>{_FULL_NAME}(?:\s+and\s+{_FULL_NAME})?)\s+(?:is|are|was)\s+(?:a|an|the|our)\b"
    r"[^.!?]{0,120}\b(?i:reporters?|correspondents?|writers?|editors?|journalists?|"
    r"columnists?|contributors?|producers?|analysts?|freelancers?|photographers?|authors?)"
    r"\b[^.!?]{0,80}\.?"
)
# An outlet name: capitalised words (digits allowed after the first: "Channel 4 News").
_OUTLET = rf"[{_UP}][\w&'’.-]*(?:\s+(?:(?:of|the|and|for|&|de|la)\s+)?[{_UP}0-9][\w&'’.-]*){{0,7}}"
_SYNDICATION = re.compile(
    r"(?i:(?:(?:this|the) (?:story|article|report|piece|post|content) (?:was|is|has been) )?"
    r"(?:originally |first )?(?:published|appeared|distributed|syndicated|provided|"
    r"republished|reprinted|supplied)(?: with permission)?\s+(?:by|in|on|from|via|at))"
    rf"\s+(?P<outlet>{_OUTLET})(?:,?\s+(?i:and|under|with)\b[^.]{{0,80}})?\.?"
)


def _is_byline(text: str) -> bool:
    """ "By Jane Doe", optionally "| Outlet Staff" or "| March 3, 2026" parts after it."""
    first, *rest = LINE_PARTS.split(text)
    # The name need not be a person ("By Newsfeedr Staff" is removed, gives no byline).
    match = _BYLINE.fullmatch(first)
    if match is None or any(s and not stamp_match(s) for s in match.group("before", "after")):
        return False
    return all(stamp_match(p) or _AFFILIATION.fullmatch(p) for p in rest)


def _is_wire_credit(text: str) -> bool:
    match = _WIRE_CREDIT.fullmatch(text)
    return bool(match and _split_names(match["names"]))


_MENU_SPLIT = re.compile(r"\s*[|•·»›]\s*|\s+[/>]\s+")


def _is_menu_line(text: str) -> bool:
    items = [item for item in _MENU_SPLIT.split(text) if item]
    return len(items) >= 3 and all(_is_nav_item(item, NAV_ITEM_MAX_WORDS) for item in items)


def _is_nav_item(text: str, max_words: int) -> bool:
    return _words(text) <= max_words and text[-1] not in ".!?,;:" and not text.isdigit()


def _is_nav_label(text: str) -> bool:
    """A menu label on its own line: one or two capitalised words ("Home", "Local News")."""
    return _is_nav_item(text, NAV_RUN_MAX_WORDS) and all(w[0].isupper() for w in text.split())


def _is_link_title(text: str) -> bool:
    """A headline in a link list: 2+ words with letters, short, no full stop."""
    words = _words(text)
    return (
        2 <= words <= LINK_TITLE_MAX_WORDS
        and any(c.isalpha() for c in text)
        and not text.rstrip(_CLOSERS).endswith(".")
    )


def _is_subhead(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return (
        0 < _words(text) <= SUBHEAD_MAX_WORDS
        and stripped[-1:] not in tuple(".!?:;,…")
        and not text[0].islower()
    )


def _title_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _repeats_title(text: str, title: str) -> bool:
    """Exact or near-exact repeat, also with a site suffix ("Headline | Newsfeedr")."""
    key = _title_key(title)
    if not key:
        return False
    for candidate in (text, LINE_PARTS.split(text)[0], re.split(r"\s+[-–—]\s+", text)[0]):
        matcher = difflib.SequenceMatcher(None, _title_key(candidate), key)
        # The cheap upper bounds first: most lines differ from the title in length alone.
        if (
            matcher.real_quick_ratio() >= NEAR_TITLE_RATIO
            and matcher.quick_ratio() >= NEAR_TITLE_RATIO
            and matcher.ratio() >= NEAR_TITLE_RATIO
        ):
            return True
    return False


# --- matchers (each: how many lines from index i) ---------------------------------------


def _line_rule(pattern: str | Callable[[str], object], flags: int = re.IGNORECASE) -> Matcher:
    """A one-line matcher: a regex that must match the whole line, or a predicate."""
    predicate: Callable[[str], object] = (
        re.compile(pattern, flags).fullmatch if isinstance(pattern, str) else pattern
    )

    def match(doc: _Doc, i: int) -> int:
        return 1 if predicate(doc.lines[i].text) else 0

    return match


def _run_length(doc: _Doc, start: int, predicate: Callable[[str], bool]) -> int:
    """How many consecutive lines from ``start`` satisfy ``predicate``."""
    end = start
    while end < len(doc.lines) and predicate(doc.lines[end].text):
        end += 1
    return end - start


# A photo credit: "Nordlicht Photo Agency", "Jane Doe/CPA", "Newsfeedr archive".
_CREDIT = rf"[{_UP}][\w&.'’-]*(?:(?:\s+|\s*/\s*)[\w&.'’-]+){{0,4}}"
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
_CREDIT_NAME = rf"[{_UP}][\w&.'’-]*(?:(?:\s+|\s*/\s*)[{_UP}0-9][\w&'’-]*){{0,4}}"
_PHOTO_CREDIT = re.compile(
    r"(?i:(?:file |top |main )?(?:photo(?:graph)?s?|images?|pictures?|fotos?|bild|foto"
    r"|illustration|graphic|video)(?: credits?)?|credits?)\s*[:|]\s*"
    rf"{_CREDIT_NAME}(?:\s*(?:,|/|and|&|via)\s*{_CREDIT_NAME}){{0,3}}"
)
# A foot byline crediting agencies, as translated outlets print it: "Nguyen Van An
# (According to Reuters, AFP)", "Minh Tam (Theo Reuters)", "(Source: AP)".
_AGENCY_BYLINE = re.compile(
    rf"(?P<names>{_NAME})?\s*\((?i:according to|sources?:?|via|theo|nach|laut|selon|segun|según)"
    r"\s+(?P<agencies>[^()]{2,80})\)\.?"
)
_AGENCY_SEP = re.compile(r"\s*(?:,|;|&|\band\b)\s*")


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


def _reaction_widget(doc: _Doc, i: int) -> int:
    """A reaction prompt with its run of one-word lines, or a bare run of emotion words."""
    if _REACTION_PROMPT.fullmatch(doc.lines[i].text):
        run = _run_length(doc, i + 1, lambda t: bool(_REACTION_WORD.fullmatch(t)))
        return 1 + run if run >= REACTION_RUN_MIN else 0
    # Without a prompt every line must be an emotion word: cheap to refute on body lines.
    run = _run_length(doc, i, _is_emotion)
    return run if run >= REACTION_BARE_RUN_MIN else 0


def _menu_run(doc: _Doc, i: int) -> int:
    run = _run_length(doc, i, _is_nav_label)
    return run if run >= MENU_RUN_MIN else 0


_RELATED_HEADING = re.compile(
    r"(?:related(?: (?:stories|articles|coverage|content|links|reading|news))?|read more"
    r"|more on this (?:story|topic)|see also|read next|you may also like|further reading"
    r"|recommended(?: for you)?|more stories|most read)\s*:?",
    re.IGNORECASE,
)


def _related_links(doc: _Doc, i: int) -> int:
    if not _RELATED_HEADING.fullmatch(doc.lines[i].text):
        return 0
    return 1 + _run_length(doc, i + 1, _is_link_title)


def _title_line(doc: _Doc, i: int) -> int:
    return 1 if doc.title_detected and i == doc.title_index else 0


def _section_label(doc: _Doc, i: int) -> int:
    before_title = doc.title_index is not None and i < doc.title_index
    return 1 if before_title and _is_nav_label(doc.lines[i].text) else 0


def _repeated_title(doc: _Doc, i: int) -> int:
    text = doc.lines[i].text
    if doc.title is None or _words(text) > TITLE_MAX_WORDS + 5:
        return 0
    return 1 if _repeats_title(text, doc.title) else 0


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
    return _words(text) <= PROMPT_MAX_WORDS and all(
        _SHARE.fullmatch(part) for part in LINE_PARTS.split(text)
    )


def _prompt(pattern: str) -> Callable[[str], bool]:
    """A short-line regex predicate: prompts are short, so long sentences never match."""
    compiled = re.compile(pattern + r"[.!:…]*", re.IGNORECASE)
    return lambda text: _words(text) <= PROMPT_MAX_WORDS and bool(compiled.fullmatch(text))


# --- the rule table ---------------------------------------------------------------------

# Order matters: the first rule that matches a line names its reason. Every regex must
# match the WHOLE line, so a body sentence that merely mentions "comments" or starts
# "By the end of the week" survives.
RULES: tuple[Rule, ...] = (
    Rule("title", _title_line, Zone.ANY, "The detected headline: metadata, not body."),
    Rule("repeated_title", _repeated_title, Zone.ANY,
         "Aggregators print the headline again above the body or as a share card."),
    Rule("separator", _line_rule(r"(?:[-=_*•·~#+.—–─━═]\s*){3,}"), Zone.ANY,
         "Rules and asterisms carry no words."),
    Rule("image_placeholder", _line_rule(
        r"[\[(]\s*(?:image|img|photo|picture|video|graphic|gallery|illustration|embed|chart"
        r"|map|audio|media|ad)\b[^\])]{0,200}[\])]"), Zone.ANY,
         "Where the scraper dropped an image or embed, it left a bracketed placeholder."),
    Rule("photo_credit", _line_rule(_PHOTO_CREDIT.fullmatch), Zone.ANY,
         "A credit line names who took a picture the text does not show; not the story's."),
    Rule("caption", _line_rule(_CAPTION.fullmatch), Zone.ANY,
         "Photo captions describe a picture the text does not show; credits end them."),
    Rule("reaction_widget", _reaction_widget, Zone.ANY,
         "Emoji-reaction widgets scrape as a prompt and a column of one-word labels."),
    Rule("comment_prompt", _line_rule(_prompt(
        r"(?:leave a (?:reply|comment|response)|post a comment|add (?:a|your) comment"
        r"|write a comment|join the (?:conversation|discussion|debate)|have your say"
        r"|(?:sign|log) in to (?:comment|reply|join the (?:conversation|discussion))"
        r"|(?:show|view|see|load|read|hide)(?: all| more)?(?: \d+)? comments?"
        r"|be the first to comment|comments? (?:are|is) (?:closed|disabled)|cancel reply"
        r"|(?:\d[\d,.]*k?\s+)?comments?(?:\s*\(\d[\d,]*\))?|\d[\d,]*\s+(?:replies|reply)"
        r"|reply|comment (?:policy|guidelines))")), Zone.ANY,
         "Comment sections leave prompts and counters, never article text."),
    Rule("share_prompt", _line_rule(_is_share_prompt), Zone.ANY,
         "Share, subscribe and follow buttons scrape as short imperative lines."),
    Rule("cookie_notice", _line_rule(
        r"(?:(?:this|our) (?:site|website) uses cookies|we (?:use|value) (?:cookies|your privacy)"
        r"|by (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website)"
        r"|(?:accept|reject|allow|decline|manage) (?:all )?cookies|cookie (?:settings|"
        r"preferences|policy|notice|consent)|manage (?:cookie )?(?:preferences|settings))"
        r"\b.{0,400}|(?:accept|reject|decline)(?: all)?(?: cookies)?|i agree|got it"), Zone.ANY,
         "Consent banners are page chrome, in the site's voice, not the article's."),
    Rule("timestamp", _line_rule(is_stamp_line), Zone.ANY,
         "Published/updated stamps are metadata; they are parsed into `published`."),
    Rule("byline", _line_rule(_is_byline), Zone.ANY,
         "'By NAME' lines name the writer; the name goes to `byline`."),
    Rule("wire_credit", _line_rule(_is_wire_credit), Zone.ANY,
         "Wire stories end with '(Reporting by X; Editing by Y)': X is the writer."),
    Rule("agency_byline", _line_rule(_AGENCY_BYLINE.fullmatch), Zone.FOOT,
         "'Name (According to Reuters, AFP)' at the foot: the writer and the agencies."),
    Rule("author_note", _line_rule(_AUTHOR_NOTE.fullmatch), Zone.FOOT,
         "A foot note 'Jane Doe is a reporter at X' is a byline; mid-body it is a sentence."),
    Rule("copyright", _line_rule(
        r"(?:(?:©|\(c\)|copyright)\s*©?\s*\d{4}\b.{0,150}|©.{0,150}"
        r"|(?:.{0,150}[.!]\s+)?all rights reserved\.?)"), Zone.ANY,
         "Copyright notices belong to the page, not the story."),
    Rule("syndication", _line_rule(_SYNDICATION.fullmatch), Zone.ANY,
         "Syndication notes name the origin outlet, which goes to `credit`."),
    Rule("translation_note", _line_rule(
        r"[(\[]?\s*(?:(?:this|the) (?:article|story|report|text|piece|interview) (?:was|has "
        r"been|is) )?(?:(?:machine|automatically)[- ])?translated(?: from (?:the )?\w+"
        r"(?: original)?)?(?: (?:into|to) \w+)?(?: by [^.]{1,60})?\s*\.?\s*[)\]]?"
        r"|translation\s*:\s*[^.]{1,60}\.?"), Zone.ANY,
         "Translation notes describe the text; they are not part of it."),
    Rule("menu", _line_rule(_is_menu_line), Zone.ANY,
         "Navigation bars scrape as one line of 3+ short items separated by | or •."),
    Rule("menu", _menu_run, Zone.HEAD | Zone.FOOT,
         "...or as a column of one- or two-word capitalised labels at the head or foot."),
    Rule("site_chrome", _line_rule(
        r"(?:search(?:\s+\S+)?|sign in|log ?in|register|my account|menu|home)"),
         Zone.HEAD | Zone.FOOT,
         "Search boxes and account links frame the page; mid-body such words are text."),
    Rule("related_links", _related_links, Zone.FOOT,
         "A 'Related' heading at the foot is followed by a list of other headlines."),
    Rule("section_label", _section_label, Zone.HEAD,
         "A one- or two-word label ('BUSINESS') above the headline is the site's section."),
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
         "Counters, ad labels and navigation crumbs of the page around the article."),
)  # fmt: skip
# The rules that apply in each zone a line can have, worked out once: testing enum flags
# per rule per line was a tenth of cleaning time (bench/ingest.py profile).
_RULES_FOR_ZONE: dict[Zone, tuple[Rule, ...]] = {
    zone: tuple(rule for rule in RULES if rule.zones & zone)
    for zone in (Zone.HEAD, Zone.BODY, Zone.FOOT, Zone.HEAD | Zone.FOOT, Zone.ANY)
}


# --- the cleaning pass ------------------------------------------------------------------


def _split_lines(text: str) -> tuple[_Line, ...]:
    """Non-blank lines with their 1-based numbers and whether a blank line precedes them."""
    lines: list[_Line] = []
    gap = True
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if stripped:
            lines.append(_Line(number, stripped, gap))
        gap = not stripped
    return tuple(lines)


def _zone(doc: _Doc, i: int) -> Zone:
    zone = Zone.HEAD if i < doc.head_end else Zone(0)
    zone |= Zone.FOOT if i >= doc.foot_start else Zone(0)
    return zone or Zone.BODY


def _first_match(doc: _Doc, i: int, zoned: bool = True) -> tuple[int, str]:
    """(lines matched, rule name) of the first rule matching at ``i``; (0, "") if none."""
    zone = _zone(doc, i) if zoned else Zone.ANY
    for rule in _RULES_FOR_ZONE[zone]:
        if count := rule.match(doc, i):
            return count, rule.name
    return 0, ""


def _apply_rules(doc: _Doc) -> dict[int, str]:
    """Line index -> name of the rule that removed it."""
    reasons: dict[int, str] = {}
    i = 0
    while i < len(doc.lines):
        count, name = _first_match(doc, i)
        reasons.update(dict.fromkeys(range(i, i + count), name))
        i += max(count, 1)
    return reasons


def _with_zones(doc: _Doc) -> _Doc:
    """Head ends at the first prose line no rule claims; foot starts after the last one."""
    anchors = [
        i
        for i, line in enumerate(doc.lines)
        if _is_prose(line.text) and not _first_match(doc, i, zoned=False)[0]
    ]
    if not anchors:
        return replace(doc, head_end=len(doc.lines), foot_start=0)
    return replace(doc, head_end=anchors[0], foot_start=anchors[-1] + 1)


def _is_headline_like(text: str, period_ok: bool = False) -> bool:
    """Short, no full stop (unless ``period_ok``), not a sentence fragment or dateline lede."""
    if _words(text) > TITLE_MAX_WORDS or text[0].islower() or _wire_dateline(text):
        return False
    end = text.rstrip(_CLOSERS)[-1:]
    return end not in tuple(",;:…") and (end != "." or period_ok)


def _looks_like_title(doc: _Doc, reasons: dict[int, str], i: int, j: int) -> bool:
    """Line ``i`` is a headline and line ``j`` (the next kept line) starts the body.

    A headline may end with a full stop only when a byline or timestamp follows it
    ("Lorvik's dockers said no. Good." / "Posted by ..."): a lede sentence never does.
    """
    line, following = doc.lines[i], doc.lines[j]
    if not _is_headline_like(line.text, reasons.get(i + 1) in ("byline", "timestamp")):
        return False
    if j == i + 1 and not following.gap_before:  # same block: is it a hard-wrapped paragraph?
        nxt = following.text
        wrapped = len(nxt) <= WRAP_MAX_WIDTH and len(line.text) >= WRAPPED_TITLE_RATIO * len(nxt)
        return not (wrapped or nxt[0].islower())
    return True


def _with_detected_title(doc: _Doc) -> _Doc:
    """Take the first kept line as title when it looks like one and body follows.

    Up to MAX_KICKERS section labels ("BUSINESS") before a headline are looked past; the
    section_label rule then removes them.
    """
    reasons = _apply_rules(doc)
    kept = [i for i in range(len(doc.lines)) if i not in reasons][: MAX_KICKERS + 2]
    start = 0
    while (
        start < MAX_KICKERS and start + 2 < len(kept) and _is_kicker(doc, kept[start : start + 2])
    ):
        start += 1
    if start + 1 >= len(kept) or not _looks_like_title(doc, reasons, kept[start], kept[start + 1]):
        return doc
    i = kept[start]
    return replace(doc, title=doc.lines[i].text, title_index=i, title_detected=True)


def _is_kicker(doc: _Doc, pair: list[int]) -> bool:
    """A section label ("BUSINESS") standing before a headline-like line."""
    label, headline = (doc.lines[i].text for i in pair)
    return _is_nav_label(label) and _is_headline_like(headline)


def _with_known_title(doc: _Doc) -> _Doc:
    """Locate the first repeat of a known title in the head (section labels precede it)."""
    assert doc.title is not None
    for i in range(min(doc.head_end, len(doc.lines))):
        if _repeats_title(doc.lines[i].text, doc.title):
            return replace(doc, title_index=i)
    return doc


# --- paragraphs and headings --------------------------------------------------------------


def _blocks(doc: _Doc, reasons: dict[int, str]) -> list[list[str]]:
    """Runs of kept lines with no blank or removed line between them."""
    blocks: list[list[str]] = []
    previous = -2
    for i, line in enumerate(doc.lines):
        if i in reasons:
            continue
        if previous == i - 1 and not line.gap_before:
            blocks[-1].append(line.text)
        else:
            blocks.append([line.text])
        previous = i
    return blocks


def _split_block(lines: list[str]) -> list[str]:
    """Paragraphs of one block: hard-wrapped lines are joined with one space.

    A block is hard-wrapped only if its lines are short enough to be wrapped and not all of
    them end a sentence. A line then ends its paragraph when the next line's first word
    would have fitted on it: a wrapper breaks only where the next word does not fit, so
    such a break was typed on purpose (the widest line is a lower bound of the width).
    """
    width = max(len(line) for line in lines)
    if width > WRAP_MAX_WIDTH or all(_ends_sentence(line) for line in lines):
        return lines
    paragraphs: list[str] = []
    current: list[str] = []
    for line, nxt in zip(lines, [*lines[1:], ""], strict=True):
        current.append(line)
        next_word = nxt.split(" ", 1)[0]
        if not nxt or len(line) + 1 + len(next_word) <= width:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def _split_headings(paragraphs: list[str]) -> tuple[list[str], list[Heading]]:
    """Subheads (short lines without a sentence end between paragraphs) become Headings."""
    body: list[str] = []
    headings: list[Heading] = []
    for k, paragraph in enumerate(paragraphs):
        if body and k + 1 < len(paragraphs) and _is_subhead(paragraph):
            headings.append(Heading(paragraph, len(body)))
        else:
            body.append(paragraph)
    return body, headings


# --- metadata from removed lines ----------------------------------------------------------


def _stamp_parts(item: Removed) -> list[str]:
    """The pieces of a removed stamp or byline line that may be timestamps."""
    if item.reason not in ("timestamp", "byline"):
        return []
    parts = LINE_PARTS.split(item.line)
    match = _BYLINE.fullmatch(parts[0]) if item.reason == "byline" else None
    return parts + [g for g in match.group("before", "after") if g] if match else parts


def _find_published(removed: tuple[Removed, ...], default_tz: tzinfo) -> datetime | None:
    """First publication time in a stamp or byline line; "Updated" stamps only as fallback."""
    updates: list[datetime] = []
    for item in removed:
        for part in _stamp_parts(item):
            parsed = parse_stamp(part, default_tz)
            if parsed is None:
                continue
            if re.match(r"(?i)(?:last )?(?:updated|modified|edited)", part):
                updates.append(parsed)
            else:
                return parsed
    return updates[0] if updates else None


_NAME_SOURCES = {
    "byline": _BYLINE,
    "wire_credit": _WIRE_CREDIT,
    "agency_byline": _AGENCY_BYLINE,
    "author_note": _AUTHOR_NOTE,
}


def _byline_match(item: Removed) -> re.Match[str] | None:
    return _NAME_SOURCES[item.reason].fullmatch(LINE_PARTS.split(item.line)[0])


def _byline_names(item: Removed) -> list[str]:
    match = _byline_match(item)
    if match is None:
        return []
    if item.reason == "byline":
        return _split_byline(_byline_tail(match))[0]
    return _split_names(match["names"])


def _byline_tail(match: re.Match[str]) -> str:
    """A "By" line from its names to the end of its affiliation (before "on DATE")."""
    return match.string[match.start("names") : match.end("affil" if match["affil"] else "names")]


def _find_byline(removed: tuple[Removed, ...]) -> str | None:
    """Writer names: a "By" line first, then a wire credit, an agency foot byline, then a
    foot author note."""
    for reason in ("byline", "wire_credit", "agency_byline", "author_note"):
        for item in removed:
            if item.reason == reason and (names := _byline_names(item)):
                return " and ".join(names)
    return None


def _find_affiliation(removed: tuple[Removed, ...]) -> str | None:
    """The publication the first "By" line names after its writers, if any."""
    for item in removed:
        if item.reason == "byline" and (match := _byline_match(item)):
            names, publication = _split_byline(_byline_tail(match))
            parts = LINE_PARTS.split(item.line)[1:]  # "By Jane Doe | Ardmoor Gazette"
            others = [p for p in parts if not stamp_match(p) and _is_publication(p)]
            if names:
                return publication or (others[0] if others else None)
    return None


def _find_credit(removed: tuple[Removed, ...], body: list[str]) -> str | None:
    """Origin outlet of a syndication line, else the agency of the lede's wire dateline."""
    for item in removed:
        if item.reason == "syndication" and (match := _SYNDICATION.fullmatch(item.line)):
            return match["outlet"].rstrip(".")
    for item in removed:
        if item.reason == "agency_byline" and (match := _AGENCY_BYLINE.fullmatch(item.line)):
            return ", ".join(_AGENCY_SEP.split(match["agencies"].strip()))
    dateline = _wire_dateline(body[0]) if body else None
    return dateline["agency"].strip() if dateline and dateline["agency"] else None


# --- entry point ----------------------------------------------------------------------------


def clean_scraped_text(raw: str, options: CleanOptions | None = None) -> CleanedText:
    """Clean plain text scraped from a news page.

    Args:
        raw: the scraped text, any line breaks, possibly with mojibake.
        options: metadata already known; known values win over inferred ones, and with a
            known title no title is guessed (its repeats are removed instead).

    Returns:
        The clean body (paragraphs joined by a blank line, each paragraph one line made of
        kept input lines joined by one space, so every kept line is a substring of
        :func:`repair_text` of ``raw``), the title, byline, aware publication time and
        credit found, subheads as :class:`Heading`, and every removed line with the name
        of the rule that removed it and its 1-based line number in ``raw``.
    """
    opts = options or CleanOptions()
    doc = _with_zones(_Doc(_split_lines(repair_text(raw)), title=opts.known_title))
    doc = _with_detected_title(doc) if opts.known_title is None else _with_known_title(doc)
    reasons = _apply_rules(doc)
    removed = tuple(
        Removed(line.text, reasons[i], line.number)
        for i, line in enumerate(doc.lines)
        if i in reasons
    )
    paragraphs = [p for block in _blocks(doc, reasons) for p in _split_block(block)]
    body, headings = _split_headings(paragraphs)
    logger.debug("cleaned: %d paragraphs kept, %d lines removed", len(body), len(removed))
    return CleanedText(
        text="\n\n".join(body),
        title=doc.title,
        byline=opts.known_byline or _find_byline(removed),
        published=opts.known_published or _find_published(removed, opts.default_timezone),
        credit=_find_credit(removed, body),
        headings=tuple(headings),
        removed=removed,
        affiliation=_find_affiliation(removed),
    )
