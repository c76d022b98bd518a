"""``articles`` and ``article`` count the words of a Chinese or Japanese article (no
spaces between words) by its letters, not as one word per space-separated run: a whole
Japanese article was "words 1"."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import word_count

# Invented: a ferry resumes service; residents queue from the morning.
_JAPANESE = "港のフェリーは火曜日に運航を再開し、多くの住民が朝早くから列を作った。"
_CHINESE = "港口渡轮周二恢复运营，许多居民一早就排队等候。"
_JAPANESE_MORE = (
    "市長は声明で、安全点検が終わったと述べた。",
    "運航会社によると、次の便は水曜日の朝に出る予定だという。",
    "住民の一人は、やっと島に帰れると話した。",
)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def test_han_and_kana_letters_count_one_word_each() -> None:
    assert word_count(_JAPANESE) == _letters(_JAPANESE)
    assert word_count(_CHINESE) == _letters(_CHINESE)
    assert word_count("2026年3月に Apple が発表") == 9  # 2026 年 3 月 に Apple が 発 表


def test_spaced_scripts_count_as_before() -> None:
    assert word_count("The ferry resumed on Tuesday.") == 5
    assert word_count("서울에서 회의가 열렸다.") == 3  # Korean spaces its words
    assert word_count("Café — naïve") == 3


def test_articles_shows_the_words_of_a_japanese_article(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    article = tmp_path / "ferry-ja.txt"
    body = "\n\n".join(_JAPANESE + more for more in _JAPANESE_MORE)
    article.write_text("フェリー運航再開\n\n" + body + "\n", encoding="utf-8")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(article), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    listed = runner.invoke(app, ["articles", "--db", str(db)], terminal_width=200)
    assert listed.exit_code == 0, listed.output
    stored = json.loads(runner.invoke(app, ["articles", "--json", "--db", str(db)]).output)
    text = stored[0]["text"]
    row = next(line for line in listed.output.splitlines() if "ferry-ja" in line)
    assert str(_letters(text)) in row.split()
    assert _letters(text) > 50


# Invented: the Tessel ferry resumed on Tuesday after a week of repairs, the operator
# said; residents queued from early morning (Thai).
_THAI = (
    "เรือข้ามฟากเทสเซลกลับมาให้บริการในวันอังคารหลังจากซ่อมแซมนานหนึ่งสัปดาห์"
    " ผู้ประกอบการกล่าว ชาวบ้านจำนวนมากมาต่อแถวรอตั้งแต่เช้าตรู่"
)


def test_thai_lao_khmer_myanmar_letters_count_one_word_each() -> None:
    """An unspaced Thai text was "words 2", under the language detector's minimum."""
    assert word_count("เรือข้ามฟาก") == 9  # letters; the vowel and tone marks are not
    assert word_count("ເຮືອຂ້າມ") == 6  # Lao
    assert word_count("សាលាក្រុង") == 5  # Khmer
    assert word_count("ရေကြောင်း") == 3  # Myanmar
    assert word_count(_THAI) > 50


def test_a_thai_article_is_detected_and_told_as_not_analysed(tmp_path: Path) -> None:
    """It was "lang ?", and so analysed as English with no warning (README promises a
    warning for an article in a language the analysis does not read)."""
    db = tmp_path / "news.db"
    article = tmp_path / "ferry-th.txt"
    # A headline and one paragraph without a space: two space-separated runs.
    body = _THAI.replace(" ", "")
    article.write_text("เรือข้ามฟากกลับมาแล้ว\n\n" + body + "\n", encoding="utf-8")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(article), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    assert f"warning: {article}: language th: not analysed" in ingested.stderr
    stored = json.loads(runner.invoke(app, ["articles", "--json", "--db", str(db)]).output)
    assert stored[0]["language"] == "th"
