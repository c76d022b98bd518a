"""newsprism in a notebook: the sample stories through the public Python API only.

Run it as a script (``.venv/bin/python docs/notebook.py [STORE]``) or paste the cells
(``# %%``) into Jupyter. It needs the ``pandas`` extra for the tables:
``pip install 'newsprism[pandas]'``. The store is a temporary file unless you name one.
"""

# %% Open a workspace: one SQLite store (created if missing).
import sys
import tempfile
from pathlib import Path

from newsprism import Workspace
from newsprism.errors import NewsprismError

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "stories"
store = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "notebook.db"
# embeddings="off": the lexical similarity, no model to load. The default, "auto", uses
# the dense sentence model when the `embed` extra is installed.
ws = Workspace(store, embeddings="off")

# %% The main job: ingest, analyse, group into stories, cross-check.
run = ws.analyze(SAMPLES)
print(
    f"{len(run.articles)} articles, {len(run.stories)} stories, "
    f"{len(run.report.failures)} inputs failed"
)

# %% Stories, most recent news first.
for story in ws.stories():
    print(story.id, len(story.articles), story.title)

# %% One story's brief, as records: every item names its article and span.
story = max(ws.stories(), key=lambda s: len(s.articles))
brief = ws.brief(story.id[:8])  # an id or a unique prefix of 4+ characters
for fact in brief.facts[:3]:
    values = ", ".join(f"{v.passage.text} ({v.passage.outlet})" for v in fact.values)
    print(f"{fact.about} [{fact.status}]: {values}")

# %% As plain dicts (the JSON report's shape), e.g. for json.dump.
first = brief.to_dict()
print(sorted(first)[:6], "...")

# %% As pandas DataFrames: numbers where outlets differ, and who is quoted by how many.
facts = brief.facts_frame()
print(facts[facts.status == "differ"][["about", "value", "unit", "outlet", "text"]])
statements = brief.statements_frame()
print(statements.groupby("speaker")["outlet_count"].max().sort_values(ascending=False))
quotes = brief.quotes_frame()
print(quotes[["speaker", "outlet", "text"]].head())

# %% Check a line against its source: the span is exact.
row = quotes.iloc[0]
article = ws.article(row.article_id)
assert article.text[row.start : row.end] == row.text
print(f"{row.outlet}: {article.text[row.start : row.end]!r}")

# %% Errors are newsprism's own, one line each.
try:
    ws.story("s")
except NewsprismError as exc:
    print(f"{type(exc).__name__}: {exc}")

# %% Export a table for a spreadsheet or R.
out = store.with_name("discrepancies.csv")
rows = ws.export("discrepancies", "csv", out)
print(f"wrote {rows} rows to {out}")
ws.close()
