"""The bulk of a text decides its language, and an article the analysis will skip is
told: a short English article with one Japanese sentence was detected as ``ja`` (langid
reads bytes, three to a Japanese character) and then got an empty analysis without a
word."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.analyze.analyzer import SUPPORTED_LANGUAGES
from newsprism.cli import app
from newsprism.ingest.language import ANALYSED_LANGUAGES, LanguageDetector, main_script

_ENGLISH = (
    "The ferry to Marrow resumed on Tuesday after a week of repairs, the operator said. "
    "Passengers queued from early morning at the Tessel pier. "
)
_FERRY_JA = "港のフェリーは火曜日に運航を再開し、"
_QUEUE_JA = "多くの住民が朝早くから列を作って待っていたと述べました。"
_JAPANESE = _FERRY_JA + _QUEUE_JA


def test_one_japanese_sentence_leaves_an_english_text_english() -> None:
    detector = LanguageDetector()
    assert detector.detect(_ENGLISH + _JAPANESE) == "en"
    assert detector.detect(_JAPANESE + _ENGLISH) == "en"


def test_a_mostly_japanese_text_stays_japanese() -> None:
    text = _JAPANESE * 3 + "The operator said so. " + _JAPANESE
    assert LanguageDetector().detect(text) == "ja"


def test_main_script_blanks_only_the_other_scripts() -> None:
    assert main_script("Tessel harbour reopened. 港。") == "Tessel harbour reopened.  。"
    assert main_script("Café in Zürich") == "Café in Zürich"  # one script, accents and all


def test_the_analysed_languages_are_the_analysers_own_set() -> None:
    # One set, not two kept equal: a language added to one is added to both.
    assert ANALYSED_LANGUAGES is SUPPORTED_LANGUAGES


def test_an_article_the_analysis_skips_is_one_warning_line(tmp_path: Path) -> None:
    german = tmp_path / "faehre.txt"
    german.write_text(
        "Fähre fährt wieder\n\nDie Fähre nach Marrow fährt seit Dienstag wieder, teilte der "
        "Betreiber mit. Viele Anwohner warteten schon am frühen Morgen am Anleger.\n"
    )
    mixed = tmp_path / "ferry.txt"
    mixed.write_text("Ferry resumes\n\n" + _ENGLISH + _JAPANESE + "\n")
    result = CliRunner().invoke(
        app, ["ingest", str(german), str(mixed), "--db", str(tmp_path / "n.db")]
    )
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {german}: language de: not analysed (the analysis reads English only);"
        " stored and grouped, without its quotes, numbers and dates\n"
    )


# Review s32 findings 1, 2 and 7 (invented texts).
_ZH_WITH_BRANDS = (
    "泰瑟尔公司周二宣布，Corvane 11将支持新的AI功能Marlowbot。Tessel CEO Oren Vaskel表示，"
    "Marlowbot将改变工作方式。Quillon的QX-4模型为其提供支持。"
)
_KO_WITH_BRANDS = (
    "테셀전자는 12일 Corvane S24 Ultra를 공개했다. Quillon Marrowchip 8 Gen 3 칩이 탑재됐다. "
    "Tessel Mobile President Oren Vaskel는 AI 기능을 강조했다."
)
_JA_ONLY = (
    "マロウ市は月曜日、嵐の後に港を再開したと発表した。市長は記者会見で計画の詳細を説明した。"
    "船舶は火曜日から通常運航に戻る予定だ。"
)
_ZH_ONLY = (
    "马罗市政府周一宣布，风暴过后港口重新开放。市长在记者会上介绍了计划的细节。"
    "船只将于周二恢复正常航行。"
)


def test_a_chinese_or_korean_article_with_latin_product_names_keeps_its_language() -> None:
    detector = LanguageDetector()
    assert detector.detect(_ZH_WITH_BRANDS) == "zh"
    assert detector.detect(_KO_WITH_BRANDS) == "ko"


def test_a_text_with_no_spaces_in_an_east_asian_script_is_detected() -> None:
    detector = LanguageDetector()
    assert detector.detect(_JA_ONLY) == "ja"
    assert detector.detect(_ZH_ONLY) == "zh"


def test_japanese_marks_and_modifier_letters_are_not_blanked() -> None:
    japanese = "マロウ港のスマートフォン売り場は人々で賑わった。Tessel"
    assert main_script(japanese) == japanese.replace("Tessel", "      ")
    ukrainian = "Мʼясо подорожчало в Tessel"
    assert main_script(ukrainian) == "Мʼясо подорожчало в       "


def test_an_east_asian_article_the_analysis_skips_is_warned_about(tmp_path: Path) -> None:
    japanese = tmp_path / "minato.txt"
    japanese.write_text("マロウ港が再開\n\n" + _JA_ONLY + "\n")
    chinese = tmp_path / "gang.txt"
    chinese.write_text("马罗港重新开放\n\n" + _ZH_WITH_BRANDS + "\n")
    result = CliRunner().invoke(
        app, ["ingest", str(japanese), str(chinese), "--db", str(tmp_path / "n.db")]
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {japanese}: language ja: not analysed (the analysis reads English only);"
        " stored and grouped, without its quotes, numbers and dates",
        f"warning: {chinese}: language zh: not analysed (the analysis reads English only);"
        " stored and grouped, without its quotes, numbers and dates",
    ]


def test_a_duplicate_is_not_warned_about_again(tmp_path: Path) -> None:
    # Review s32 finding 7: re-ingesting a stored German file told its warning again.
    german = tmp_path / "faehre.txt"
    german.write_text(
        "Fähre fährt wieder\n\nDie Fähre nach Marrow fährt seit Dienstag wieder, teilte der "
        "Betreiber mit. Viele Anwohner warteten schon am frühen Morgen am Anleger.\n"
    )
    args = ["ingest", str(german), "--db", str(tmp_path / "n.db")]
    first = CliRunner().invoke(app, args)
    assert first.stderr.count("not analysed") == 1
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0
    assert "not analysed" not in again.stderr
