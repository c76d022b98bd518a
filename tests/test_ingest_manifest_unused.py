"""A manifest row that no file can match (a typo in the file's name, a path outside the
manifest's folder) is one warning naming the manifest and the rows: it was unused without
a word, and its file read under a guessed outlet."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestWarning

TEXT = "Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms.\n"


def _read(folder: Path) -> tuple[list[Article], list[IngestWarning]]:
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(folder)], IngestOptions(), on_warning=warnings.append))
    return [i for i in items if isinstance(i, Article)], warnings


def test_rows_naming_no_file_are_one_warning(tmp_path: Path) -> None:
    (tmp_path / "harbour-herald.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(TEXT.replace("Monday", "Friday"), encoding="utf-8")
    (tmp_path / "newsprism.csv").write_text(
        "path,outlet\nharbour-heral.txt,Harbour Herald\nsub/b.txt,Coast\n"
        "../elsewhere.txt,Far\nnothing-*.txt,Pattern\n",
        encoding="utf-8",
    )
    articles, warnings = _read(tmp_path)
    assert len(articles) == 2
    (warning,) = warnings
    assert warning.source == str(tmp_path / "newsprism.csv")
    assert warning.message == (
        "row 2 (harbour-heral.txt), row 4 (../elsewhere.txt) name no file in its folder "
        "or below; unused"
    )


def test_a_manifest_whose_rows_all_match_says_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "newsprism.csv").write_text("path,outlet\na.txt,Coast\n", encoding="utf-8")
    articles, warnings = _read(tmp_path)
    assert warnings == [] and articles[0].outlet == "Coast"


def test_many_unused_rows_are_counted_past_the_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    rows = "".join(f"missing{n}.txt,X\n" for n in range(10))
    (tmp_path / "newsprism.csv").write_text(f"path,outlet\n{rows}", encoding="utf-8")
    _, warnings = _read(tmp_path)
    (warning,) = warnings
    assert "row 2 (missing0.txt), row 3 (missing1.txt), row 4 (missing2.txt)" in warning.message
    assert "and 7 more name no file" in warning.message


def test_rows_through_a_parent_folder_are_unused_whether_or_not_the_file_is_there(
    tmp_path: Path,
) -> None:
    """'x/../../secret.txt' was looked for outside the manifest's folder: only the rows
    naming no file there were reported, which told an uploader (the web app saves a
    manifest with the uploads) which files the server has. A row with '..' anywhere names
    no file below the folder; it is unused without a look."""
    (tmp_path / "secret.txt").write_text("s", encoding="utf-8")
    folder = tmp_path / "scraped"
    (folder / "x").mkdir(parents=True)
    (folder / "x" / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "newsprism.csv").write_text(
        "path,outlet\nx/../../secret.txt,A\nx/../../missing.txt,B\nx/a.txt,C\nx/..,D\n",
        encoding="utf-8",
    )
    articles, warnings = _read(folder)
    assert [a.outlet for a in articles] == ["C"]
    (warning,) = warnings
    assert warning.message == (
        "row 2 (x/../../secret.txt), row 3 (x/../../missing.txt), row 5 (x/..) name no file "
        "in its folder or below; unused"
    )
