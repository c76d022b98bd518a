"""The web story page reads like the report files: counts in the right number ("1
article · 1 outlet", not "1 articles · 1 outlets"), a note under every empty section (a
Numbers table with no row and a Timeline with nothing read as output lost), the right
reason for no exclusive (a one-article story has nothing to compare: "Nothing reported
by one outlet only" said the opposite), and a summary sentence another outlet disputes
marked so, as the terminal, Markdown and HTML reports mark it."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.model import Article, Brief, Passage, Story, SummarySentence
from newsprism.render.briefs import NO_EVENTS, NO_NUMBERS, NO_SUMMARY
from newsprism.store import ClusteringUpdate, Store
from newsprism.web import WebOptions
from newsprism.web.app import create_app
from newsprism.web.pages import _story_html
from newsprism.web.services import Services
from newsprism.web.views import CachedBrief

_OPTIONS = WebOptions(embeddings="off", allowed_hosts=("testserver",))


def _shown(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_a_story_of_one_unanalysed_article_says_why_each_section_is_empty(
    tmp_path: Path,
) -> None:
    db = tmp_path / "news.db"
    # An invented article in a language the analysis does not read: no sentence, no
    # number, no date comes out of it.
    article = Article(
        id="b000000000000000",
        source="b.txt",
        outlet="Kustblad",
        title="Veerdienst naar Kelmar stilgelegd",
        text="De veerdienst naar Kelmar is vrijdag stilgelegd na een storm.",
        language="nl",
    )
    story = Story(id="sb00000000000", title=article.title, articles=(article.id,))
    with Store(db) as store:
        store.add_articles([article])
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
    with TestClient(create_app(db, _OPTIONS)) as client:
        shown = _shown(client.get(f"/stories/{story.id}").text)
    assert "1 article · 1 outlet · 0 syndicated copy groups" in shown
    for note in (NO_SUMMARY, NO_NUMBERS, NO_EVENTS, "One article only: nothing to compare."):
        assert note in shown, note
    assert "Nothing reported by one outlet only" not in shown


def test_a_disputed_summary_sentence_is_marked_on_the_page(tmp_path: Path) -> None:
    first = "The council approved a budget of 12 million euros on Monday."
    second = "The council passed a 14 million euro budget on Monday."
    articles = [
        Article(id=f"c{n}00000000000000", source=f"{n}.txt", outlet=name, text=text)
        for n, (name, text) in enumerate((("Coast Daily", first), ("Valley Post", second)))
    ]
    said = Passage(articles[0].id, "Coast Daily", first, 0, len(first))
    other = Passage(articles[1].id, "Valley Post", second, 0, len(second))
    brief = Brief(
        story=Story("sc0000000000", "Budget", tuple(a.id for a in articles)),
        summary=(SummarySentence(said, (articles[0].id,), (said,), (other,)),),
    )
    svc = Services(tmp_path / "news.db", _OPTIONS)
    shown = _shown(_story_html(svc, CachedBrief(brief, articles)))
    assert f"{first} — Coast Daily disputed by Valley Post" in shown
    assert "2 articles · 2 outlets" in shown
    assert NO_SUMMARY not in shown and "Every detail has a second source." in shown


def test_a_story_holding_an_unread_article_says_so_on_the_page(tmp_path: Path) -> None:
    # As the report files say it (render/unread.py): a detail of the English article
    # may be told by the Dutch one too, which the analysis did not read.
    db = tmp_path / "news.db"
    english = Article(
        id="e000000000000000",
        source="e.txt",
        outlet="Harbour Herald",
        title="Kelmar ferry halted",
        text="The ferry to Kelmar was halted on Friday after a storm, the harbour board said.",
        language="en",
    )
    dutch = Article(
        id="d000000000000000",
        source="d.txt",
        outlet="Kustblad",
        title="Veerdienst naar Kelmar stilgelegd",
        text="De veerdienst naar Kelmar is vrijdag stilgelegd na een storm.",
        language="nl",
    )
    story = Story(id="su00000000000", title=english.title, articles=(english.id, dutch.id))
    with Store(db) as store:
        store.add_articles([english, dutch])
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
    with TestClient(create_app(db, _OPTIONS)) as client:
        shown = _shown(client.get(f"/stories/{story.id}").text)
        data = client.get(f"/api/stories/{story.id}").json()
    assert "Not analysed: 1 article in a language the analysis does not read" in shown
    assert "Kustblad (nl)" in shown
    assert "Only one source reports (among analysed sources)" in shown
    assert "One analysed source only: nothing to compare" in shown
    assert [u["article"] for u in data["unanalysed"]] == [dutch.id]
