"""Forms that name or seem to name units, in sentences written for these tests: what is a unit and what is not."""
import pytest

from tongbao import extract_text

REPORT = "关于第三季度政务公开检查情况的通报\n各乡镇、各部门:\n现将检查情况通报如下:\n一、存在问题\n{}\n"


def _units(body: str, signature: str = "") -> list[str]:
    return [u["name"] for u in extract_text(REPORT.format(body) + signature)["units"]]


@pytest.mark.parametrize(
    "body, signature, present, absent",
    [
        # the issuer, the government it belongs to and the place it governs are not assessed
        ("本次检查由柳溪市政府统一部署,柳溪市共抽查网站12个,东坪镇未公开财政预算。",
         "柳溪市人民政府办公室\n2025年10月9日", ["东坪镇"], ["柳溪市政府", "柳溪市"]),
        ("全省共有网站120个,其中省卫健委网站1个;西林县卫健局栏目更新不及时。",
         "南屏省卫健委\n2025年10月9日", ["西林县卫健局"], ["省卫健委"]),
        # ranked among others, the issuer's place is a unit again
        ("得分排名后三位的是柳溪市、东坪县、西林县。", "柳溪市人民政府办公室\n2025年10月9日",
         ["柳溪市", "东坪县", "西林县"], []),
        # a level word (县级, 市直) after a division's last character is no county name
        ("各乡镇和县级有关部门公开信息不及时,东坪镇尤为突出。", "", ["东坪镇"], ["和县"]),
        ("全市和县直部门网站均已整改,西林县卫健局仍未更新。", "", ["西林县卫健局"], ["和县"]),
        # a county missing from the gazetteer whose name ends in a shorter county's name
        ("从运维主体看,临川县30个、肃南县24个,其中肃南县8个账号长期未更新。", "", ["肃南县"], ["南县"]),
        # a measure word after a count opens no name
        ("全市3家管委会网站、4家优秀区政府网站参评,东坪镇网站未达标。", "", ["东坪镇"],
         ["家管委会", "家优秀区政府"]),
        # words that end in a name ending but name nothing (大局, 催办)
        ("各部门要紧扣发展大局,东坪镇网民留言多次催办仍未回复。", "", ["东坪镇"], ["紧扣发展大局", "催办"]),
    ],
)
def test_what_is_a_unit(body, signature, present, absent):
    units = _units(body, signature)
    assert all(name in units for name in present), units
    assert not any(name in units for name in absent), units
