"""RSS and Atom feeds to raw documents, via feedparser.

Each entry becomes one document: its full content (``content:encoded`` or Atom
``content``) where the feed carries it, else its summary; or, when link fetching is on,
the linked page itself, read like any HTML page (falling back to the entry's own text
when the fetch fails, with the failure reported).
"""

from __future__ import annotations

import calendar
import email.utils
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.html

from newsprism.errors import InputError, MalformedInput
from newsprism.ingest.html import parse_timestamp
from newsprism.model import IngestFailure, RawDocument

logger = logging.getLogger(__name__)

Item = RawDocument | IngestFailure
# Fetches a URL and reads it into a document; injected so this module stays pure.
LinkReader = Callable[[str], RawDocument]
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")


def read_feed(data: bytes, source: str, read_link: LinkReader | None = None) -> Iterator[Item]:
    """One document per feed entry (or a failure naming the entry's link).

    Raises :class:`MalformedInput` when the XML is broken and no entry can be read.
    """
    parsed = feedparser.parse(data)
    broken = _xml_error(parsed)
    if broken:
        # Report the damage once for the file, then keep whatever entries survived it.
        yield IngestFailure(source, f"malformed feed XML ({broken})")
    elif not parsed.entries:
        raise MalformedInput(source, "feed has no entries")
    outlet = _text(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries):
        link = _text(entry.get("link"))
        where = f"{source}#{link or index}"
        try:
            yield _entry_document(entry, source, where, outlet, read_link)
        except InputError as exc:
            if not broken:
                yield IngestFailure(exc.source, exc.reason)


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
        raise MalformedInput(where, "feed entry has no text")
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
    """Plain text of an HTML fragment: one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    blocks = [" ".join(el.text_content().split()) for el in root.iter(*_BLOCKS)]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def entry_published(entry: Any) -> datetime | None:
    """An entry's publication time, keeping the feed's own UTC offset where it has one."""
    raw = _text(entry.get("published") or entry.get("updated"))
    if raw:
        found = parse_timestamp(raw) or _rfc822(raw)
        if found is not None:
            return found
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return None


def _rfc822(raw: str) -> datetime | None:
    try:
        found = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
