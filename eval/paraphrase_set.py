"""The paraphrase set: invented stories whose statements come in several renderings.

``eval/data/paraphrases.json`` (written by the project; every name and sentence made up)
holds 11 stories, 44 utterances rendered 3-5 times (164 renderings: a direct quote, a
different translation, indirect speech or a partial quote) and 33 utterances only one
outlet reports. The utterances of one speaker in a story are hard negatives of each
other (same topic, shared words, a different claim); the single ones must stay alone,
among them one quote per story by an unnamed member of the public ("A commuter at the
ferry terminal said ..."), on the story's topic: no speaker, so it tests the
``unresolved`` threshold.

:func:`build_paraphrase_set` turns it into one small article per (story, outlet): a
lead paragraph, then one paragraph per rendering with its attribution, the speaker
named the way the rendering says (``as``: full title and name on first mention,
surname after; ``surname-only``: the article never gives the full name; ``pronoun``:
he/she after a paragraph by the same speaker; ``description``: "the harbour minister").
The wire outlet prints names without diacritics; a ``copy_of`` outlet is a syndicated
copy (the same text plus a distribution line, one duplicate group with its source).

Two ways to get the analyses (``mode``):

* ``"records"``: quotes built straight from the construction (oracle extraction): the
  quote spans, the group per rendering, the speaker as an article-level analysis would
  resolve it (full name, or the surname for ``surname-only``; None for a description
  in an article that never names the person), and entities for the speakers. Measures
  alignment alone.
* ``"pipeline"``: the articles go through :class:`newsprism.analyze.analyzer.Analyzer`
  (quote extraction and speaker resolution included). Measures the whole chain.

Gold: every rendering's (article id, start, end) with its utterance id; the copy's
renderings count as variants too (an identical syndicated quote joins its statement).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final, Literal

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Story, article_id
from newsprism.reconcile.material import StoryMaterial

DATA: Final = Path(__file__).resolve().parent / "data" / "paraphrases.json"
Mode = Literal["records", "pipeline"]
_PRONOUNS: Final = {"female": "she", "male": "he"}
_WORD: Final = re.compile(r"\w+")


@dataclass(frozen=True)
class GoldVariant:
    """One rendering of an utterance: where it is, and which utterance it renders."""

    statement: str
    article: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelledStory:
    name: str
    material: StoryMaterial
    gold: tuple[GoldVariant, ...]


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass
class _Draft:
    """An article being written: paragraphs, quotes and mentions with offsets."""

    outlet: str
    ascii_names: bool
    text: str = ""
    last_speaker: str | None = None

    def __post_init__(self) -> None:
        self.quotes: list[Quote] = []
        self.gold: list[tuple[str, int, int]] = []
        self.mentions: dict[str, list[Mention]] = {}
        self.named: dict[str, str] = {}  # speaker key -> canonical name in this article
        self.paragraphs: list[tuple[int, int]] = []

    def add_paragraph(self, parts: Iterable[tuple[str, str | None]]) -> dict[str, int]:
        """Append a paragraph from (text, label) pieces; returns each label's offset."""
        if self.text:
            self.text += "\n\n"
        start = len(self.text)
        offsets = {}
        for piece, label in parts:
            if label is not None:
                offsets[label] = len(self.text)
            self.text += piece
        self.paragraphs.append((start, len(self.text)))
        return offsets


def _name(speaker: dict[str, Any], draft: _Draft) -> str:
    return _ascii(speaker["name"]) if draft.ascii_names else str(speaker["name"])


def _mention(key: str, speaker: dict[str, Any], how: str, draft: _Draft) -> tuple[str, str | None]:
    """How the speaker is written here, and who that resolves to (None: unresolved)."""
    if how == "anonymous":
        return str(speaker["who"]), None
    name = _name(speaker, draft)
    surname = name.split()[-1]
    if how == "pronoun" and draft.last_speaker == key:
        return _PRONOUNS[speaker["gender"]], draft.named.get(key)
    if how == "description":
        return str(speaker["description"]), draft.named.get(key)
    if how == "surname-only" or key in draft.named:
        draft.named.setdefault(key, surname if how == "surname-only" else name)
        return surname, draft.named[key]
    draft.named[key] = name
    return f"{speaker['title']} {name}", name


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pieces(kind: str, rendering: dict[str, Any], mention: str, style: int) -> list[Any]:
    """The paragraph as (text, label) pieces, labelled "speaker", "cue" and "quote"."""
    text = rendering["text"]
    who = (_cap(mention), "speaker")
    if kind == "partial":
        before, after = rendering["frame"].split("{q}")
        verb, _, rest = before.partition(" ")
        return [who, (" ", None), (verb, "cue"), (" " + rest, None), (text, "quote"),
                (after + ".", None)]  # fmt: skip
    if kind == "indirect":
        return [
            who,
            (" ", None),
            ("said", "cue"),
            (" that " if style % 2 else " ", None),
            (text, "quote"),
            (".", None),
        ]
    if style % 2 and mention not in _PRONOUNS.values():
        return [
            who,
            (" ", None),
            ("said", "cue"),
            (": \u201c", None),
            (text, "quote"),
            (".\u201d", None),
        ]
    return [("\u201c", None), (text, "quote"), (",\u201d ", None), (mention, "speaker"),
            (" ", None), ("said", "cue"), (".", None)]  # fmt: skip


def _render(draft: _Draft, key: str, speaker: dict[str, Any], rendering: dict[str, Any],
            statement: str, group: int) -> None:  # fmt: skip
    kind = rendering["kind"]
    how = rendering.get("as", "full")
    who = {**speaker, **rendering} if how == "anonymous" else speaker
    mention, resolved = _mention(key, who, how, draft)
    at = draft.add_paragraph(_pieces(kind, rendering, mention, group))
    start, end = at["quote"], at["quote"] + len(rendering["text"])
    span = slice(at["speaker"], at["speaker"] + len(mention))
    cue_end = at["cue"] + len(_WORD.findall(draft.text[at["cue"] :])[0])
    draft.quotes.append(
        Quote(rendering["text"], start, end, kind != "indirect", resolved, draft.text[span],
              span.start, span.stop, draft.text[at["cue"] : cue_end], at["cue"], cue_end, group)
    )  # fmt: skip
    if resolved is not None and mention not in _PRONOUNS.values():
        mention_at = Mention(draft.text[span], span.start, span.stop)
        draft.mentions.setdefault(resolved, []).append(mention_at)
    draft.gold.append((statement, start, end))
    draft.last_speaker = key


def _sentences(text: str, paragraphs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    spans = []
    for start, end in paragraphs:
        cut = start
        for match in re.finditer(r"(?<=[.!?])[\u201d\"]?\s+(?=[A-Z\u201c])", text[start:end]):
            spans.append((cut, start + match.start() + len(match.group().rstrip())))
            cut = start + match.end()
        spans.append((cut, end))
    return tuple(spans)


def _drafts(story: dict[str, Any], outlets: dict[str, Any]) -> dict[str, _Draft]:
    """One draft article per outlet that renders something (copies excepted)."""
    drafts: dict[str, _Draft] = {}
    group = 0
    for utterance in story["utterances"]:
        key = utterance["speaker"]
        for rendering in utterance["renderings"]:
            outlet = rendering["outlet"]
            if "copy_of" in outlets[outlet]:
                continue
            if outlet not in drafts:
                drafts[outlet] = _Draft(outlet, bool(outlets[outlet].get("ascii")))
                drafts[outlet].add_paragraph([(story["lead"], None)])
            group += 1
            _render(drafts[outlet], key, story["speakers"][key], rendering, utterance["id"], group)
    return drafts


def _check_copies(story: dict[str, Any], outlets: dict[str, Any]) -> None:
    """A copy outlet's renderings must be exactly its source's (the data says so twice)."""
    for name, outlet in outlets.items():
        source = outlet.get("copy_of")
        for utterance in story["utterances"] if source else []:
            texts = {r["outlet"]: r["text"] for r in utterance["renderings"]}
            if name in texts and texts.get(name) != texts.get(source):
                raise ValueError(f"{utterance['id']}: copy {name} differs from {source}")


def _article(story_id: str, outlet: dict[str, Any], text: str, day: int) -> Article:
    published = datetime(2026, 4, 6, 9, 0, tzinfo=UTC) + timedelta(hours=day)
    return Article(
        id=article_id(outlet["name"], text),
        source=f"paraphrases/{story_id}/{outlet['name']}",
        text=text,
        outlet=outlet["name"],
        title=f"{story_id} ({outlet['name']})",
        published=published,
        language="en",
    )


def _records(article: Article, draft: _Draft) -> Analysis:
    entities = tuple(
        Entity(name, "PERSON", tuple(sorted(mentions, key=lambda m: m.start)))
        for name, mentions in draft.mentions.items()
    )
    return Analysis(
        article.id, "paraphrase-records", _sentences(draft.text, draft.paragraphs),
        entities, tuple(draft.quotes),
    )  # fmt: skip


Built = tuple[list[Article], Story, list[GoldVariant], dict[str, _Draft]]


def _story(story: dict[str, Any], outlets: dict[str, Any]) -> Built:
    _check_copies(story, outlets)
    drafts = _drafts(story, outlets)
    articles: list[Article] = []
    by_outlet: dict[str, Article] = {}
    for number, (name, draft) in enumerate(drafts.items()):
        by_outlet[name] = _article(story["id"], outlets[name], draft.text, number)
        articles.append(by_outlet[name])
    duplicates = []
    gold = [GoldVariant(s, by_outlet[n].id, a, b) for n, d in drafts.items() for s, a, b in d.gold]
    for name, outlet in outlets.items():
        source = outlet.get("copy_of")
        if source not in drafts or not any(
            r["outlet"] == name for u in story["utterances"] for r in u["renderings"]
        ):
            continue
        text = drafts[source].text + f"\n\nDistributed by {outlets[source]['name']}."
        copy = _article(story["id"], outlet, text, len(articles))
        articles.append(copy)
        drafts[name] = drafts[source]
        duplicates.append((by_outlet[source].id, copy.id))
        gold += [GoldVariant(s, copy.id, a, b) for s, a, b in drafts[source].gold]
    record = Story(story["id"], story["id"], tuple(a.id for a in articles), tuple(duplicates))
    return articles, record, gold, drafts


def load(path: Path = DATA) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def build_paraphrase_set(mode: Mode = "records", path: Path = DATA) -> list[LabelledStory]:
    """The labelled stories of the paraphrase set, analysed as ``mode`` says."""
    data = load(path)
    built = [_story(story, data["outlets"]) for story in data["stories"]]
    analyses: dict[str, Analysis] = {}
    if mode == "pipeline":
        from newsprism.analyze.analyzer import Analyzer

        every = [a for articles, _, _, _ in built for a in articles]
        analyses = {a.article_id: a for a in Analyzer().analyze_many(every)}
    result = []
    for (articles, story, gold, drafts), raw in zip(built, data["stories"], strict=True):
        if mode == "records":
            outlet_of = {a.outlet: a for a in articles}
            names = {v["name"]: k for k, v in data["outlets"].items()}
            own = {a.id: _records(a, drafts[names[str(a.outlet)]]) for a in outlet_of.values()}
        else:
            own = {a.id: analyses[a.id] for a in articles}
        result.append(LabelledStory(raw["id"], StoryMaterial(story, articles, own), tuple(gold)))
    return result


def counts(path: Path = DATA) -> dict[str, int]:
    """Stories, utterances rendered by several outlets and by one, and renderings."""
    data = load(path)
    utterances = [u for s in data["stories"] for u in s["utterances"]]
    return {
        "stories": len(data["stories"]),
        "utterances": sum(len(u["renderings"]) > 1 for u in utterances),
        "single_renderings": sum(len(u["renderings"]) == 1 for u in utterances),
        "renderings": sum(len(u["renderings"]) for u in utterances),
    }
