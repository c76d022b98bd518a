"""Titles, bylines and outlets lose the invisible characters a body loses (zero-width
spaces, soft hyphens), so a title's words match its body's; joiners inside an emoji
stay."""

from __future__ import annotations

from newsprism.ingest.html import read_html
from newsprism.ingest.unicode import one_line

_PAGE = """<html><head><title>Har\u00adbour re\u200bopens after storm</title>
<meta property="og:site_name" content="Coast\u200b Radio"></head>
<body><article><h1>Har\u00adbour re\u200bopens after storm</h1>
<p>The harbour at Lorvik reopened on Tuesday after the storm, the harbour board said.
Ferries will run to the islands again from Wednesday morning, it added.</p>
<p>The board said repairs to the pier would take another month to finish.</p>
</article></body></html>"""


def test_one_line_drops_zero_width_characters_and_soft_hyphens() -> None:
    assert one_line("Har\u00adbour\u200b re\u2060opens\ufeff") == "Harbour reopens"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert one_line(f"A {family} day") == f"A {family} day"


def test_an_html_title_and_site_name_lose_them_too() -> None:
    doc = read_html(_PAGE, "page.html")
    assert doc.title == "Harbour reopens after storm"
    assert doc.outlet in (None, "Coast Radio")
