"""HTTP fetching for URLs and feed links, with httpx.

Polite and bounded: a clear User-Agent, connect/read timeouts, a size limit enforced
while streaming (a huge response is cut off, not buffered), redirects followed, and one
retry after a transport error or a 5xx answer.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from newsprism import __version__
from newsprism.errors import FetchError, InputTooLarge

logger = logging.getLogger(__name__)

USER_AGENT = f"newsprism/{__version__} (offline news cross-checking; one request per page)"
_RETRIES = 1
# The longest one response body may take, whatever its pace. The client's timeout is
# per read, so a server sending a byte every few seconds held a run (or a watch round)
# for days. Five minutes reads the 20 MB size limit at about 70 KB/s; news pages and
# feeds are well under 2 MB. A larger --max-bytes (a big file fetched by URL) scales the
# deadline to the same rate, 70 KB/s (a modest connection): max(300 s, max_bytes / 70 KB).
RESPONSE_DEADLINE = 300.0
# The body size RESPONSE_DEADLINE covers: 300 s at 70,000 bytes/s.
DEADLINE_COVERS_BYTES = 21_000_000


def response_deadline(max_bytes: int) -> float:
    """Seconds one response body may take when it may hold up to ``max_bytes`` bytes."""
    return RESPONSE_DEADLINE * max(1.0, max_bytes / DEADLINE_COVERS_BYTES)


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of one HTTP response and what is needed to read it."""

    url: str
    content: bytes
    content_type: str


def fetch(client: httpx.Client, url: str, max_bytes: int) -> Fetched:
    """GET ``url``, retrying once after a transport error or server error.

    Raises :class:`FetchError` (status, timeout, network) or :class:`InputTooLarge`.
    """
    last: FetchError | None = None
    for attempt in range(_RETRIES + 1):
        try:
            return _fetch_once(client, url, max_bytes)
        except _Retryable as exc:
            last = FetchError(url, exc.reason)
            logger.info("%s: %s (attempt %d)", url, exc.reason, attempt + 1)
    assert last is not None
    raise last


class _Retryable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _fetch_once(client: httpx.Client, url: str, max_bytes: int) -> Fetched:
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 500:
                raise _Retryable(f"HTTP {response.status_code} from server")
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            content = _read_limited(response, url, max_bytes)
            content_type = response.headers.get("content-type", "")
            return Fetched(str(response.url), content, content_type)
    except httpx.TimeoutException:
        raise _Retryable("timed out") from None
    except httpx.UnsupportedProtocol as exc:
        # "https://" (no host) was "network error (UnsupportedProtocol)", tried three
        # times over 5 s; a redirect to another scheme ends here too, and neither heals.
        raise FetchError(url, _unsupported(url, exc)) from None
    except httpx.TransportError as exc:
        raise _Retryable(f"network error ({type(exc).__name__})") from None
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"invalid URL ({exc})") from None
    except httpx.TooManyRedirects:  # a redirect loop: no TransportError, it ended the run
        raise FetchError(url, "too many redirects (a redirect loop?)") from None
    except httpx.HTTPError as exc:  # any other failure of the request itself
        raise FetchError(url, f"request failed ({type(exc).__name__})") from None


def _unsupported(url: str, exc: httpx.UnsupportedProtocol) -> str:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    return "invalid URL (no host name)" if not host else f"cannot fetch it ({exc})"


def _read_limited(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(
            url,
            f"response of {int(declared):,} bytes is over the size limit of {max_bytes:,} bytes",
        )
    chunks: list[bytes] = []
    size = 0
    deadline = response_deadline(max_bytes)
    ends = time.monotonic() + deadline
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(url, f"response is over the size limit of {max_bytes:,} bytes")
        if time.monotonic() > ends:
            raise FetchError(url, f"response took over {deadline:g} s ({size:,} bytes read)")
        chunks.append(chunk)
    return b"".join(chunks)


def make_client(timeout: float) -> httpx.Client:
    """An httpx client with newsprism's User-Agent, timeouts and redirect policy."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
    )
