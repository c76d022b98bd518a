"""RSS and Atom feeds to raw documents, via feedparser.

Each entry becomes one document: its full content (``content:encoded`` or Atom
``content``) where the feed carries it, else its summary; or, when link fetching is on,
the linked page itself, read like any HTML page (falling back to the entry's own text
when the fetch fails, with the failure reported).

Policy for broken XML (an entry is stored or reported failed, never both):

* A feed that declares its own XML entities (a DTD with ``<!ENTITY``: the entity bomb
  and the external entity) is refused whole before any parser sees it: one failure, no
  entry stored, nothing expanded, no file or URL read. RSS and Atom never need them.
* A feed that is not well-formed (an undefined entity such as ``&nbsp;`` in RSS, a
  mismatched tag) is read by feedparser's lenient parser: its entries are stored and the
  feed gets one warning naming the XML error, not a failure. An entry the XML ends
  inside (a truncated feed) is reported failed and not stored.
* A broken feed with no complete entry is one failure for the file.
"""

from __future__ import annotations

import calendar
import email.utils
import logging
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from newsprism.errors import InputError, MalformedInput
from newsprism.ingest.decode import xml_as_utf8
from newsprism.ingest.fragment_blocks import stream_paragraphs, tree_paragraphs
from newsprism.ingest.html import DEEPER_THAN_HUGE, DEPTH_LIMIT_REACHED, parse_timestamp
from newsprism.ingest.timestamps import full_year
from newsprism.model import IngestFailure, IngestWarning, RawDocument

logger = logging.getLogger(__name__)

Item = RawDocument | IngestFailure | IngestWarning
# Fetches a URL and reads it into a document; injected so this module stays pure.
LinkReader = Callable[[str], RawDocument]
_DEEP_PARSER = lxml.html.HTMLParser(collect_ids=False, remove_comments=True, huge_tree=True)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_feed(data: bytes, source: str, read_link: LinkReader | None = None) -> Iterator[Item]:
    """One document per feed entry (or a failure naming the entry's link), following
    the broken-XML policy of this module.

    Raises :class:`MalformedInput` when the feed declares entities, or when it has no
    entries (or, being broken, no complete one).
    """
    for _, item in read_feed_entries(data, source, read_link):
        yield item


def read_feed_entries(
    data: bytes, source: str, read_link: LinkReader | None = None
) -> Iterator[tuple[str | None, Item]]:
    """What :func:`read_feed` yields, each with its entry's id (RSS ``guid``, Atom
    ``id``; None where the feed gives none, and for the feed's warning): what a watch
    knows an entry by when its text or title is edited."""
    data = xml_as_utf8(data)
    if _declares_entities(data):
        raise MalformedInput(
            source, "feed declares XML entities (<!ENTITY> in its DTD): refused, nothing read"
        )
    try:
        parsed = feedparser.parse(_valid_references(data))
    except Exception as exc:  # feedparser's own bugs on odd bytes (a NUL in a declaration)
        raise MalformedInput(source, f"unreadable feed ({type(exc).__name__}: {exc})") from None
    broken = _xml_error(parsed)
    complete = _complete_entries(data, len(parsed.entries)) if broken else len(parsed.entries)
    if broken and not complete:
        raise MalformedInput(source, f"malformed feed XML ({broken}), no complete entry in it")
    if not parsed.entries:
        raise MalformedInput(source, "feed has no entries")
    if broken:
        said = f"malformed feed XML ({broken}); entries read by a lenient parser"
        yield None, IngestWarning(source, said)
    outlet = _text(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries):
        link = _text(entry.get("link"))
        guid = _text(entry.get("id"))
        where = f"{source}#{link or index}"
        if index >= complete:
            yield guid, IngestFailure(where, "the feed's XML ends inside this entry (truncated)")
            continue
        try:
            yield guid, _entry_document(entry, source, where, outlet, read_link)
        except InputError as exc:
            yield guid, IngestFailure(exc.source, exc.reason)


_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
_FIRST_END_TAG = re.compile(r"</")
_ENTRY_END = re.compile(r"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
# A character reference to a code point no text holds (a surrogate half, NUL, past
# U+10FFFF): feedparser's lenient parser raised UnicodeEncodeError on "&#xD800;" in one
# entry and the whole feed was lost. Such a reference reads as U+FFFD, as in HTML.
# Any number of digits: "&#x000000000D800;" is a surrogate too, and "&#99999999999;"
# overflowed feedparser's int conversion (OverflowError, the feed lost again).
_CHAR_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
# U+10FFFF, the last code point, has 6 hex digits and 7 decimal ones.
_MOST_DIGITS = 7


def _valid_references(data: bytes) -> bytes:
    def fixed(found: re.Match[bytes]) -> bytes:
        digits = (found[1] or found[2]).lstrip(b"0")
        if len(digits) > _MOST_DIGITS:
            return b"&#xFFFD;"
        code = int(digits or b"0", 16 if found[1] else 10)
        invalid = code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF
        return b"&#xFFFD;" if invalid else found[0]

    return _CHAR_REFERENCE.sub(fixed, data) if b"&#" in data else data


def _markup(data: bytes) -> str:
    """The feed's characters, enough to find markup: Latin-1 (every ASCII-compatible
    encoding keeps ``<``, ``!`` and letters as bytes; a wide encoding was made UTF-8 by
    :func:`~newsprism.ingest.decode.xml_as_utf8` before the feed is read)."""
    return data.decode("latin-1")


def _declares_entities(data: bytes) -> bool:
    """True when a DOCTYPE declares an entity before the document's first end tag (an
    article about XML may quote "<!ENTITY" in its content, after its title's end tag)."""
    text = _markup(data)
    doctype = _DOCTYPE.search(text)
    if doctype is None:
        return False
    end_tag = _FIRST_END_TAG.search(text, doctype.end())
    stop = end_tag.start() if end_tag else len(text)
    return bool(_ENTITY_DECLARATION.search(text, doctype.end(), stop))


def _complete_entries(data: bytes, found: int) -> int:
    """How many of the ``found`` entries a broken feed closes: the XML may end inside
    the last ones (a truncated download), and their text would be cut."""
    return min(found, len(_ENTRY_END.findall(_markup(data))))


def _xml_error(parsed: Any) -> str | None:
    """The XML error feedparser met, or None (encoding overrides are not errors)."""
    if not parsed.bozo:
        return None
    exc = parsed.get("bozo_exception")
    if isinstance(exc, feedparser.CharacterEncodingOverride):
        return None
    return " ".join(str(exc).split()) or "unreadable XML"


def _entry_document(
    entry: Any, source: str, where: str, outlet: str | None, read_link: LinkReader | None
) -> RawDocument:
    link = _text(entry.get("link"))
    if read_link is not None and link:
        linked = _read_linked(read_link, link)
        if linked is not None:
            return linked
    body = fragment_text(_entry_html(entry))
    if not body:
        # A headline feed links every story and holds none: say how to read them.
        hint = " (its linked page is read with --fetch-links)" if link and not read_link else ""
        raise MalformedInput(where, f"feed entry has no text{hint}")
    return RawDocument(
        source=source,
        body=body,
        url=link,
        title=_text(entry.get("title")),
        byline=_text(entry.get("author")),
        published=entry_published(entry),
        outlet=outlet,
    )


def _read_linked(read_link: LinkReader, link: str) -> RawDocument | None:
    try:
        return read_link(link)
    except InputError as exc:
        logger.warning("%s; using the feed's own text instead", exc)
        return None


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    return max(values, key=len) if values else str(entry.get("summary") or "")


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one paragraph per block element, a table's rows a
    line each (see newsprism.ingest.fragment_blocks)."""
    if "<" not in fragment:
        return fragment.strip()
    # lxml refuses text with NULs, C0 controls or lone surrogates; a lenient feed has them.
    clean = _XML_INVALID.sub("", fragment)
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    if DEPTH_LIMIT_REACHED(root):
        # libxml2 drops what lies under 256 nested elements without a word (see
        # newsprism.ingest.html): an entry whose text sat in 300 unclosed <div>s was
        # "feed entry has no text". Parsed again as a page's too deep tree is.
        root = lxml.html.fragment_fromstring(clean, create_parent="div", parser=_DEEP_PARSER)
        if DEEPER_THAN_HUGE(root):
            # Even the huge option stops at 2,048 levels: read tag by tag, with no tree.
            logger.info("an HTML fragment nested past 2,000 elements, read tag by tag")
            return "\n\n".join(stream_paragraphs(clean))
    return "\n\n".join(tree_paragraphs(root))


def entry_published(entry: Any) -> datetime | None:
    """An entry's publication time, keeping the feed's own UTC offset where it has one."""
    raw = _text(entry.get("published") or entry.get("updated"))
    if raw:
        found = parse_timestamp(raw) or _rfc822(raw)
        if found is not None:
            return found
        if _impossible_iso_day(raw):
            # An impossible ISO date ("2026-02-30", month 13): feedparser rolls it over
            # into another day ("2026-03-02") that no one wrote.
            return None
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        try:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
        except (OverflowError, OSError, ValueError):  # year 0 and the like
            return None
    return None


_ISO_DAY = re.compile(r"[+-]?(\d{4})-(\d{1,2})-(\d{1,2})")


def _impossible_iso_day(raw: str) -> bool:
    """True when ``raw`` opens with an ISO day that no calendar has. Only the day is
    judged: a possible day with a time parse_timestamp cannot read ("2026-03-02 10:00:00
    UTC", a zone by name) is still dated by feedparser, as before."""
    found = _ISO_DAY.match(raw)
    if found is None:
        return False
    try:
        datetime(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return True
    return False


# An RFC 822 date's year when written in two digits ("Sun, 05 Mar 28 10:00:00 GMT").
_TWO_DIGIT_YEAR = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+(\d{2})\s")


def _rfc822(raw: str) -> datetime | None:
    try:
        found = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    found = found if found.tzinfo else found.replace(tzinfo=UTC)
    two_digits = _TWO_DIGIT_YEAR.search(raw)
    if two_digits is None:
        return found
    # email.utils reads '28' as 2028 (69-99: 19xx) while a page's '5.3.28' is read by
    # full_year against today: one pivot for the tool (review s36/2 L6).
    year = full_year(int(two_digits[1]), datetime.now(UTC).date())
    try:
        return found.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
