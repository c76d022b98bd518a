"""Where a benchmark leaves its result: ``<name>.json`` (every figure, machine-readable)
and ``<name>.md`` (the table a person reads), side by side in one folder."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

RESULTS = Path(__file__).resolve().parent / "results"

Report = dict[str, Any]


def write_report(
    folder: Path,
    name: str,
    report: Report,
    markdown: str | Callable[[Report], str] | None = None,
) -> str:
    """Write ``folder/name.json`` (the report, indented) and, given ``markdown`` (the text,
    or the function that makes it from the report), ``folder/name.md``; the folder is made
    when missing. Returns the Markdown written ("" without). The JSON goes first and a
    function is called after it, so a table that fails still leaves a long run's figures."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if markdown is None:
        return ""
    text = markdown if isinstance(markdown, str) else markdown(report)
    (folder / f"{name}.md").write_text(text, encoding="utf-8")
    logger.debug("wrote %s.json and %s.md in %s", name, name, folder)
    return text
