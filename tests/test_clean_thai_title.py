"""A Thai headline (50-100 code points, phrases already parted by spaces) is the title:
counted two letters a word like Han, a two-phrase Thai headline of 50 code points was no
headline, so the article was stored untitled with its headline as the first paragraph,
and a re-ingest of the same file stored a second copy. A long Thai lede stays body."""

from __future__ import annotations

from newsprism.ingest.clean import clean_scraped_text

# Invented: a ferry strike in an invented town (Quillmere), in Thai.
TH_HEADLINE = "เรือข้ามฟากควิลเมียร์หยุดวิ่งวันที่สอง สหภาพไม่รับข้อเสนอใหม่ ผู้โดยสารต้องรอที่ท่า"
TH_LEDE = (
    "ควิลเมียร์ – พนักงานเรือข้ามฟากเมืองควิลเมียร์หยุดงานต่อเนื่องเป็นวันที่สองในวันพฤหัสบดี "
    "หลังจากสหภาพแรงงานไม่รับข้อเสนอขึ้นค่าจ้างร้อยละสามของบริษัทเดินเรือ "
    "และผู้โดยสารหลายร้อยคนต้องรอที่ท่าเรือตั้งแต่เช้ามืดโดยไม่รู้ว่าจะได้ข้ามฟากเมื่อใด"
)
TH_BODY = "โฆษกบริษัทเดินเรือกล่าวว่าจะมีการเจรจาอีกครั้งในสัปดาห์หน้า"


def test_a_thai_headline_is_the_title() -> None:
    cleaned = clean_scraped_text(f"{TH_HEADLINE}\n\n{TH_LEDE}\n\n{TH_BODY}\n")
    assert cleaned.title == TH_HEADLINE
    assert cleaned.text.startswith(TH_LEDE)


def test_a_long_thai_lede_is_no_title() -> None:
    cleaned = clean_scraped_text(f"{TH_LEDE}\n\n{TH_BODY}\n")
    assert cleaned.title is None
    assert cleaned.text.startswith(TH_LEDE)
