"""Unicode repair for scraped text, run before any cleaning rule looks at a line.

Scraped pages arrive with mojibake (UTF-8 read as Latin-1 or cp1252), non-breaking and
other exotic spaces, zero-width characters and soft hyphens, and every kind of line break.
:func:`repair_text` makes them plain while keeping what later stages depend on: curly
quote marks stay curly (quote extraction tells an opening mark from a closing one), and
the number and order of lines never changes, so a line number counted on the repaired
text is the line number in the raw input.
"""

from __future__ import annotations

import logging
import re
import unicodedata

import ftfy

__all__ = ["fold_case", "one_line", "repair_text", "storable_name"]

logger = logging.getLogger(__name__)

# ftfy settings: mojibake repair on, but nothing that changes what a character means.
# uncurl_quotes is off because quote extraction needs to see “ and ” as distinct marks;
# fix_character_width is off because it would rewrite CJK full-width punctuation, which is
# correct text, not damage. Ligatures (ﬁ -> fi) are PDF-copy damage, so they are fixed.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=True,
    fix_line_breaks=True,
    normalization="NFC",
    explain=False,
)

# Every Unicode space separator other than the ASCII space, plus tab: NBSP (U+00A0),
# ogham (U+1680), the U+2000-U+200A typographic spaces, narrow NBSP (U+202F), medium
# mathematical space (U+205F) and the ideographic space (U+3000).
_ODD_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen: invisible in a
# browser, but they split words for every string match that comes later. A joiner that
# is part of what is written is kept (_kept_joiner): one inside an emoji sequence, and a
# joiner or non-joiner between letters of a script that spells with them.
_INVISIBLES = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_ZWNJ, _ZWJ = "\u200c", "\u200d"

# Pictographs a ZWJ joins into one emoji (the family "man ZWJ woman ZWJ girl", "rainbow
# flag" = white flag VS16 ZWJ rainbow): the emoji planes, the miscellaneous symbols and
# dingbats (heart, female and male signs, staff of Aesculapius) and the technical and
# arrow symbols some sequences use; before the joiner also variation selector 16 and the
# skin-tone modifiers (U+1F3FB-U+1F3FF, in the emoji plane).
_PICTOGRAPHS = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
)
_EMOJI_BEFORE_JOINER = re.compile(f"{_PICTOGRAPHS.pattern}|\ufe0f")
# Scripts whose spelling uses ZWJ / ZWNJ between letters: Arabic (Persian and Urdu write
# ZWNJ inside words), Syriac, and the Brahmic scripts from Devanagari to Sinhala (half
# forms and conjuncts: the Malayalam chillu, the Devanagari eyelash ra). Removing the
# joiner there changes the word (Persian "mi-khaham" becomes another spelling).
_JOINING_SCRIPTS = re.compile(
    "[\u0600-\u074f\u0750-\u077f\u08a0-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufefe]"
)

# Line breaks ftfy does not fold: vertical tab and form feed (page breaks in text dumps).
_ODD_BREAKS = re.compile("\r\n|[\r\v\f\x1c-\x1e\x85\u2028\u2029]")

# A run of C0 controls (or DEL) between two visible characters: a word break in the
# source ("Tuesday\x1fmorning"), which ftfy's control removal glued into one word. Not
# an ESC that opens a terminal sequence ("\x1b[31m", removed whole by ftfy), nor a NUL
# (dropped in decoding, as browsers drop it), nor a tab or a break (spaces and lines).
_CONTROLS_IN_WORDS = re.compile(r"(?<=\S)(?:[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]|\x1b(?!\[))+(?=\S)")

# The characters _ODD_BREAKS looks for ("\r\n" starts with "\r").
_BREAK_MARKS = ("\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")

# Lines ftfy would leave as they are, so repair skips its per-line cost (a tenth of
# cleaning time, bench/ingest.py profile): printable ASCII but "&" (an HTML entity may
# start there), the typographic quotes, dashes and ellipsis of news prose anywhere, and
# the euro, pound and copyright signs between ASCII characters (next to a quote mark
# they can look like mojibake to ftfy). ftfy's mojibake test (ftfy.badness) needs one of
# its other characters to fire, and none of its other fixes touches these; the line needs
# ftfy when this finds anything (tests/test_clean_unicode.py checks the installed ftfy).
_PROSE_MARKS = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
_SIGNS = "\u20ac\u00a3\u00a9"
_NEEDS_FTFY = re.compile(
    f"[^\\x20-\\x25\\x27-\\x7e{_PROSE_MARKS}{_SIGNS}]"
    f"|[{_SIGNS}][^\\x20-\\x7e]|[^\\x20-\\x7e][{_SIGNS}]"
)


def repair_text(text: str) -> str:
    """Repair mojibake and normalize spaces and line breaks, keeping quote marks as written.

    Args:
        text: raw text as scraped.

    Returns:
        The repaired text: mojibake fixed by ftfy (curly quotes kept), every Unicode space
        turned into ``' '``, zero-width characters and soft hyphens removed (but for the
        joiners inside an emoji or a word of a joining script), every line
        break turned into ``'\\n'``, and trailing spaces stripped from each line. Each
        line break of the input is exactly one ``'\\n'`` of the output, so line numbers
        are preserved.
    """
    # Fold line breaks first, then repair line by line: ftfy already works a line at a
    # time, and doing the split here guarantees one "\n" per input break (a repair that
    # decoded an escaped newline inside a line could otherwise shift every line number).
    if any(mark in text for mark in _BREAK_MARKS):  # a regex scan costs far more than these
        text = _ODD_BREAKS.sub("\n", text)
    return "\n".join(_repair_line(line) for line in text.split("\n"))


def _repair_line(line: str) -> str:
    """Run ftfy on one line (any line break it produces becomes a space), then drop the
    invisible characters, turn odd spaces into spaces and strip the trailing ones."""
    if not _NEEDS_FTFY.search(line):
        # Nothing ftfy could change, and no invisible or odd space either (they are all
        # outside the characters the search lets through): skip their costs.
        return line.rstrip(" ")
    line = _CONTROLS_IN_WORDS.sub(" ", line)
    line = ftfy.fix_text(line, _FTFY_CONFIG).replace("\n", " ")
    return _visible(line).rstrip(" ")


def _visible(text: str) -> str:
    """``text`` with its invisible characters dropped (joiners that are part of the text
    kept, :func:`_invisible_kept`) and every odd space a plain space."""
    return _ODD_SPACES.sub(" ", _INVISIBLES.sub(_invisible_kept, text))


def _invisible_kept(match: re.Match[str]) -> str:
    """The invisible character ``match`` found if it is a joiner that is part of the
    text (:func:`_kept_joiner`), else nothing."""
    char = match.group()
    if char not in (_ZWJ, _ZWNJ):
        return ""
    line, at = match.string, match.start()
    before = line[at - 1] if at else ""
    after = line[at + 1] if at + 1 < len(line) else ""
    return char if _kept_joiner(char, before, after) else ""


def _kept_joiner(joiner: str, before: str, after: str) -> bool:
    """Whether a ZWJ or ZWNJ between ``before`` and ``after`` is kept: a ZWJ joining two
    pictographs into one emoji, or either joiner between two letters (or marks) of a
    script that spells with them."""
    if not before or not after:
        return False
    if joiner == _ZWJ and _EMOJI_BEFORE_JOINER.fullmatch(before) and _PICTOGRAPHS.fullmatch(after):
        return True
    return bool(_JOINING_SCRIPTS.fullmatch(before) and _JOINING_SCRIPTS.fullmatch(after))


def fold_case(text: str) -> str:
    """``text`` lower-cased so that a substring test finds every ASCII word a
    case-insensitive regex finds: besides ASCII capitals and the Kelvin sign, re's
    IGNORECASE takes "İ" and "ı" for "i" and "ſ" for "s" (str.lower leaves the last two
    as they are and turns "İ" into two characters)."""
    return text.replace("\u0130", "i").lower().replace("\u0131", "i").replace("\u017f", "s")


def one_line(text: str) -> str:
    """``text`` as one line of words, for a title, byline or outlet: every control
    character (Unicode category Cc: a tab, a newline, a NUL from JSON's "\\u0000") reads
    as a space, so two words it stood between stay apart ("Harbour opens\\nafter storm"),
    and runs of whitespace fold to one space; zero-width characters and soft hyphens go
    as :func:`repair_text` drops them from a body ("Har\\u00adbour" is "Harbour", so a
    title matches its body's words); empty when nothing else is left."""
    spaced = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(_visible(spaced).split())


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_name(name: str) -> str:
    """``name`` (a path or a file's stem) as text SQLite and UTF-8 can hold: a file named
    in another encoding than UTF-8 ("caf\\xe9.txt" from an old Latin-1 archive) comes
    from the file system with lone surrogates ("caf\\udce9"), which no UTF-8 encoder
    takes; its bytes are written as escapes ("caf\\\\xe9.txt"), the same on every run."""
    if not _SURROGATE.search(name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system byte stands for
        return name.encode("utf-8", "replace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
