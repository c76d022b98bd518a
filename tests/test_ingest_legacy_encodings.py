"""Chinese, Japanese and Korean text in a legacy multi-byte encoding (GB18030, Big5,
Shift-JIS, EUC-KR) is read in that encoding, with the guess's warning. Some of its byte
pairs are well-formed UTF-8 by chance, so the whole file was read as UTF-8 with "stray"
bytes: cp1252 mojibake, stored under a warning that said a few bytes were stray. UTF-8
text with a few pasted Windows-1252 bytes still keeps its UTF-8."""

from __future__ import annotations

import pytest

from newsprism.ingest.decode import decode

TEXTS = {
    "gb18030": "泰塞尔港务委员会周二投票决定关闭旧渡轮码头，约四百名乘客将转移。",
    "big5": "泰塞爾港務委員會週二投票決定關閉舊渡輪碼頭，約四百名乘客將轉移。",
    "shift_jis": "テッセルの港湾委員会は火曜日、古いフェリー桟橋の閉鎖を決定した。",
    "euc-kr": "테셀 항만위원회는 화요일 오래된 페리 부두를 폐쇄하기로 결정했다.",
}


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_legacy_multibyte_text_is_read_in_its_encoding(encoding: str) -> None:
    decoded = decode(TEXTS[encoding].encode(encoding), "cjk.txt")
    assert decoded.text == TEXTS[encoding]
    assert decoded.warning is not None and decoded.warning.startswith("not UTF-8; encoding guessed")


def test_stray_cp1252_bytes_in_utf8_keep_the_utf8() -> None:
    data = "Der Hafen „schließt“, sagte Ørsted".encode() + b" \x93quoted\x94 caf\xe9 \xe6\xf8\xe5"
    decoded = decode(data, "paste.txt")
    assert decoded.text == "Der Hafen „schließt“, sagte Ørsted “quoted” café æøå"
    assert decoded.warning == "not valid UTF-8: 6 stray byte(s) read as cp1252"


def test_a_pasted_cp1252_passage_with_french_quotes_keeps_the_utf8() -> None:
    # «\xa0 and \xa0» as cp1252 bytes stand in runs of two, like a legacy lead and trail
    # byte, and GB18030 decodes the whole; UTF-8 + cp1252 still reads it best.
    pasted = "«\xa0Nous fermons\xa0», puis «\xa0Non\xa0» et «\xa0Oui\xa0»."
    data = "Le port « ferme », a dit Ørsted. ".encode() + pasted.encode("cp1252")
    decoded = decode(data, "paste.txt")
    assert decoded.text == "Le port « ferme », a dit Ørsted. " + pasted
    assert decoded.encoding == "utf-8"
    assert decoded.warning == "not valid UTF-8: 12 stray byte(s) read as cp1252"
