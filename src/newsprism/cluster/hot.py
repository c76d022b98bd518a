"""A story while it is being clustered (hot: centroid, names, headlines; frozen: members,
span and title only), the evidence helpers that read it, and its saved form."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from newsprism.cluster.bound import is_unmeasured
from newsprism.cluster.join import Evidence
from newsprism.model import Story

if TYPE_CHECKING:
    from newsprism.cluster.split import Kept

logger = logging.getLogger(__name__)

Vector = npt.NDArray[np.float32]
# One side of an overlap: a story's counts, or an article's keys (each counted once).
Keys = Mapping[str, float] | frozenset[str]

# A hot story's name, speaker and number counts keep at most PROFILE_KEYS keys: past
# PROFILE_TRIM, the rarest in the story are dropped and their counts kept as one
# remainder (Profile.rest). Scoring a candidate costs O(its keys), so without a cap a
# story that keeps absorbing articles (a long-running or over-merged one) makes every
# add that meets it dearer as the stream goes on: on the 1M bench stream the largest
# stories held 206 names, 163 speakers and 621 numbers at 50k articles and kept growing.
# The evaluation stream's stories hold at most 28 names, 10 speakers and 52 numbers
# (seed 42026, 5,000 articles), so the cap never bites there and its stories are the same.
PROFILE_KEYS = 64
PROFILE_TRIM = 80


class Profile(Counter[str]):
    """A story's counts of one kind of key, at most :data:`PROFILE_TRIM` keys; ``rest``
    is the summed count of the keys dropped (see :data:`PROFILE_KEYS`)."""

    rest: float = 0.0

    def copy(self) -> Profile:
        return profile(self, self.rest)

    def __reduce__(self) -> tuple[Any, ...]:  # a pickle keeps the remainder too
        return profile, (dict(self), self.rest)

    def absorb(self, keys: Iterable[str] | Mapping[str, int], rest: float = 0.0) -> set[str]:
        """Count ``keys`` (an article's set, or another story's counts) and ``rest``;
        then trim. The keys dropped. Cost: O(keys), and O(n log n) per trim, one trim
        per :data:`PROFILE_TRIM` - :data:`PROFILE_KEYS` new keys at most."""
        self.update(keys)
        self.rest += rest
        return self.trim() if len(self) > PROFILE_TRIM else set()

    def trim(self) -> set[str]:
        """Keep the :data:`PROFILE_KEYS` most counted keys (ties: the smaller key), add
        the others' counts to ``rest``; the keys dropped."""
        ranked = sorted(self.items(), key=lambda item: (-item[1], item[0]))
        dropped = ranked[PROFILE_KEYS:]
        for key, count in dropped:
            self.rest += count
            del self[key]
        if dropped:
            logger.debug("profile trimmed: %d keys dropped", len(dropped))
        return {key for key, _ in dropped}


def profile(counts: Mapping[str, int] | None = None, rest: float = 0.0) -> Profile:
    """A profile of ``counts`` and ``rest``, trimmed (a state saved before the cap)."""
    made = Profile(counts or {})
    made.rest = rest
    if len(made) > PROFILE_TRIM:
        made.trim()
    return made


class MergeLog:
    """Story ids merged away -> the id that holds their articles now. A merge re-points
    only the ids merged into the story merged away (kept by target), so its cost does
    not grow with every merge of the session, as a scan of them all did."""

    def __init__(self) -> None:
        self._into: dict[str, str] = {}
        self._merged_into: dict[str, set[str]] = {}

    def record(self, gone: str, keep: str) -> None:
        moved = self._merged_into.pop(gone, set())
        for old in moved:
            self._into[old] = keep
        self._into[gone] = keep
        self._merged_into.setdefault(keep, set()).update(moved, (gone,))

    def as_dict(self) -> dict[str, str]:
        return dict(self._into)


def absorb_keys(
    story: HotStory,
    names: Iterable[str],
    speakers: Iterable[str],
    numbers: Iterable[str],
    days: Iterable[str] = (),
) -> tuple[set[str], set[str]]:
    """Count an article's names, speakers, numbers and calendar days into ``story``: the
    name keys it newly holds and those it no longer holds (trimmed), for the name index.
    Both name kinds share that index, so a key counts as held while either holds it."""
    names, speakers = set(names), set(speakers)
    fresh = (names | speakers) - story.names.keys() - story.speakers.keys()
    unheld = _unheld(story, story.names.absorb(names) | story.speakers.absorb(speakers))
    story.numbers.absorb(numbers)
    story.days.absorb(days)
    return fresh - unheld, unheld


def absorb_story(keep: HotStory, gone: HotStory) -> set[str]:
    """Add ``gone``'s counts (and remainders) to ``keep``'s; the name keys ``keep`` no
    longer holds after the trim (the caller indexed ``gone``'s under ``keep`` first)."""
    dropped = keep.names.absorb(gone.names, gone.names.rest)
    dropped |= keep.speakers.absorb(gone.speakers, gone.speakers.rest)
    keep.numbers.absorb(gone.numbers, gone.numbers.rest)
    keep.days.absorb(gone.days, gone.days.rest)
    keep.languages.update(gone.languages)
    return _unheld(keep, dropped)


def _unheld(story: HotStory, keys: set[str]) -> set[str]:
    return {k for k in keys if k not in story.names and k not in story.speakers}


@dataclass(eq=False, slots=True)
class HotStory:
    """A story while clustering; a frozen (cold) one keeps members, span and title."""

    key: int
    id: str
    members: list[tuple[int, str]] = field(default_factory=list)
    sources: int = 0
    total: Vector | None = None
    names: Profile = field(default_factory=Profile)
    speakers: Profile = field(default_factory=Profile)
    # How many members write each number (join.number_keys), for the numbers evidence.
    numbers: Profile = field(default_factory=Profile)
    # How many members give each calendar day (signals.calendar_days), for the days evidence.
    days: Profile = field(default_factory=Profile)
    languages: Counter[str] = field(default_factory=Counter)
    headlines: list[tuple[int, str, npt.NDArray[np.float16]]] = field(default_factory=list)
    # The latest MAX_HEADLINES headline vectors stacked, and the (count, last seq) they
    # were stacked at: scoring reads them for every candidate, so they are not re-stacked.
    stacked: Vector | None = None
    stacked_at: tuple[int, int] = (0, 0)
    first_day: float | None = None
    last_day: float | None = None
    touched: float | None = None
    first_published: datetime | None = None
    last_published: datetime | None = None
    title: str | None = None
    hot: bool = True
    # (sources, |total|^2, total has a non-zero) as of that many sources: see norm_sq.
    norm: tuple[int, float, bool] | None = None
    # What each member brought, by sequence number, while the story may be split
    # (newsprism.cluster.split); None once it cannot be (restored, frozen or too big).
    kept: dict[int, Kept] | None = field(default_factory=dict)
    # The source count at the last split check (a story is checked again once it changes).
    checked: int = 0

    def centroid(self) -> Vector:
        """The unit mean of the members' vectors (zero when there is no text)."""
        total = self.total if self.total is not None else np.zeros(1, np.float32)
        norm = float(np.linalg.norm(total))
        return (total / norm).astype(np.float32) if norm else total

    def language(self) -> str | None:
        """The most common language (the first seen on a tie, as ``most_common``)."""
        languages = self.languages
        if len(languages) < 2:
            return next(iter(languages), None)
        return max(languages, key=languages.__getitem__)

    def central_title(self) -> str | None:
        """The headline whose vector is nearest the centroid (earliest on a tie)."""
        if not self.hot or not self.headlines:
            return self.title
        centre = self.centroid()
        if not np.any(centre):
            return self.headlines[0][1]
        sims = np.stack([h[2] for h in self.headlines]).astype(np.float32) @ centre
        return self.headlines[int(np.argmax(sims))][1]

    def record(self) -> Story:
        return Story(
            id=self.id,
            title=self.central_title(),
            articles=tuple(a for _, a in self.members),
            first_published=self.first_published,
            last_published=self.last_published,
        )


def norm_sq(story: HotStory) -> tuple[float, bool]:
    """``float(total . total)`` and whether ``total`` has a non-zero, kept until the
    story's source count changes: the total changes only with it (a join adds one
    source and its vector, a merge the other story's sources and total), and scoring
    reads it for every candidate of every add (the same floats as computed afresh)."""
    cached = story.norm
    if cached is not None and cached[0] == story.sources:
        return cached[1], cached[2]
    total = story.total
    if total is None:
        return 0.0, False
    sq, nonzero = float(np.dot(total, total)), bool(total.any())
    story.norm = (story.sources, sq, nonzero)
    return sq, nonzero


def merge_members(keep: HotStory, gone: HotStory) -> None:
    """``gone``'s members and headlines into ``keep``'s, in order of arrival: each list
    is two sorted runs, which the sort merges in C (a merge into a story of thousands of
    members was a Python-level walk over all of them)."""
    keep.members.extend(gone.members)
    keep.members.sort()  # (seq, id): seqs are unique, so only they are compared
    keep.headlines.extend(gone.headlines)
    keep.headlines.sort(key=itemgetter(0))


def gap(day: float | None, first: float | None, last: float | None) -> float | None:
    if day is None or first is None or last is None:
        return None
    return max(0.0, first - day, day - last)


def spans_gap(a: HotStory, b: HotStory) -> float | None:
    if None in (a.first_day, a.last_day, b.first_day, b.last_day):
        return None
    return max(0.0, (b.first_day or 0) - (a.last_day or 0), (a.first_day or 0) - (b.last_day or 0))


# Headlines compared per story at most (the latest), to bound the cost of a merge check.
MAX_HEADLINES = 64


def headline_rows(story: HotStory) -> Vector:
    """The story's latest headline vectors as float32 rows, stacked once per change."""
    key = (len(story.headlines), story.headlines[-1][0] if story.headlines else 0)
    if story.stacked is None or story.stacked_at != key:
        story.stacked = np.stack([h[2] for h in story.headlines[-MAX_HEADLINES:]]).astype(
            np.float32
        )
        story.stacked_at = key
    return story.stacked


def best_headline(headline: Vector | None, story: HotStory) -> float | None:
    """The best cosine of a headline with a story's headlines; None without one."""
    if headline is None or not story.headlines or not np.any(headline):
        return None
    rows = headline_rows(story)
    return float(np.max(rows @ headline))


def best_headline_pair(first: HotStory, second: HotStory) -> float | None:
    """The best cosine between the two stories' headlines; None if either has none."""
    if not first.headlines or not second.headlines:
        return None
    return float(np.max(headline_rows(first) @ headline_rows(second).T))


def weighted_overlap(
    first: Mapping[str, float],
    first_size: float,
    second: Mapping[str, float],
    second_size: float,
    weights: dict[str, float] | None = None,
    weigh: Callable[[str], float] | None = None,
) -> float:
    """The weighted Jaccard ``sum w*min / sum w*max`` of the two sides' frequencies
    (count / size) over the union of their keys; 0 when they share no key, found without
    weighing any. ``weights`` memoises ``weigh`` (both None: every weight is 1).

    The same float as the Jaccard over frequency dicts made first: each frequency is the
    same division and the sums run in the same order, so decisions do not move; it only
    skips making the dicts (most of a merge check's cost before). Cost: O(keys).

    A trimmed :class:`Profile`'s ``rest`` (its dropped keys' counts) counts as unshared,
    weighed by the mean weight of its side's keys (the dropped keys' own weights are not
    kept); nothing is added for a side without one, so the float is unchanged there."""
    if first.keys().isdisjoint(second.keys()):
        return 0.0
    memo: dict[str, float] = weights if weights is not None else {}
    unit = weigh is None
    top = bottom = 0.0
    for key, count in first.items():
        a = count / first_size
        b = second.get(key, 0) / second_size
        w = 1.0 if unit else memo.get(key)
        if w is None:
            w = memo[key] = weigh(key)  # type: ignore[misc]
        top += w * (a if a < b else b)
        bottom += w * (b if a < b else a)
    for key, count in second.items():
        if key not in first:
            w = 1.0 if unit else memo.get(key)
            if w is None:
                w = memo[key] = weigh(key)  # type: ignore[misc]
            bottom += w * (count / second_size)
    for side, size in ((first, first_size), (second, second_size)):
        rest = getattr(side, "rest", 0.0)
        if rest:
            mean = 1.0 if unit else sum(memo[k] for k in side) / len(side)
            bottom += mean * (rest / size)
    return top / bottom if bottom else 0.0


# Relative slack on an overlap cap: its sums run in another order than the exact
# overlap's, so the two floats may differ in the last bits (~1e-15 relative).
_CAP_SLACK = 1e-9


def overlap_cap(
    first: Keys,
    first_size: float,
    second: Mapping[str, float],
    second_size: float,
    weights: dict[str, float] | None = None,
    weigh: Callable[[str], float] | None = None,
    floor: float = 1.0,
) -> float:
    """An upper bound of :func:`weighted_overlap` of the same sides (``first`` may be an
    article's keys, each of count 1) that weighs only the shared keys: O(shared keys)
    after a C-level intersection, against O(all keys) for the overlap itself. ``floor``
    is a lower bound of every weight ``weigh`` gives (1 without ``weigh``: unit weights).

    Proof. Let S be the shared keys, a_k and b_k the two sides' frequencies (count /
    size), w_k >= floor the weights, r_1 and r_2 the sides' ``rest`` (dropped counts),
    M_i = (sum of side i's counts + r_i) / size_i its total frequency. The overlap is
    T / B with T = sum_S w_k min(a_k, b_k) and
    B = sum_S w_k max(a_k, b_k) + sum_(keys of one side only) w_k freq_k
    + m_1 r_1 / size_1 + m_2 r_2 / size_2, where m_i, the mean weight of side i's keys,
    is >= floor too. The terms after the first sum are >= floor x U, where
    U = (M_1 - sum_S a_k) + (M_2 - sum_S b_k) is the frequency outside S. So
    T / B <= T / (sum_S w_k max(a_k, b_k) + floor x U), which is what is returned, raised
    by a relative :data:`_CAP_SLACK` for rounding (and at most 1, as the overlap); 0 when
    no key is shared, where the overlap is 0. Unit weights (floor 1) make the bound the
    overlap itself, up to rounding: the numbers' overlap costs O(shared keys) to bound."""
    # An article's keys come as a (frozen)set; a concrete-type check, as an ABC's
    # isinstance costs more than the rest of a small cap.
    counts = None if isinstance(first, (frozenset, set)) else first
    shared = first & second.keys() if counts is None else second.keys() & counts.keys()
    if not shared:
        return 0.0
    memo: dict[str, float] = weights if weights is not None else {}
    top = bottom = a_mass = b_mass = 0.0
    for key in shared:
        a = (1.0 if counts is None else counts[key]) / first_size
        b = second[key] / second_size
        if weigh is None:
            w = 1.0
        else:
            w = memo.get(key)  # type: ignore[assignment]
            if w is None:
                w = memo[key] = weigh(key)
        top += w * (a if a < b else b)
        bottom += w * (b if a < b else a)
        a_mass += a
        b_mass += b
    first_mass = (
        len(first) / first_size
        if counts is None
        else (sum(counts.values()) + getattr(counts, "rest", 0.0)) / first_size
    )
    second_mass = (sum(second.values()) + getattr(second, "rest", 0.0)) / second_size
    outside = max(0.0, first_mass - a_mass) + max(0.0, second_mass - b_mass)
    denominator = bottom + max(0.0, floor) * outside
    if denominator <= 0.0:
        return 1.0
    return min(1.0, top / denominator * (1.0 + _CAP_SLACK))


def overlap_caps(
    known: Evidence,
    sides: tuple[Keys, Keys, Keys],
    size: float,
    story: HotStory,
    weights: dict[str, float],
    weigh: Callable[[str], float],
    floor: float,
) -> dict[str, float]:
    """:func:`overlap_cap` of each overlap field that ``known`` leaves unmeasured: the
    names, speakers and numbers ``sides`` (an article's keys, size 1, or a story's
    counts and size) against ``story``'s; names and speakers weighed by ``weigh``
    (at least ``floor`` each), numbers unweighted, as the clusterer measures them."""
    caps: dict[str, float] = {}
    for field_name, side, counts, weighed in (
        ("names", sides[0], story.names, True),
        ("speakers", sides[1], story.speakers, True),
        ("numbers", sides[2], story.numbers, False),
    ):
        if is_unmeasured(getattr(known, field_name)):
            caps[field_name] = (
                overlap_cap(side, size, counts, story.sources, weights, weigh, floor)
                if weighed
                else overlap_cap(side, size, counts, story.sources)
            )
    return caps


def number_overlap(
    first: Mapping[str, float], first_size: float, counts: Mapping[str, float], size: int
) -> float | None:
    """Jaccard of the numbers written on each side (a story's weighed by the share of its
    members writing them; unweighted by rarity: a number's meaning lies in its unit,
    which the key does not hold); None when either side writes none."""
    if not first or not counts:
        return None
    return weighted_overlap(first, first_size, counts, size)


# Without text evidence (another language), a story must share this many names.
MIN_SHARED_NAMES = 2


def names_only(threshold: float, shared: int, names: float | None, speakers: float | None) -> float:
    """Join margin on names and speakers alone (another language, or no text): their
    weighted mean less ``threshold``; -1 below :data:`MIN_SHARED_NAMES` shared names."""
    if shared < MIN_SHARED_NAMES:
        return -1.0
    parts = [(w, v) for w, v in ((0.35, names), (0.10, speakers)) if v is not None]
    if not parts:
        return -1.0
    mean = sum(w * v for w, v in parts) / sum(w for w, _ in parts)
    return mean - threshold


def widen_span(story: HotStory, day: float | None, published: datetime | None) -> None:
    if day is not None:
        story.first_day = day if story.first_day is None else min(story.first_day, day)
        story.last_day = day if story.last_day is None else max(story.last_day, day)
    if published is not None:
        first, last = story.first_published, story.last_published
        story.first_published = published if first is None else min(first, published)
        story.last_published = published if last is None else max(last, published)


def absorb_span(keep: HotStory, gone: HotStory) -> None:
    for day in (gone.first_day, gone.last_day):
        widen_span(keep, day, None)
    for published in (gone.first_published, gone.last_published):
        widen_span(keep, None, published)
    if gone.touched is not None:
        keep.touched = max(keep.touched or gone.touched, gone.touched)


def stack(rows: Sequence[npt.NDArray[Any]], dim: int) -> npt.NDArray[Any]:
    return np.stack(rows) if rows else np.zeros((0, dim), np.float32)


def iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def story_meta(story: HotStory) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "key": story.key,
        "id": story.id,
        "members": story.members,
        "sources": story.sources,
        "span": [story.first_day, story.last_day, story.touched],
        "published": [iso(story.first_published), iso(story.last_published)],
        "hot": story.hot,
        "title": story.title,
    }
    if story.hot:
        entry["names"], entry["speakers"] = story.names, story.speakers
        entry["languages"] = story.languages
        entry["numbers"] = story.numbers
        entry["days"] = story.days
        rests = {
            k: c.rest
            for k, c in (
                ("names", story.names),
                ("speakers", story.speakers),
                ("numbers", story.numbers),
                ("days", story.days),
            )
            if c.rest
        }
        if rests:  # only stories trimmed (PROFILE_KEYS) have one
            entry["rest"] = rests
        entry["headlines"] = [[seq, title] for seq, title, _ in story.headlines]
    return entry


def story_from_meta(
    entry: Mapping[str, Any], totals: Iterator[npt.NDArray[Any]], headlines: Iterator[Any]
) -> HotStory:
    story = HotStory(entry["key"], entry["id"], [(seq, a) for seq, a in entry["members"]])
    story.sources, story.hot, story.title = entry["sources"], entry["hot"], entry["title"]
    story.kept = None  # the caller restores them (state.kept_of)
    story.first_day, story.last_day, story.touched = entry["span"]
    story.first_published, story.last_published = (when(t) for t in entry["published"])
    if story.hot:
        story.total = np.asarray(next(totals), dtype=np.float32).copy()
        rest = entry.get("rest", {})
        story.names = profile(entry["names"], rest.get("names", 0.0))
        story.speakers = profile(entry["speakers"], rest.get("speakers", 0.0))
        story.languages = Counter(entry["languages"])
        # "numbers" is absent in states before it
        story.numbers = profile(entry.get("numbers", {}), rest.get("numbers", 0.0))
        # "days" is absent in states before format 4 (state.py): such a story counts the
        # days of the members that join it from then on
        story.days = profile(entry.get("days", {}), rest.get("days", 0.0))
        story.headlines = [(seq, title, next(headlines)) for seq, title in entry["headlines"]]
    return story
