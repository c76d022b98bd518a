"""The README's commands work as written, in order, on a fresh store.

The shell blocks marked ``<!-- test: commands ... -->`` are run line by line in a fresh
folder holding the repository's samples and an empty ``.venv`` (for the demo store).
``make demo`` runs the Makefile's own demo recipe without its install step; other
``make`` lines would reinstall and are skipped. ``.venv/bin/newsprism`` is the
``newsprism`` installed beside the Python running the tests.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MARKER = "<!-- test: commands"
_BLOCK = re.compile(r"```(?:sh|bash|console)?\n(.*?)```", re.DOTALL)


def marked_commands(text: str) -> list[str]:
    """The command lines of every fenced block right after a test marker, comments off."""
    commands = []
    for part in text.split(MARKER)[1:]:
        block = _BLOCK.search(part.split("-->", 1)[1])
        assert block is not None, "a test marker without a fenced block after it"
        for line in block.group(1).splitlines():
            command = re.split(r"\s+#", line, maxsplit=1)[0].strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def make_recipe(target: str) -> list[str]:
    """The recipe lines of a Makefile target, with its variables filled in."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    variables = dict(re.findall(r"^(\w+)\s*\??:?=\s*(.*)$", makefile, re.MULTILINE))
    body = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert body is not None, f"no '{target}' target in the Makefile"

    def fill(line: str) -> str:
        for _ in range(3):  # variables defined through other variables
            line = re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), m.group(0)), line)
        return line

    return [fill(line.strip()) for line in body.group(1).splitlines()]


def newsprism_command() -> str:
    script = Path(sys.executable).with_name("newsprism")
    if script.exists():
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m newsprism"


def runnable(command: str) -> list[str]:
    """What the test runs for one README line (nothing for a reinstalling make)."""
    if command.startswith("make "):
        target = command.split()[1]
        return make_recipe(target) if target == "demo" else []
    return [command]


def test_the_marked_block_holds_the_front_door() -> None:
    commands = marked_commands(README.read_text(encoding="utf-8"))
    assert commands[0] == "make demo"
    assert any(c.startswith(".venv/bin/newsprism stories --db .venv/demo.db") for c in commands)
    assert any("brief" in c for c in commands) and any("export" in c for c in commands)


@pytest.mark.slow
@pytest.mark.timeout(2400)  # the demo analysis and three briefs with the dense model, on a busy CI
def test_readme_commands_run_in_order(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    (tmp_path / ".venv").mkdir()
    env = {**os.environ, "NEWSPRISM_DB": str(tmp_path / "default.db"), "COLUMNS": "100"}
    for command in marked_commands(README.read_text(encoding="utf-8")):
        for line in runnable(command):
            done = subprocess.run(
                ["bash", "-c", line.replace(".venv/bin/newsprism", newsprism_command())],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            assert done.returncode == 0, f"{command}\n{done.stderr[-3000:]}"
    assert (tmp_path / ".venv" / "demo.db").exists()
    assert (tmp_path / "quotes.jsonl").read_text(encoding="utf-8").count("\n") > 10
