"""A scraper's inserted words in a title are flagged; a real place that adverts also name (澳门) only beside a
gambling word."""
from __future__ import annotations

import pytest

from tongbao.structure.metadata import extract_metadata
from tongbao.text.normalise import normalise

SPAM_WARNING = "title holds words a scraper inserted"


def _spam_warnings(title: str) -> list[str]:
    meta = extract_metadata(normalise(f"{title}\n各有关单位:\n现将有关情况通报如下。\n").text)
    return [w for w in meta.warnings if w.startswith(SPAM_WARNING)]


@pytest.mark.parametrize("title", [
    "关于做好澳门特别行政区回归纪念日宣传工作的通知",
    "某某市商务局关于组织企业赴澳门参加经贸洽谈会的通知",
    "关于内地与香港、澳门政务信息交流情况的报告",
    "珠海市澳门事务局2023年政府信息公开工作年度报告",
])
def test_a_notice_about_the_place_gets_no_spam_warning(title):
    assert _spam_warnings(title) == []


@pytest.mark.parametrize("title, words", [
    ("某某县办公室澳门葡京关于2022年第一季度网站检查情况的通报", "澳门、葡京"),
    ("某某局新葡京澳门关于网站普查情况的通报", "葡京、澳门"),  # the gambling word first
    ("某某镇金沙澳门赌场_在线关于政务新媒体检查情况的通报", "澳门、赌场"),
    ("某某区办公室澳门新彩票开奖关于网站抽查情况的通报", "澳门、彩票"),  # a character between the two
    ("某某区办公室澳门金沙娱乐平台关于网站抽查情况的通报", "澳门"),  # only a pairing word beside it
    ("某某区办公室欧洲杯投注_官网直播关于网站抽查情况的通报", "欧洲杯、投注、官网直播"),  # no place, as before
])
def test_the_place_beside_a_gambling_word_is_flagged_with_the_other_spam(title, words):
    assert _spam_warnings(title) == [f"{SPAM_WARNING}: {words}"]


@pytest.mark.parametrize("title, issuer", [
    ("某某县办公室澳门葡京关于2022年第一季度网站检查情况的通报", "某某县办公室"),
    ("某某县办公室澳门金沙博彩娱乐平台关于网站检查情况的通报", "某某县办公室"),
    ("珠海市澳门事务局2023年政府信息公开工作年度报告", "珠海市澳门事务局"),
])
def test_the_body_opening_a_title_ends_where_the_advert_begins_and_may_be_named_after_the_place(title, issuer):
    assert extract_metadata(normalise(f"{title}\n各有关单位:\n现将有关情况通报如下。\n").text).issuer == issuer
