"""Regions: the division a notice is about (the documents table and the search index), and one opening a query."""
from __future__ import annotations

import pytest

from tongbao.regions import leading_region, region_of


@pytest.mark.parametrize("issuer, title, expected", [
    ("某某区政务公开办公室", None, None),  # no division named
    (None, None, None),
    ("青神县人民政府办公室", "关于全县政府网站的通报", ("青神县", "511425", "county", "四川省 眉山市 青神县")),
    ("甘州区政务公开工作领导小组办公室", None, ("甘州区", "620702", "county", "甘肃省 张掖市 甘州区")),
    # a run of names: the last, most specific
    ("甘肃省张掖市甘州区人民政府办公室", None, ("甘州区", "620702", "county", "甘肃省 张掖市 甘州区")),
    (None, "关于甘肃省2021年政府网站抽查情况的通报", ("甘肃省", "620000", "province", "甘肃省")),  # the title when no issuer
    ("市政府办公室", "盘锦市人民政府办公室关于政务新媒体的通报", ("盘锦市", "211100", "city", "辽宁省 盘锦市")),
    ("北京市朝阳区人民政府办公室", None, ("朝阳区", "110105", "county", "北京市 朝阳区")),  # a shared name, told apart by its run
    ("朝阳区政务服务管理局", "关于长春市政府网站检查情况的通报", ("朝阳区", "220104", "county", "吉林省 长春市 朝阳区")),  # or by the title
    ("朝阳区政务服务管理局", None, ("朝阳区", None, "county", "朝阳区")),  # nothing tells the two apart: no code, no chain
    ("和县人民政府办公室", None, ("和县", "340523", "county", "安徽省 马鞍山市 和县")),  # a two-character name opening the issuer
    ("各乡镇和县直部门", None, None),  # the same two characters as ordinary words
    ("城区政务公开办", None, None),  # a word the gazetteer vocabulary says is no place
    ("区政府办公室", None, None),
])
def test_the_region_of_a_notice_is_the_most_specific_division_its_issuer_else_its_title_names(issuer, title, expected):
    region = region_of(issuer, title)
    assert (region and (region.name, region.code, region.level, region.path)) == expected


@pytest.mark.parametrize("text, expected", [
    ("甘州区三闸镇", ("甘州区", "620702", "三闸镇")),
    ("张掖市甘州区三闸镇", ("甘州区", "620702", "三闸镇")),  # a run: the last name, the rest after the run
    ("北京市朝阳区和平街道", ("朝阳区", "110105", "和平街道")),  # the run tells a shared name apart
    ("和县政府网站", ("和县", "340523", "政府网站")),  # a two-character name opening the text counts
    ("三闸镇", None),
    ("在甘州区三闸镇", None),  # only a text that opens with a division
])
def test_a_text_that_opens_with_divisions_splits_into_the_last_of_them_and_the_rest(text, expected):
    found = leading_region(text)
    assert (found and (found[0].name, found[0].code, found[1])) == expected
