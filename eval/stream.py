"""A generated, labelled stream of news articles for measuring story clustering.

No labelled story-clustering data can be reached from here (see eval/README.md), so this
module writes one: hundreds of invented stories, each told by several of twenty invented
outlets in their own words, published over 90 days. Every article knows its story (the
label), its near-duplicate group (wire copies), the names it mentions and who it quotes.

How a stream is made (``generate_stream(articles, seed)``):

* **Stories.** Each story has an event kind (16: strike, wildfire, flood, budget,
  derailment, ...), a town, region and country (5 countries of 10 towns each), one or
  two public figures from that country's cabinet (the cabinet is fixed, so a Transport
  Minister recurs in every rail and bridge story of the country), two or three local
  people (role and organisation), an organisation, a count, a sum of money, a
  percentage, and three or four key quotes. Story sizes are long-tailed:
  ``min(40, int(3 * pareto(1.0)))`` articles, 3-40, mean about 11.
* **Follow-ups.** 15% of stories follow an earlier story of the same country 3-21 days
  later: same town, same public figures, one or two of the same local people, often the
  same event kind, and a lede that mentions the earlier event. They are labelled as
  separate stories, as news desks file them.
* **Articles.** An article is by one outlet; the outlet's fixed style decides its word
  for the event ("strike"/"walkout"/"stoppage"), a set of synonym swaps, how it writes
  numbers ("1,240" / "about 1,200" / "more than 1,200"), money and percentages, and how
  many quotes it runs. Each article picks which facts, which quotes and which
  background sentences (shared by all stories of a country) to use, and their order
  after the lede; counts grow over the first days, as tolls do.
* **Wire copies.** 30% of stories of four or more articles carry a wire story copied
  near-verbatim to 2-5 outlets (a dateline and credit, at most one paragraph cut, one
  word swapped, sometimes a new headline). Copies are one duplicate group.
* **Languages.** 20% of stories of eight or more articles are also told in German and
  French: about 30% of their non-wire articles are written from small German and French
  template sets by German and French outlets.
* **Time.** Stories start uniformly over 90 days from 2026-01-05; an article appears
  ``expovariate(1 / 20 h)`` after the story's start (at most 6 days), wire copies within
  4 hours of the wire's release.

Story ``i`` of seed ``s`` is made from ``random.Random(f"{s}:story:{i}")``, and its
articles from their own seeded generators, so a stream is the same on every run.

:func:`truth_analysis` gives, per article, the analysis a perfect analyser would return
(entities with their mentions, quotes with speakers), and :func:`truth_signals` the
clusterer's input made from it; ``eval/clustering.py --analyzer-subset N`` compares it
with the real analyser. German and French articles get an empty analysis, as they do
from the real (English) analyser.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Final

import stream_vocab as vocab
from newsprism.model import Analysis, Article, Entity, Mention, Quote, article_id

if TYPE_CHECKING:
    from newsprism.cluster.stories import ArticleSignals

__all__ = [
    "Person",
    "StoryPlan",
    "Stream",
    "StreamArticle",
    "generate_stream",
    "iter_light_articles",
    "truth_analysis",
    "truth_signals",
]

START: Final = datetime(2026, 1, 5, tzinfo=UTC)
DAYS: Final = 90
DEFAULT_SEED: Final = 4_2026
TUNING_SEED: Final = 7_2026
TRUTH_VERSION: Final = "truth-1"
MAX_STORY: Final = 40
FOLLOW_UP_SHARE: Final = 0.15
WIRE_SHARE: Final = 0.30
MULTILINGUAL_SHARE: Final = 0.20
FOREIGN_ARTICLE_SHARE: Final = 0.30
MEAN_DELAY_HOURS: Final = 20.0
_SENTENCE_END: Final = re.compile(r"(?<=[.!?\"”])\s+")


# --- records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a story names: a cabinet member (``public``) or a local figure."""

    name: str
    title: str
    org: str | None = None
    public: bool = False

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True, slots=True)
class StoryPlan:
    """The ground truth of one story: what every article about it draws on."""

    index: int
    kind: vocab.EventKind
    country: str
    place: str
    region: str
    figures: tuple[Person, ...]
    locals: tuple[Person, ...]
    org: str
    count: int
    money_millions: int
    pct: int
    quotes: tuple[tuple[Person, str], ...]
    start: datetime
    size: int
    parent: int | None = None
    parent_noun: str | None = None
    wire_copies: int = 0
    foreign_share: float = 0.0


@dataclass(frozen=True, slots=True)
class StreamArticle:
    """One generated article and its labels.

    ``entities`` are (canonical name, spaCy type) of every name the text mentions;
    ``quotes`` are (speaker, quoted or reported text, direct) as they stand in the text.
    """

    article: Article
    story: int
    language: str
    duplicate_group: int | None
    entities: tuple[tuple[str, str], ...]
    quotes: tuple[tuple[str, str, bool], ...]

    @property
    def speakers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(speaker for speaker, _, _ in self.quotes))


@dataclass(frozen=True)
class Stream:
    """A generated stream: its stories and its articles in publication order."""

    seed: int
    stories: tuple[StoryPlan, ...]
    articles: tuple[StreamArticle, ...]

    def labels(self) -> dict[str, int]:
        """Gold story of every article id."""
        return {item.article.id: item.story for item in self.articles}

    def duplicate_groups(self) -> list[list[str]]:
        """Gold groups of wire copies (article ids)."""
        groups: dict[int, list[str]] = {}
        for item in self.articles:
            if item.duplicate_group is not None:
                groups.setdefault(item.duplicate_group, []).append(item.article.id)
        return list(groups.values())


# --- the world: cabinets and outlet styles ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _Style:
    """How one outlet writes: its word for events, synonym swaps, number formats."""

    outlet: vocab.OutletName
    noun_choice: int
    swaps: tuple[tuple[str, str], ...]
    numbers: int
    quotes: tuple[int, int]
    quote_forms: tuple[int, ...]
    pattern: re.Pattern[str] | None = None

    def paraphrase(self, text: str) -> str:
        if self.pattern is None:
            return text
        table = dict(self.swaps)
        return self.pattern.sub(lambda m: table[m.group(0)], text)


@dataclass(frozen=True)
class _World:
    cabinets: dict[str, dict[str, Person]]
    styles: tuple[_Style, ...]
    foreign: dict[str, tuple[_Style, ...]]
    wires: tuple[_Style, ...]


def _style(outlet: vocab.OutletName) -> _Style:
    rng = random.Random(f"outlet:{outlet.name}")
    swaps = tuple(s for s in vocab.SYNONYMS if rng.random() < 0.35)
    forms = tuple(sorted(rng.sample(range(len(vocab.QUOTE_FORMS)), 3)))
    low = rng.randint(1, 2)
    pattern = re.compile("|".join(rf"\b{re.escape(old)}" for old, _ in swaps)) if swaps else None
    return _Style(outlet, rng.randrange(3), swaps, rng.randrange(3), (low, low + 2), forms,
                  pattern)


def _cabinets() -> dict[str, dict[str, Person]]:
    rng = random.Random("world:cabinets")
    used: set[str] = set()
    cabinets: dict[str, dict[str, Person]] = {}
    for country in vocab.COUNTRIES:
        members: dict[str, Person] = {}
        for title in vocab.CABINET:
            name = _fresh_name(rng, used)
            members[title] = Person(name, title, None, public=True)
        cabinets[country.name] = members
    return cabinets


def _fresh_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.SURNAMES)}"
        if name not in used:
            used.add(name)
            return name


def _world() -> _World:
    return _World(
        cabinets=_cabinets(),
        styles=tuple(_style(o) for o in vocab.OUTLETS),
        foreign={"de": tuple(_style(o) for o in vocab.OUTLETS_DE),
                 "fr": tuple(_style(o) for o in vocab.OUTLETS_FR)},
        wires=tuple(_style(o) for o in vocab.WIRES),
    )


# --- story plans -----------------------------------------------------------------------


def _story_size(rng: random.Random) -> int:
    return max(3, min(MAX_STORY, int(3 * rng.paretovariate(1.0))))


def _local_person(rng: random.Random) -> Person:
    name = f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.SURNAMES)}"
    return Person(name, rng.choice(vocab.ROLES), rng.choice(vocab.ORGANISATIONS))


def _figures(rng: random.Random, world: _World, country: str,
             kind: vocab.EventKind) -> tuple[Person, ...]:
    cabinet = world.cabinets[country]
    titles = list(kind.ministers)
    chosen = [rng.choice(titles)]
    if rng.random() < 0.4:
        chosen.append(rng.choice([t for t in vocab.CABINET if t not in chosen]))
    return tuple(cabinet[t] for t in chosen)


def _key_quotes(rng: random.Random, kind: vocab.EventKind,
                people: Sequence[Person]) -> tuple[tuple[Person, str], ...]:
    texts = list(kind.quotes) + rng.sample(vocab.GENERIC_QUOTES, 2)
    rng.shuffle(texts)
    count = rng.randint(3, 4)
    return tuple((rng.choice(people), texts[i]) for i in range(count))


def _new_plan(index: int, rng: random.Random, world: _World, start: datetime) -> StoryPlan:
    country = rng.choice(vocab.COUNTRIES)
    kind = rng.choice(vocab.EVENTS)
    figures = _figures(rng, world, country.name, kind)
    locals_ = tuple(_local_person(rng) for _ in range(rng.randint(2, 3)))
    return _finish_plan(index, rng, kind, country, rng.choice(country.places),
                        figures, locals_, start)


def _finish_plan(index: int, rng: random.Random, kind: vocab.EventKind,
                 country: vocab.Country, place: str, figures: tuple[Person, ...],
                 locals_: tuple[Person, ...], start: datetime,
                 parent: StoryPlan | None = None) -> StoryPlan:
    size = _story_size(rng)
    wire = rng.randint(2, min(5, size - 1)) if size >= 4 and rng.random() < WIRE_SHARE else 0
    foreign = FOREIGN_ARTICLE_SHARE if size >= 8 and rng.random() < MULTILINGUAL_SHARE else 0.0
    return StoryPlan(
        index=index, kind=kind, country=country.name, place=place,
        region=rng.choice(country.regions), figures=figures, locals=locals_,
        org=rng.choice(vocab.ORGANISATIONS), count=rng.randint(*kind.count_range),
        money_millions=rng.choice((rng.randint(2, 95), rng.randint(100, 950))),
        pct=rng.randint(12, 78), quotes=_key_quotes(rng, kind, figures + locals_),
        start=start, size=size, parent=None if parent is None else parent.index,
        parent_noun=None if parent is None else parent.kind.nouns[0],
        wire_copies=wire, foreign_share=foreign,
    )


def _follow_up(index: int, rng: random.Random, parent: StoryPlan) -> StoryPlan:
    country = next(c for c in vocab.COUNTRIES if c.name == parent.country)
    kind = parent.kind if rng.random() < 0.6 else rng.choice(vocab.EVENTS)
    kept = tuple(rng.sample(parent.locals, rng.randint(1, min(2, len(parent.locals)))))
    locals_ = (*kept, _local_person(rng))
    start = parent.start + timedelta(days=rng.uniform(3, 21))
    return _finish_plan(index, rng, kind, country, parent.place, parent.figures, locals_,
                        start, parent)


def _plans(articles: int, seed: int, world: _World) -> list[StoryPlan]:
    plans: list[StoryPlan] = []
    total = 0
    while total < articles:
        rng = random.Random(f"{seed}:story:{len(plans)}")
        plan = _plan(len(plans), rng, world, plans)
        plans.append(plan)
        total += plan.size
    return plans


def _plan(index: int, rng: random.Random, world: _World,
          earlier: Sequence[StoryPlan]) -> StoryPlan:
    start = START + timedelta(days=rng.uniform(0, DAYS - 4))
    if earlier and rng.random() < FOLLOW_UP_SHARE:
        parent = rng.choice(earlier[-80:])
        if parent.parent is None and parent.start + timedelta(days=24) < START + timedelta(
            days=DAYS - 2
        ):
            return _follow_up(index, rng, parent)
    return _new_plan(index, rng, world, start)


# --- rendering: English ----------------------------------------------------------------


@dataclass
class _Draft:
    """Sentences of one article as they are written, with the names and quotes used."""

    sentences: list[str] = field(default_factory=list)
    entities: dict[str, str] = field(default_factory=dict)
    quotes: list[tuple[str, str, bool]] = field(default_factory=list)

    def add(self, text: str, names: Sequence[tuple[str, str]] = ()) -> None:
        self.sentences.append(_cap(text))
        for name, kind in names:
            self.entities.setdefault(name, kind)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _bare(name: str) -> str:
    return name.removeprefix("the ")


def _count_text(value: int, style: int) -> str:
    if style == 0 or value < 20:
        return f"{value:,}"
    digits = max(0, len(str(value)) - 2)
    rounded = round(value, -digits)
    return f"about {rounded:,}" if style == 1 else f"more than {value - value % 10**digits:,}"


def _money_text(millions: int, currency: str, style: int) -> str:
    words = {"€": "euros", "£": "pounds", "$": "dollars"}[currency]
    if millions >= 100 and style == 2:
        return f"{currency}{millions / 1000:.2f} billion".replace(".00", "")
    if style == 1:
        return f"{millions} million {words}"
    return f"{currency}{millions} million"


def _pct_text(pct: int, style: int) -> str:
    return (f"{pct}%", f"{pct} percent", f"{pct} per cent")[style]


def _when(rng: random.Random, day: datetime) -> str:
    weekday = vocab.WEEKDAYS[day.weekday()]
    return rng.choice(vocab.WHEN).format(weekday=weekday)


def _slots(plan: StoryPlan, style: _Style, rng: random.Random, at: datetime) -> dict[str, str]:
    kind = plan.kind
    noun = kind.nouns[style.noun_choice % len(kind.nouns)]
    days = max(0.0, (at - plan.start).total_seconds() / 86_400)
    count = int(plan.count * (1 + 0.2 * min(days, 3.0)))
    return {
        "place": plan.place, "region": plan.region, "country": plan.country,
        "noun": noun, "noun_cap": _cap(noun), "group": kind.group, "group_cap": _cap(kind.group),
        "site": kind.site, "site_cap": _cap(kind.site), "unit": kind.unit,
        "count": _count_text(count, style.numbers),
        "money": _money_text(plan.money_millions, vocab.CURRENCIES[plan.country], style.numbers),
        "pct": _pct_text(plan.pct, style.numbers), "when": _when(rng, plan.start),
        "day": vocab.WEEKDAYS[plan.start.weekday()],
        "org": plan.org, "org_cap": _cap(plan.org),
    }


def _place_names(plan: StoryPlan, template: str) -> list[tuple[str, str]]:
    names = [(plan.place, "GPE")] if "{place}" in template else []
    if "{org" in template:
        names.append((_bare(plan.org), "ORG"))
    if "{country}" in template:
        names.append((plan.country, "GPE"))
    if "{region}" in template:
        names.append((_bare(plan.region), "LOC"))
    return names


def _fill(draft: _Draft, plan: StoryPlan, style: _Style, template: str,
          slots: dict[str, str], extra: Sequence[tuple[str, str]] = ()) -> None:
    draft.add(style.paraphrase(template.format(**slots)),
              [*_place_names(plan, template), *extra])


def _lede(draft: _Draft, plan: StoryPlan, style: _Style, rng: random.Random,
          slots: dict[str, str]) -> None:
    template = rng.choice(plan.kind.ledes)
    if plan.parent_noun is not None:
        wrapper = rng.choice(vocab.FOLLOW_UP_LEDES)
        template = wrapper.replace("{lede}", template).replace("{parent_noun}", plan.parent_noun)
    _fill(draft, plan, style, template, slots)


def _person_slots(person: Person, slots: dict[str, str]) -> dict[str, str]:
    return {**slots, "name": person.name, "surname": person.surname, "title": person.title,
            "title_cap": _cap(person.title), "role": person.title,
            "org": person.org or slots["org"], "org_cap": _cap(person.org or slots["org"])}


def _figure_sentence(draft: _Draft, plan: StoryPlan, style: _Style, rng: random.Random,
                     person: Person, slots: dict[str, str]) -> None:
    template = rng.choice(vocab.FIGURE_SENTENCES)
    filled = style.paraphrase(template.format(**_person_slots(person, slots)))
    draft.add(filled, [*_place_names(plan, template), (person.name, "PERSON")])
    if " said " in filled or " stated " in filled:
        clause = filled.split(" said " if " said " in filled else " stated ", 1)[1].rstrip(".")
        draft.quotes.append((person.name, clause, False))


def _local_sentence(draft: _Draft, plan: StoryPlan, style: _Style, rng: random.Random,
                    person: Person, slots: dict[str, str]) -> None:
    template = rng.choice(vocab.LOCAL_SENTENCES)
    filled = style.paraphrase(template.format(**_person_slots(person, slots)))
    org = person.org or plan.org
    draft.add(filled, [*_place_names(plan, template.replace("{org}", "")),
                       (person.name, "PERSON"), (_bare(org), "ORG")])
    if " said " in filled:
        draft.quotes.append((person.name, filled.split(" said ", 1)[1].rstrip("."), False))


def _quote_sentence(draft: _Draft, plan: StoryPlan, style: _Style, rng: random.Random,
                    speaker: Person, text: str, slots: dict[str, str]) -> None:
    quote = style.paraphrase(text.format(**slots))
    form = vocab.QUOTE_FORMS[rng.choice(style.quote_forms)]
    if not draft.entities.get(speaker.name) and ("{surname}" in form or "{role}" in form):
        form = vocab.QUOTE_FORMS[0]
    person = _person_slots(speaker, slots)
    frame = style.paraphrase(form.replace("{quote}", "\x00").format(**person))
    draft.add(frame.replace("\x00", quote), [(speaker.name, "PERSON")])
    if "{place}" in form:
        draft.entities.setdefault(plan.place, "GPE")
    draft.quotes.append((speaker.name, quote, True))


def _body_sentences(plan: StoryPlan, style: _Style, rng: random.Random,
                    slots: dict[str, str]) -> _Draft:
    """Every sentence but the lede, in the order the outlet runs them."""
    draft = _Draft()
    jobs: list[tuple[int, str, Person | None, str]] = []
    for templates, share in ((vocab.COUNT_SENTENCES, 0.8), (vocab.MONEY_SENTENCES, 0.6),
                             (vocab.PCT_SENTENCES, 0.4)):
        if rng.random() < share:
            jobs.append((0, rng.choice(templates), None, ""))
    jobs += [(1, "", p, "") for p in plan.figures if rng.random() < 0.75]
    jobs += [(2, "", p, "") for p in plan.locals if rng.random() < 0.5]
    shown = rng.randint(*style.quotes)
    jobs += [(3, "", p, q) for p, q in rng.sample(plan.quotes, min(shown, len(plan.quotes)))]
    count = rng.randint(1, 3)
    jobs += [(0, t, None, "") for t in rng.sample(vocab.BACKGROUND, count)]
    rng.shuffle(jobs)
    for job, template, person, quote in jobs:
        _run_job(draft, plan, style, rng, slots, (job, template, person, quote))
    return draft


def _run_job(draft: _Draft, plan: StoryPlan, style: _Style, rng: random.Random,
             slots: dict[str, str], job: tuple[int, str, Person | None, str]) -> None:
    kind, template, person, quote = job
    if kind == 0:
        _fill(draft, plan, style, template, slots)
    elif kind == 1 and person is not None:
        _figure_sentence(draft, plan, style, rng, person, slots)
    elif kind == 2 and person is not None:
        _local_sentence(draft, plan, style, rng, person, slots)
    elif person is not None:
        _quote_sentence(draft, plan, style, rng, person, quote, slots)


def _headline(plan: StoryPlan, style: _Style, rng: random.Random, slots: dict[str, str]) -> str:
    figure = plan.figures[0]
    filled = rng.choice(vocab.HEADLINES).format(**_person_slots(figure, slots))
    return _cap(style.paraphrase(filled))


def _paragraphs(sentences: Sequence[str], rng: random.Random) -> list[str]:
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        take = 1 if i == 0 else rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i : i + take]))
        i += take
    return paragraphs


@dataclass(frozen=True, slots=True)
class _Text:
    title: str
    paragraphs: tuple[str, ...]
    entities: tuple[tuple[str, str], ...]
    quotes: tuple[tuple[str, str, bool], ...]


def _english(plan: StoryPlan, style: _Style, rng: random.Random, at: datetime,
             short: bool = False) -> _Text:
    slots = _slots(plan, style, rng, at)
    lede = _Draft()
    _lede(lede, plan, style, rng, slots)
    body = _body_sentences(plan, style, rng, slots)
    if short:
        body.sentences = body.sentences[: rng.randint(1, 2)]
    text_so_far = " ".join(lede.sentences + body.sentences)
    entities = {**lede.entities, **body.entities}
    quotes = [q for q in body.quotes if q[1] in text_so_far]
    used = {n: k for n, k in entities.items() if _mentioned(n, k, text_so_far)}
    return _Text(_headline(plan, style, rng, slots),
                 tuple(_paragraphs(lede.sentences + body.sentences, rng)),
                 tuple(used.items()), tuple(quotes))


def _mentioned(name: str, kind: str, text: str) -> bool:
    return name in text or (kind == "PERSON" and name.rsplit(maxsplit=1)[-1] in text)


# --- rendering: German and French ------------------------------------------------------


def _foreign(plan: StoryPlan, language: str, rng: random.Random) -> _Text:
    kind = plan.kind
    de = language == "de"
    weekdays = vocab.WEEKDAYS_DE if de else vocab.WEEKDAYS_FR
    titles = vocab.CABINET_DE if de else vocab.CABINET_FR
    speaker = rng.choice(plan.figures + plan.locals)
    slots = {
        "place": plan.place, "country": plan.country, "org": _bare(plan.org),
        "noun": kind.noun_de if de else kind.noun_fr, "unit": kind.unit_de if de else kind.unit_fr,
        "count": f"{plan.count:,}".replace(",", "." if de else "\u202f"),
        "money": f"{plan.money_millions} Mio." if de else f"{plan.money_millions} millions",
        "pct": f"{plan.pct} %", "weekday": weekdays[plan.start.weekday()],
        "name": speaker.name, "title": titles.get(speaker.title, ""),
    }
    ledes, facts, heads = ((vocab.LEDES_DE, vocab.FACTS_DE, vocab.HEADLINES_DE) if de
                           else (vocab.LEDES_FR, vocab.FACTS_FR, vocab.HEADLINES_FR))
    chosen = [rng.choice(ledes), *rng.sample(facts, rng.randint(3, 5))]
    sentences = [_cap(t.format(**slots).strip()) for t in chosen]
    names = [(plan.place, "GPE"), (speaker.name, "PERSON")]
    return _Text(_cap(rng.choice(heads).format(**slots)), tuple(_paragraphs(sentences, rng)),
                 tuple(n for n in names if n[0] in " ".join(sentences)), ())


# --- articles of a story ---------------------------------------------------------------


def _article(text: _Text, outlet: vocab.OutletName, published: datetime, language: str,
             credit: str | None = None) -> Article:
    body = "\n\n".join(text.paragraphs)
    slug = re.sub(r"[^a-z0-9]+", "-", text.title.lower()).strip("-")[:60]
    source = f"https://{re.sub(r'[^a-z]', '', outlet.name.lower())}.example/{slug}"
    return Article(id=article_id(outlet.name, body), source=source, text=body, url=source,
                   outlet=outlet.name, title=text.title, published=published,
                   language=language, credit=credit)


def _delay(rng: random.Random) -> timedelta:
    hours = min(rng.expovariate(1 / MEAN_DELAY_HOURS), 6 * 24.0)
    return timedelta(hours=hours)


def _story_articles(plan: StoryPlan, seed: int, world: _World,
                    short: bool = False) -> list[StreamArticle]:
    items = _wire_copies(plan, seed, world, short)
    for k in range(len(items), plan.size):
        rng = random.Random(f"{seed}:story:{plan.index}:article:{k}")
        at = plan.start + (timedelta(0) if k == 0 else _delay(rng))
        language = _language(plan, rng)
        if language == "en":
            style = rng.choice(world.styles)
            text = _english(plan, style, rng, at, short)
        else:
            style = rng.choice(world.foreign[language])
            text = _foreign(plan, language, rng)
        items.append(StreamArticle(_article(text, style.outlet, at, language), plan.index,
                                   language, None, text.entities, text.quotes))
    return _unique(items)


def _language(plan: StoryPlan, rng: random.Random) -> str:
    roll = rng.random()
    if roll < plan.foreign_share / 2:
        return "de"
    return "fr" if roll < plan.foreign_share else "en"


def _unique(items: list[StreamArticle]) -> list[StreamArticle]:
    """Drop exact repeats (same outlet and text, so the same id): one article, once."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.article.id not in seen:
            seen.add(item.article.id)
            kept.append(item)
    return kept


def _wire_copies(plan: StoryPlan, seed: int, world: _World, short: bool) -> list[StreamArticle]:
    if plan.wire_copies == 0:
        return []
    rng = random.Random(f"{seed}:story:{plan.index}:wire")
    wire = rng.choice(world.wires)
    released = plan.start + _delay(rng) / 4
    original = _english(plan, wire, rng, released, short)
    dateline = f"{plan.place.upper()} ({wire.outlet.credit}) - "
    paragraphs = (dateline + original.paragraphs[0], *original.paragraphs[1:])
    outlets = rng.sample(world.styles, plan.wire_copies)
    return [
        _wire_copy(plan, original, paragraphs, style, wire.outlet,
                   released + timedelta(minutes=rng.uniform(5, 240)), rng)
        for style in outlets
    ]


def _wire_copy(plan: StoryPlan, original: _Text, paragraphs: tuple[str, ...], style: _Style,
               wire: vocab.OutletName, at: datetime, rng: random.Random) -> StreamArticle:
    kept = list(paragraphs)
    if len(kept) > 3 and rng.random() < 0.5:
        kept.pop()
    if rng.random() < 0.5:
        i = rng.randrange(len(kept))
        kept[i] = style.paraphrase(kept[i])
    title = original.title if rng.random() < 0.5 else _cap(style.paraphrase(original.title))
    joined = "\n\n".join(kept)
    quotes = tuple(q for q in original.quotes if q[1] in joined)
    entities = tuple(e for e in original.entities if _mentioned(e[0], e[1], joined))
    text = _Text(title, tuple(kept), entities, quotes)
    article = _article(text, style.outlet, at, "en", credit=wire.credit)
    return StreamArticle(article, plan.index, "en", plan.index, entities, quotes)


def generate_stream(articles: int = 5_000, seed: int = DEFAULT_SEED) -> Stream:
    """At least ``articles`` articles over as many stories as it takes, by publication time.

    Deterministic: the same ``(articles, seed)`` gives the same stream on every run, and
    a larger ``articles`` only adds stories.
    """
    world = _world()
    plans = _plans(articles, seed, world)
    items = [item for plan in plans for item in _story_articles(plan, seed, world)]
    items.sort(key=lambda i: (i.article.published or START, i.article.id))
    return Stream(seed, tuple(plans), tuple(items))


# --- a long light stream for the benchmark ---------------------------------------------


def iter_light_articles(total: int, per_day: float, seed: int = DEFAULT_SEED,
                        ) -> Iterator[StreamArticle]:
    """``total`` short articles (headline and 2-3 sentences), ``per_day`` a day, in order.

    The same stories, outlets, names and templates as :func:`generate_stream`, with no
    German or French articles; stories start at an even rate, so the number of articles
    within any time window stays constant however long the stream runs. Memory: only the
    articles of the last six days' stories are held.
    """
    world = _world()
    stories_per_day = per_day / (3 * (1 + math.log(MAX_STORY / 3)))
    pending: list[tuple[datetime, str, int, StreamArticle]] = []
    tie = itertools.count()
    made = index = 0
    while made < total:
        at = START + timedelta(days=index / stories_per_day)
        while pending and pending[0][0] <= at and made < total:
            made += 1
            yield heapq.heappop(pending)[3]
        plan = _light_plan(index, seed, world, stories_per_day)
        for item in _story_articles(plan, seed, world, short=True):
            key = (item.article.published or at, item.article.id, next(tie), item)
            heapq.heappush(pending, key)
        index += 1


def _light_plan(index: int, seed: int, world: _World, stories_per_day: float) -> StoryPlan:
    """Story ``index`` of the light stream: a pure function of its index.

    Stories start at ``index / stories_per_day`` days; a follow-up's parent is the story
    that started 3-21 days earlier (never itself a follow-up), rebuilt from its index.
    """
    rng = random.Random(f"{seed}:light:{index}")
    at = START + timedelta(days=index / stories_per_day)
    if rng.random() < FOLLOW_UP_SHARE:
        parent = index - int(rng.uniform(3, 21) * stories_per_day)
        if parent >= 0 and random.Random(f"{seed}:light:{parent}").random() >= FOLLOW_UP_SHARE:
            plan = _follow_up(index, rng, _light_plan(parent, seed, world, stories_per_day))
            return replace(plan, start=at, foreign_share=0.0)
    return replace(_new_plan(index, rng, world, at), foreign_share=0.0)


# --- ground-truth analysis -------------------------------------------------------------


def _mentions(text: str, name: str, kind: str) -> tuple[Mention, ...]:
    spans = [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    if kind == "PERSON":
        surname = name.rsplit(maxsplit=1)[-1]
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    return tuple(Mention(text[s:e], s, e) for s, e in sorted(spans))


def _quote_record(text: str, speaker: str, quote: str, direct: bool) -> Quote | None:
    start = text.find(quote)
    if start < 0:
        return None
    return Quote(text=quote, start=start, end=start + len(quote), direct=direct,
                 speaker=speaker)


def truth_analysis(item: StreamArticle) -> Analysis:
    """The analysis a perfect analyser would give: the generator's own names and quotes.

    Entities carry every mention (full name, and surname alone for people); quotes their
    exact spans and resolved speaker. German and French articles get an empty analysis,
    as the English pipeline gives them.
    """
    article = item.article
    if item.language != "en":
        return Analysis(article_id=article.id, version=TRUTH_VERSION)
    text = article.text
    entities = tuple(
        Entity(name, kind, mentions)
        for name, kind in item.entities
        if (mentions := _mentions(text, name, kind))
    )
    quotes = tuple(q for s, t, d in item.quotes if (q := _quote_record(text, s, t, d)))
    sentences = _sentences(text)
    return Analysis(article_id=article.id, version=TRUTH_VERSION, sentences=sentences,
                    entities=entities, quotes=quotes)


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return tuple(spans)


def truth_signals(item: StreamArticle, duplicate_of: str | None = None) -> ArticleSignals:
    """The clusterer's input for ``item``, made from :func:`truth_analysis`."""
    from newsprism.cluster.stories import signals_of

    return signals_of(item.article, truth_analysis(item), None, duplicate_of=duplicate_of)
