"""Ctrl-C while the command line is still importing (Typer, Rich, the store and ingest
stack: a second or two before any command starts) ends it like Ctrl-C during a command:
one line and status 130, not a Python traceback. The script is run as installed (its
console-script entry point) in a subprocess whose import of the CLI's shared module is
interrupted."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import entry_points

INTERRUPTED = "interrupted: what was already stored is kept; run the command again to finish"


def _run_interrupted_at(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    (script,) = entry_points(group="console_scripts", name="newsprism")
    entry_module, entry_function = script.value.split(":")
    code = textwrap.dedent(
        f"""
        import sys

        class _CtrlC:
            # Raises as the user's Ctrl-C would, in the middle of the imports.
            def find_spec(self, name, path=None, target=None):
                if name == {module!r}:
                    raise KeyboardInterrupt
                return None

        sys.meta_path.insert(0, _CtrlC())
        sys.argv = ["newsprism", *{list(args)!r}]
        from {entry_module} import {entry_function}
        sys.exit({entry_function}())
        """
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_ctrl_c_during_the_imports_is_one_line_and_130() -> None:
    done = _run_interrupted_at("newsprism.cli_base", "stories")
    assert done.returncode == 130, done.stderr
    assert done.stderr.splitlines() == [INTERRUPTED]
    assert "Traceback" not in done.stderr


def test_ctrl_c_while_typer_loads_is_one_line_and_130() -> None:
    done = _run_interrupted_at("typer", "--help")
    assert done.returncode == 130, done.stderr
    assert done.stderr.splitlines() == [INTERRUPTED]


def test_ctrl_c_while_typing_loads_is_one_line_and_130() -> None:
    """The package and the entry module imported ``typing`` (for TYPE_CHECKING and
    Any) before the handler was in place: a Ctrl-C in the first ~0.1 s was a traceback
    and death by SIGINT."""
    done = _run_interrupted_at("typing", "stories")
    assert done.returncode == 130, done.stderr
    assert done.stderr.splitlines() == [INTERRUPTED]
