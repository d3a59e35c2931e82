"""Copies of one notice: when two documents are one notice (extract/copies.py), and which documents of a batch
are later copies of a notice (duplicate_of)."""
from __future__ import annotations

import hashlib
import heapq

import pytest

from tests.test_search import ELSEWHERE, SECOND_QUARTER
from tongbao.batch.duplicates import first_copies
from tongbao.copies import CANDIDATES, SHINGLE, candidates, fingerprint, period_of, same_notice, sketch

TEMPLATE = """关于{year}年第{quarter}季度全县政府网站检查情况的通报
各乡镇人民政府,县直各部门:
按照省政府办公厅要求,县政务公开办对全县政府网站和政务新媒体进行了第{quarter}季度检查,现将有关情况通报如下。
一、总体情况
本季度共检查政府网站12个、政务新媒体30个,总体合格率为百分之九十以上。
二、存在问题
(一)部分栏目更新不及时。河口镇网站工作动态栏目超过两个月未更新。
(二)互动回应不及时。县农业农村局留言办理超过规定时限。
三、工作要求
请各单位对照问题清单认真整改,并于下月底前报送整改情况。
"""
SECOND = TEMPLATE.format(year=2021, quarter="二")


def _fingerprint(text: str, title: str | None = None, date: str | None = None, issuer: str | None = None):
    return fingerprint({"text": text, "title": title, "date": date, "issuer": issuer})


@pytest.mark.parametrize("a, b, same", [
    # spacing, punctuation and line breaks differ between a .txt, a .docx and a web page
    ((SECOND,), (SECOND.replace(",", ", ").replace("\n", "\n\n  "),), True),
    # a mirror's page keeps a line of its own around the notice
    ((SECOND,), (SECOND + "来源:县政府办公室 浏览次数:35\n打印本页 关闭窗口\n",), True),
    # a copy cut short is still the notice its heading names
    ((SECOND, "关于2021年第二季度检查情况的通报", "2021-07-05", "县政务公开办"),
     (SECOND[: len(SECOND) // 2], "关于2021年第二季度检查情况的通报", "2021-07-05", "县政务公开办"), True),
    # the same template for the next quarter: nearly the same text, another notice
    ((SECOND,), (TEMPLATE.format(year=2021, quarter="三"),), False),
    ((SECOND,), (TEMPLATE.format(year=2022, quarter="二"),), False),
    # the same text signed on another day is another notice
    ((SECOND, None, "2021-07-05"), (SECOND, None, "2021-10-08"), False),
    # two different notices of one issuer
    ((SECOND_QUARTER,), (ELSEWHERE,), False),
    # documents kept without their text (a batch run with --no-text) are compared by their heading alone
    (("",), ("",), False),
    (("", "关于网站检查情况的通报", "2021-07-05", "县政务公开办"), ("", "关于网站检查情况的通报", "2021-07-05", "县政务公开办"), True),
    (("三闸镇未更新。",), ("三闸镇未更新。",), False),
])
def test_copies_are_one_notice_and_other_periods_are_not(a, b, same):
    assert same_notice(_fingerprint(*a), _fingerprint(*b)) is same
    assert same_notice(_fingerprint(*b), _fingerprint(*a)) is same


@pytest.mark.parametrize("title, text, period", [
    ("关于全区第一季度政府信息公开情况的通报", "", "-Q1"),
    ("2024年第三季度国务院国资委网站和政务新媒体抽查情况的通报", "", "2024-Q3"),
    ("某某乡2020年政府信息公开工作年度报告", "", "2020-"),
    ("关于2021年上半年政务新媒体检查情况的通报", "", "2021-H1"),
    ("关于2021年6月份全区政务新媒体抽查情况的通报", "", "2021-M06"),
    (None, "按照要求现将2024年第二季度检查情况通报如下", "2024-Q2"),
    ("关于加强制度建设的通知", "", None),
])
def test_the_period_a_notice_is_about(title, text, period):
    assert period_of(title, text) == period




THIRD = TEMPLATE.format(year=2021, quarter="三")
HEADING = ("关于网站检查情况的通报", "2021-07-05", "县政务公开办")


@pytest.mark.parametrize("documents, firsts", [
    # copies in other forms point at the first; another quarter of the template is a notice of its own
    ([(SECOND,), (THIRD,), (SECOND.replace("\n", "\n\n  "),), (SECOND + "打印本页 关闭窗口\n",)], [None, None, 0, 0]),
    # the same fingerprint twice, and again after another notice
    ([(SECOND,), (SECOND,), (ELSEWHERE,), (SECOND,)], [None, 0, None, 0]),
    # too short to compare and no heading: the same words are no copy, however often they come
    ([("三闸镇未更新。",), ("三闸镇未更新。",), ("三闸镇未更新。",)], [None, None, None]),
    # a copy of two notices (one by its heading, one by its text) joins them under the first
    ([("", *HEADING), (SECOND,), (SECOND, *HEADING)], [None, 0, 0]),
    ([], []),
])
def test_each_later_copy_points_at_the_first_document_of_its_notice(documents, firsts):
    assert first_copies([_fingerprint(*d) for d in documents]) == firsts


@pytest.mark.parametrize("text", ["", "甲", "甲乙丙丁戊", SECOND, SECOND * 3, "\ud800" + SECOND[:40], ELSEWHERE])
def test_a_sketch_is_the_smallest_hashes_of_the_texts_shingles(text):
    """The sketch unpacks every digest in one call; the index keeps sketches, so they must stay these values."""
    shingles = {text[i:i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))} if text else set()
    hashes = [int.from_bytes(hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big",
                             signed=True) for s in shingles]
    assert sketch(text) == tuple(heapq.nsmallest(128, hashes))
    assert sketch(text, 3) == tuple(heapq.nsmallest(3, hashes))


def test_a_text_read_again_is_sketched_once_with_the_same_fingerprint():
    sketches: dict = {}
    first, again = fingerprint({"text": SECOND}, sketches), fingerprint({"text": SECOND.replace("\n", "\n\n")}, sketches)
    assert first == again == fingerprint({"text": SECOND}) and first.sketch is again.sketch and len(sketches) == 1


def test_candidates_are_sought_by_key_heading_and_shared_sketch_each_once_whatever_the_lookups():
    """One rule for the batch and the index: which lookups are asked, with what, and duplicates dropped."""
    asked = []
    mine = _fingerprint(SECOND, *HEADING)
    found = candidates(mine, lambda key: asked.append("key") or ["a", "b"],
                       lambda heading: asked.append(heading) or ["b", "c"],
                       lambda hashes, at_least, most: asked.append((len(hashes), at_least, most)) or ["c", "d"])
    assert found == ["a", "b", "c", "d"]
    assert asked == ["key", HEADING, (len(mine.sketch), len(mine.sketch) // 2, CANDIDATES)]
    never = lambda *args: pytest.fail("looked up without a key, a heading or a sketch")  # noqa: E731
    assert candidates(_fingerprint("", "关于检查的通报"), never, never, never) == []
