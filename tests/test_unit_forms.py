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
        # the issuer named without its place, where reports are sent
        ("请各单位将自查报告报县政府办公室,东坪镇仍未报送。", "县政府办公室\n2025年10月9日", ["东坪镇"], ["县政府办公室"]),
        # the issuer by its short name (政府新闻办 for 政府新闻办公室), its place left out
        ("市政府新闻办对全市政务微博进行了排名,东坪镇政务微博连续两月未更新。", "柳溪市人民政府新闻办公室\n2025年10月9日",
         ["东坪镇"], ["市政府新闻办"]),
        # a signature some pages print in brackets on the text's last line
        ("东坪镇未公开财政预算,请于月底前整改。", "(柳溪市人民政府新闻办公室)", ["东坪镇"], ["柳溪市人民政府新闻办公室"]),
        # ranked among others, the issuer's place is a unit again
        ("得分排名后三位的是柳溪市、东坪县、西林县。", "柳溪市人民政府办公室\n2025年10月9日",
         ["柳溪市", "东坪县", "西林县"], []),
        # a level word (县级, 市直) after a division's last character is no county name
        ("各乡镇和县级有关部门公开信息不及时,东坪镇尤为突出。", "", ["东坪镇"], ["和县"]),
        ("全市和县直部门网站均已整改,西林县卫健局仍未更新。", "", ["西林县卫健局"], ["和县"]),
        # after a word of prose 和 joins (领导和县民政局); the county 和县 follows its province, a mark or a preposition
        ("在县委的领导和县民政局的指导下,东坪镇网站未更新。", "", ["东坪镇"], ["和县民政局"]),
        ("安徽省和县人民政府网站未更新。", "", ["安徽省和县人民政府"], []),
        # a county missing from the gazetteer whose name ends in a shorter county's name
        ("从运维主体看,临川县30个、肃南县24个,其中肃南县8个账号长期未更新。", "", ["肃南县"], ["南县"]),
        # an admin word and a hospital's name is that level's hospital
        ("县卫健局和县医院的网站未更新。", "", ["县卫健局", "县医院"], []),
        # a village and its clinic after their township; a village head's post is no part of the village
        ("石门乡青竹村长期不按规定公开村务,杨柳镇柳溪村卫生室公开栏破损。", "",
         ["石门乡青竹村", "杨柳镇柳溪村卫生室"], ["石门乡", "杨柳镇"]),
        ("张家村村长王某某未按时公开财务。", "", ["张家村"], ["张家村村"]),
        # a body of its own among a list of places keeps its name and the list's fault; a document number
        # (发文字号) in prose is no page furniture (字号)
        ("旗林业局、旗草原站、哈日乡网站未更新。", "", ["旗林业局", "旗草原站", "哈日乡"], ["旗草原站乡"]),
        ("县计生局公开的文件存在漏标发文字号的问题。", "", ["县计生局"], []),
        # checking one's own units' work badly is a fault, not the role of checking others
        ("县教育局对所属学校网站信息审核把关不严,发布错误信息。", "", ["县教育局"], []),
        # a village's committee named alone, and a class of villages, are no units
        ("(二)柳溪村\n村务监督委员会成员未在公开清单上签字。示范村公开栏建设较好。", "", ["柳溪村"],
         ["村务监督委员会", "示范村"]),
        # the documents a body issued (甲印发的规范性文件未…) are its fault; one that issues a cited rule (乙印发的《…》) sets it
        ("县自然资源局、人社局印发的规范性文件未在专栏公开。", "", ["县自然资源局", "人社局"], []),
        ("按照县政府办公室印发的《检查指标》,东坪镇网站未更新。", "", ["东坪镇"], ["县政府办公室"]),
        # a 村 inside a township's name (黄村坡镇) is no village's ending; one opening a word (村务) or a list is
        ("云溪、黄村坡镇网站未更新。", "", ["云溪镇", "黄村坡镇"], ["黄村", "云溪村"]),
        ("东坪镇李家村村务公开栏破损,王家村和平镇网站未更新。", "", ["东坪镇李家村", "王家村"], ["王家村和平镇"]),
        # bare place names before a county share its level; a county opening an item that goes on does not lend it
        ("丰都、石柱县未更新。", "", ["丰都县", "石柱县"], ["丰都"]),
        ("迪庆民政、德钦县教育体育、香格里拉国土视点未更新。", "", [], ["迪庆民政县"]),
        # a department's short name goes by the full one the notice also writes, not by a longer name holding it
        ("问题单位包括:县住建局、县医保局。县住房和城乡建设局网站栏目空白,县医疗保障局网站未更新。", "",
         ["县住房和城乡建设局", "县医疗保障局"], ["县住建局", "县医保局"]),
        ("区人社局网站未更新。“东坪人社”(开办主体:东坪区人力资源和社会保障局)留言未回复。", "", ["区人社局"],
         ["区人力资源和社会保障局"]),
        # a bare place's name that ends like a body (车站) shares the list's ending like its siblings
        ("东关、车站、新华路街道网站均使用默认后台密码。", "", ["东关街道", "车站街道", "新华路街道"], ["车站"]),
        # a name already whole (甲乡) takes no share of the next item's ending; 实现 opens no name
        ("部分乡镇未建立审核制度,柳岗乡、北阳镇发布信息前未经审核。", "", ["柳岗乡", "北阳镇"], ["柳岗乡镇"]),
        ("标准化规范化建设实现街道全覆盖,东坪镇网站未更新。", "", ["东坪镇"], ["化建设实现街道", "实现街道"]),
        # a quoted trait after the account word (政务新媒体“小散弱”) names no account
        ("为解决政务新媒体“小散弱”、更新不及时等问题,东坪镇网站未更新。", "", ["东坪镇"], ["小散弱"]),
        # what was done to an account (取消备案) before its account word names no account
        ("本季度新增备案抖音号“东坪文旅”,取消备案微信公众号“东坪住建”,东坪镇未更新。", "", ["东坪镇"], ["取消备案"]),
        # places closing with their count and level before a shared government site are each that site
        ("东坪县、西林区等2个县区政府门户网站存在错别字。", "", ["东坪县政府", "西林区政府"], ["东坪县", "西林区"]),
        # bodies that verify, are commissioned, carry out an evaluation, guide or confirm results are in roles;
        # a verb before a name (迎接, 转办, 指出) is no part of it; not verifying is a fault, no role
        ("检查中,县委编办对网站主办单位资质进行了核对,东坪镇网站未更新。", "", ["东坪镇"], ["县委编办"]),
        ("某某网络科技有限公司受县政府办委托提供技术支持,东坪镇网站未更新。", "", ["东坪镇"], ["某某网络科技有限公司"]),
        ("县公安局网安大队予以技术支持,东坪镇网站未更新。", "", ["东坪镇"], ["县公安局网安大队"]),
        # a firm's registered place in brackets inside its name; what the commissioned firm is before its name
        ("县政府办委托某某数科(吉林)信息技术有限公司开展评估,东坪镇网站未更新。", "", ["东坪镇"],
         ["信息技术有限公司", "某某数科(吉林)信息技术有限公司"]),
        ("县政府办委托第三方机构某某数科(吉林)信息技术有限公司开展评估,东坪镇网站未更新。", "", ["东坪镇"],
         ["信息技术有限公司", "某某数科(吉林)信息技术有限公司"]),
        ("第三方评估(某某评估咨询有限公司实施)指出东坪镇公开栏破损。", "", ["东坪镇"], ["某某评估咨询有限公司", "指出东坪镇"]),
        ("县融媒体中心在账号运维培训方面给予了指导,东坪镇网站未更新。", "", ["东坪镇"], ["县融媒体中心"]),
        ("监测结果经县委网信办、县保密局会商确认,东坪镇网站未更新。", "", ["东坪镇"], ["县委网信办", "县保密局"]),
        ("为迎接市政府办公室年度考核,县长信箱转办东坪镇的留言答复过于简单。", "", ["东坪镇"], ["迎接市政府办公室", "转办东坪镇"]),
        ("县民政局对群众反映的问题未进行核实。", "", ["县民政局"], []),
        # a role after a list covers an item written with its other name in brackets; 编办 is a body's whole name
        ("县委宣传部(县委网信办)、县融媒体中心派员参与检查,东坪镇网站未更新。", "", ["东坪镇"],
         ["县委宣传部", "县委网信办", "县融媒体中心"]),
        ("县委网信办、县编办参与抽查,县编办网站也未更新。", "", ["县编办"], ["县委网信办"]),
        # the agent of a passive (被某某通报, 被某某复议撤销) acts; the subject is the one assessed
        ("东坪镇年度报告数据有误,被柳溪市政务公开办通报。西林镇1件答复被柳溪市人民政府复议撤销。", "",
         ["东坪镇", "西林镇"], ["柳溪市政务公开办", "柳溪市人民政府"]),
        # a site's own name (…之窗, …在线) before a name with a place's ending takes no share of that ending
        ("东坪镇之窗、西林街道信息网仍独立运行。", "", [], ["之窗街道", "东坪镇之窗街道"]),
        # bodies that co-operate by their duties (按职责配合) assess nobody and are not assessed
        ("县政府办公室负责组织实施,县委网信办、县公安局按职责配合,东坪镇网站未更新。", "", ["东坪镇"],
         ["县委网信办", "县公安局"]),
        # a noun of a page and 中 (简介中, 栏目中) open no place's name: 中街道, 中镇 are no names
        ("“东坪发布”微信公众号简介中街道名称书写错误,“机构职能”栏目中镇领导分工信息过时。", "", ["东坪发布"],
         ["简介中街道", "栏目中镇"]),
        # a verb of inspection or a count's 共 opens no name; 责成 orders the township that follows it
        ("本季度共考评县政府门户网站1个。东坪镇网站未更新。", "", ["东坪镇"], ["共考评县", "考评县"]),
        ("为促进镇属站所依法行政,镇党政办对镇财政所进行了检查,东坪镇未更新。", "", ["东坪镇"], ["促进镇"]),
        ("本次共评出优秀区3个,东坪镇未更新。", "", ["东坪镇"], ["评出优秀区", "共评出优秀区"]),
        # 各庄 inside a village's name (王各庄乡) is no 各 of a group; a bare list takes the last item's ending
        ("马庄、高家营、王各庄乡网站留言功能长期关闭。", "", ["马庄乡", "高家营乡", "王各庄乡"], ["王各庄乡镇"]),
        ("王各庄乡、柳林镇未更新。各镇办要加强管理。", "", ["王各庄乡", "柳林镇"], ["各镇办"]),
        # a quoted slogan (“谁开设、谁主管”) names no accounts
        ("部分单位未落实账号“谁开设、谁主管”责任,东坪镇网站未更新。", "", ["东坪镇"], ["谁开设", "谁主管"]),
        # a 嘎查 (a village of Inner Mongolia) after its 苏木, as a village after its township
        ("查干淖苏木巴彦嘎查、额很苏木乌兰嘎查村务公开栏内容陈旧。", "", ["查干淖苏木巴彦嘎查", "额很苏木乌兰嘎查"],
         ["额很苏木"]),
        # a level after 和 that follows a site or an account word opens the next name (网站和州卫健委)
        ("县政府网站和州卫生健康委网站存在空白栏目。", "", ["州卫生健康委"], ["卫生健康委"]),
        ("县教育局网站和州财政局网站存在空白栏目。", "", ["县教育局", "州财政局"], ["财政局"]),
        # a site ends at the conjunction after it: the next name is no part of it
        ("平阴县人民政府门户网站及地区教育局网站存在空白栏目。", "", ["平阴县人民政府", "地区教育局"],
         ["平阴县人民政府门户网站及地区教育局"]),
        # a body that no longer exists keeps its 原, with the level it may have left out; a site that was a
        # body's (…(原市商务局网站)) names the body
        ("原市粮食局、原市物价局开设的微信公众号至今未注销。", "", ["原市粮食局", "原市物价局"], ["市粮食局", "市物价局"]),
        ("关停后仍可访问的网站:www.dpsw.gov.cn(原县商务局网站)。", "", ["县商务局"], ["原县商务局"]),
        # a quoted column of a body's site (“领导信箱”, “政策解读”专区) is no account: the body is the unit
        ("“东坪发布”微信公众号超过2周未更新;县信访局“领导信箱”有2条留言超过15天未答复。", "",
         ["东坪发布", "县信访局"], ["领导信箱"]),
        # the first item of a list sharing its ending gives up its lead word, once (如沙头、南岭街道; 乡的东岭、西岭三个村)
        ("信息多为会议活动类,如沙头、南岭街道。", "", ["沙头街道", "南岭街道"], ["如沙头街道"]),
        ("石羊乡的东岭、西岭、南岭三个村公开栏年久失修。", "", ["东岭村", "西岭村", "南岭村"], ["的东岭村", "东岭"]),
        # a township's stations listed bare after a prefixed sibling, closed by their count
        ("镇财政所、司法所、农技站、林业站4个站所未公开办事指南。", "", ["镇财政所", "司法所", "农技站", "林业站"], []),
        # a list of regions closed by the level they are, written with its brackets (省(区、市), 市(州))
        ("北京、天津、宁夏等12个省(区、市)网站全部按时发布。", "", ["北京", "天津", "宁夏"], []),
        ("成都、自贡、德阳等13个市(州)政府网站未更新。", "", ["成都", "自贡", "德阳"], []),
        # a county-level city the gazetteer lacks, listed beside counties, is one of them
        ("确定兰河县、北枫区、宁岗市为优秀单位。", "", ["兰河县", "北枫区", "宁岗市"], []),
        ("东坪县、宁岗市网站未更新。", "", ["东坪县", "宁岗市"], []),
        # bodies that lend staff or form the inspection teams, and people's posts, assess no one
        ("县委网信办、县大数据局各抽调2名骨干参加检查,东坪镇网站未更新。", "", ["东坪镇"], ["县委网信办", "县大数据局"]),
        ("县信息公开领导小组办公室于4月中旬组成3个检查组,东坪镇网站未更新。", "", ["东坪镇"], ["县信息公开领导小组办公室"]),
        ("县委常委、常务副县长王某某带队督查,东坪镇网站未更新。", "", ["东坪镇"], ["县委常委"]),
        ("柳溪大学法学院副教授林某某参与评查,东坪镇网站未更新。", "", ["东坪镇"], ["柳溪大学法学院"]),
        # a government's site named in full, in a list or a table's site column, is the government
        ("未整改的网站分别是鹭门市人民政府网站、青岗县人民政府网站。", "", ["鹭门市人民政府", "青岗县人民政府"],
         ["鹭门市人民"]),
        ("序号 | 网站名称 | 存在问题 |\n1 | 鹭门市人民政府网站 | 首页未更新 |\n2 | 青岗县人民政府网站 | 栏目空白 |", "",
         ["鹭门市人民政府", "青岗县人民政府"], ["鹭门市人民"]),
        # a list's count before its account word is no part of the last name
        ("杉坪民政、杉坪供销两个微信公众号未更新。", "", ["杉坪民政", "杉坪供销"], ["杉坪供销两个"]),
        # bodies a matter was passed to, worked with, or whose figures are the yardstick, assess no one
        ("东坪镇网站留言已转县住建局办理,但超期未答复。", "", ["东坪镇"], ["县住建局", "住建局"]),
        ("东坪镇网站价格信息与县发展和改革局核定的价格不一致。", "", ["东坪镇"], ["县发展和改革局"]),
        ("市数据资源管理局提供了网站监测数据,东坪镇网站未更新。", "", ["东坪镇"], ["市数据资源管理局"]),
        ("已与县融媒体中心对接,东坪镇网站仍未更新。", "", ["东坪镇"], ["县融媒体中心"]),
        # bodies that check the others' work, host a reading point, send staff, or set a yardstick in brackets
        ("市司法局对各地行政规范性文件公开情况进行了核对,东坪镇未公开文件。", "", ["东坪镇"], ["市司法局"]),
        ("县市场监管局对问题栏目逐一核对,补发信息67条;东坪镇未整改。", "", ["县市场监管局", "东坪镇"], []),
        ("市档案馆、市图书馆政府信息查阅点共接待查阅群众210人次,东坪镇未公开文件。", "", ["东坪镇"],
         ["市档案馆", "市图书馆"]),
        ("县纪委派员参加检查,东坪镇未公开文件。", "", ["东坪镇"], ["县纪委"]),
        ("依据《办法》和县民政局的要求,东坪镇未公开文件。", "", ["东坪镇"], ["和县民政局", "县民政局"]),
        # a body reports are sent back to is no unit, and the date before it is no part of its name
        ("请于次月5日前反馈县政府办公室,东坪镇未公开文件。", "", ["东坪镇"], ["前反馈县政府办公室", "县政府办公室"]),
        # a verb that picks bodies out (选取, 确定) is no part of the first name
        ("选取柳湾镇、县人社局开展试点,柳湾镇未公开文件。", "", ["柳湾镇"], ["选取柳湾镇"]),
        # names in the words a page got wrong are no bodies
        ("东坪镇网站将“县人力资源和社会保障局”误写为“县人力资源保障局”。", "", ["东坪镇"],
         ["县人力资源和社会保障局", "县人力资源保障局"]),
        # a post's mailbox is the body's own column: the body is faulted
        ("县公安局局长信箱回复不及时。", "", ["县公安局"], []),
        # a whole body's bare name (科协, 侨联) in a list of townships takes no place ending from them
        ("信息报送不足的单位:县审计局、科协、侨联、东坪乡、西林乡。", "", ["科协", "侨联", "东坪乡", "西林乡"],
         ["科协乡", "侨联乡"]),
        # the sentence that frames the notice names who inspected, not who was assessed; it lists those assessed
        ("东坪镇未公开财政预算。", "", ["东坪镇"], []),
        ("柳溪市数据局对全市政府网站开展了抽查,现将有关情况通报如下:东坪镇未公开财政预算。", "",
         ["东坪镇"], ["柳溪市数据局"]),
        # bodies that set the rules, however long the words before 要求
        ("根据国务院办公厅、南屏省政府办公厅有关政府网站与政务新媒体健康有序发展要求,东坪镇网站仍未整改。", "",
         ["东坪镇"], ["南屏省政府办公厅"]),
        # an inspector's own next steps (将于…开展复查, 将约谈, 将联合开展督查, 每季度开展一次监测)
        ("东坪镇网站未更新。镇党政办将于10月下旬开展复查。", "", ["东坪镇"], ["镇党政办"]),
        ("东坪镇网站未更新,县委网信办将约谈其主要负责同志。", "", ["东坪镇"], ["县委网信办"]),
        ("东坪镇网站未更新。县委网信办、县政府办公室将联合开展督查。", "", ["东坪镇"], ["县委网信办", "县政府办公室"]),
        ("东坪镇网站未更新。区网信办每季度开展一次监测。", "", ["东坪镇"], ["区网信办"]),
        ("县电子政务中心将坚持每季度开展网站普查,东坪镇网站未更新。", "", ["东坪镇"], ["县电子政务中心"]),
        # 将 before a quote is the object marker of a fault, no future action
        ("县民政局将“森林防火”误写为“森林防伙”。", "", ["县民政局"], []),
        # an inspector named before a long object of its inspection
        ("县政务公开办对2025年第一季度全县政府网站与政务新媒体建设管理情况进行了检查,东坪镇网站未更新。", "",
         ["东坪镇"], ["县政务公开办"]),
        # a district the gazetteer lacks, inside its city
        ("柳溪市临河区人民政府门户网站得分超过100分,东坪镇网站未更新。", "", ["柳溪市临河区人民政府"],
         ["临河区人民政府"]),
        # verbs before a name are no part of it
        ("现结合自治区数据局检查情况,东坪镇网站未更新。", "", ["东坪镇"], ["现结合自治区"]),
        ("各部门紧紧围绕党委和政府中心工作,东坪镇网站未更新。", "", ["东坪镇"], ["紧紧围绕党委"]),
        # bodies that help the inspectors (配合, 提供技术…) are not assessed, also when one holds another's name
        ("县委网信办、县数据局配合组成检查组,区大数据中心提供技术检测服务,东坪镇网站未更新。", "", ["东坪镇"],
         ["县委网信办", "网信办", "县数据局", "区大数据中心"]),
        # an account named first, its owner and account word in brackets after it
        ("“平安石城”(区公安局微信公众号)、“龙山微报”(龙山镇微信公众号)本季度原创信息较多。", "",
         ["平安石城", "龙山微报"], []),
        # two quoted characters before a bare 网站 qualify sites (“僵尸”“睡眠”网站), they name none
        ("各地“僵尸”“睡眠”网站明显减少,东坪镇网站未更新。", "", ["东坪镇"], ["僵尸", "睡眠"]),
        # sites held up as examples (以…为代表) are units; a list's count is no part of its last name
        ("有3个网站答复及时,以东山区政府网、市医保局网为代表。", "", ["东山区政府", "市医保局"], []),
        ("开展较好的有石桥镇、观音乡两个乡镇和县财政局、县卫生健康局两个部门。", "",
         ["石桥镇", "观音乡", "县财政局", "县卫生健康局"], ["观音乡两个乡镇和县财政局"]),
        # a level word cut by a bracket (市(地)级邮政管理局) opens no name
        ("共有省级邮政管理局网站31个、市(地)级邮政管理局网站335个,东坪镇网站未更新。", "", ["东坪镇"],
         ["级邮政管理局", "省级邮政管理局"]),
        # the body in whose name documents are issued is named, not assessed
        ("对以县政府、县政府办公室名义印发的文件进行清理,东坪镇仍有3件未清理。", "", ["东坪镇"], ["县政府办公室", "前以县政府"]),
        # a verb before a name ending is no part of a name
        ("为规范社区公开栏,东坪镇网站未更新。", "", ["东坪镇"], ["规范社区"]),
        # a body named only to be set apart (…以外的部门) is not the one assessed
        ("县应急管理局以外的部分部门网站仍存在问题,东坪镇网站未更新。", "", ["东坪镇"], ["县应急管理局"]),
        # a body written with its level but not its place is the one the notice names in full
        ("葭川县自然资源局网站未更新,县自然资源局仍未整改。", "", ["葭川县自然资源局"], ["县自然资源局"]),
        # quoted names ranked with their scores
        ("“棂州发布”(96.8分)、“平安棂州”(95分)位列前二位。", "", ["棂州发布", "平安棂州"], []),
        # a year after a name says when, not who wrote; a year and a report's title after a place is a document
        ("县民政局2022年全年仅公开信息5条。", "", ["县民政局"], []),
        ("县信息中心汇总公开了柳川县2020年度政府信息公开工作年度报告,东坪镇网站未更新。", "", ["东坪镇"], ["柳川县"]),
        # a pronoun before a name ending is no name (你镇, 贵局)
        ("你镇网站存在错别字,东坪镇网站未更新。", "", ["东坪镇"], ["你镇"]),
        # a county the gazetteer lacks, standing alone as the subject of a fault
        ("蔺河县未公开2020年财政预决算信息。", "", ["蔺河县"], []),
        ("对蔺河县开展检查,发现问题3个。", "", [], ["蔺河县"]),
        # a measure word after a count opens no name
        ("全市3家管委会网站、4家优秀区政府网站参评,东坪镇网站未达标。", "", ["东坪镇"],
         ["家管委会", "家优秀区政府"]),
        # words that end in a name ending but name nothing (大局, 催办)
        ("各部门要紧扣发展大局,东坪镇网民留言多次催办仍未回复。", "", ["东坪镇"], ["紧扣发展大局", "催办"]),
        ("检查发现,住房和城乡建设部门网站、双溪镇网站均存在错别字。", "", ["双溪镇"], ["住房和城乡", "建设部门"]),
        # provinces' short forms listed as a clause's subject; ministries, whose names end in no ending
        ("山西、内蒙古和青海抽查合格率低于90%。", "", ["山西", "内蒙古", "青海"], []),
        ("工业和信息化部、自然资源部政府网站存在错别字,交通运输部海事局网站未更新。", "",
         ["工业和信息化部", "自然资源部", "交通运输部海事局"], ["工业", "信息化部", "海事局"]),
        ("黑龙江、广西等地区和水利部网站未更新。", "", ["黑龙江", "广西", "水利部"], ["地区和水利部"]),
        # a short name the notice defines stands for the full one; bodies defined as a collective are a group
        ("区人力资源和社会保障局(以下简称区人社局)网站首页错链较多,区人社局微信公众号超过2周未更新。", "",
         ["区人力资源和社会保障局"], ["区人社局"]),
        ("双溪镇、石门乡、县科技局(以下统称有关单位)认真落实工作要求,县商务局网站未更新。", "",
         ["县商务局"], ["双溪镇", "石门乡", "县科技局"]),
        # quoted column names closed by 栏目 are parts of a site; a verb before a name is no part of it
        ("“政务公开”“通知公告”等3个栏目更新不及时,双溪镇网站未更新。", "", ["双溪镇"], ["政务公开", "通知公告"]),
        ("经评估,确定双溪镇、石门乡为政务公开示范点,县科技局网站未更新。", "", ["双溪镇", "县科技局"], ["确定双溪镇"]),
        # a last item carrying the count and the ending all items share; a score or count in brackets
        ("桃源、柳溪两镇专区未安排专人值守。", "", ["桃源镇", "柳溪镇"], ["柳溪两镇"]),
        ("得分较低的单位:市供销合作社(76.8分)、县第一中学(3处)。", "", ["市供销合作社", "县第一中学"],
         ["市供销合作社(76.8分)", "县第一中学(3处)"]),
        # an autonomous division by the short name notices use (甘孜州 for 甘孜藏族自治州)
        ("甘孜州、黔东南州网站存在错别字,长阳县网站未更新。", "", ["甘孜州", "黔东南州", "长阳县"], []),
        # bare field words before a department's name share its ending and the first one's admin word
        ("县民政、司法、审计局网站存在错别字。", "", ["县民政局", "县司法局", "县审计局"], ["县民政", "司法"]),
        # an institution after a place the gazetteer lacks is one name; 第一 in it is no rank
        ("青岚市第一人民医院、青岚市实验中学未公开收费标准。", "", ["青岚市第一人民医院", "青岚市实验中学"],
         ["人民医院", "一人民医院"]),
        # a township's government site is that government, as a county's is (X政府网站 → X政府)
        ("检查发现,双溪镇政府网站首页长期未更新。", "", ["双溪镇政府"], ["双溪镇"]),
        # bodies named in roles: a co-inspector after 会同 (a verb, though 会同县 is a county), a body a text is
        # copied from (转载), a body reported to, a body providing a service, a platform named after its region,
        # places to read documents, the bodies of a schedule table
        ("县政府办公室会同县委网信办,于12月对全县网站进行了检查,双溪镇网站未更新。", "", ["双溪镇"],
         ["网信办", "县委网信办", "会同县委"]),
        ("县科技局转载自治区水利厅、汉中市水利局的文件时未注明信息来源。", "", ["县科技局"],
         ["区水利厅", "自治区水利厅", "汉中市水利局"]),
        ("检查结果报市政府办公室。县融媒体中心为各单位提供了技术支持。双溪镇网站未更新。", "", ["双溪镇"],
         ["结果报市政府办公室", "市政府办公室", "县融媒体中心"]),
        ("吉林省政府网站监管平台监测发现,双溪镇网站未更新。", "", ["双溪镇"], ["吉林省", "吉林省政府"]),
        ("县档案馆、县图书馆作为政府信息查阅点,双溪镇网站未更新。", "", ["双溪镇"], ["县档案馆", "县图书馆"]),
        ("月份 | 承办单位 | 活动内容 |\n4月 | 县科技局 | 走进科技馆 |\n5月 | 县商务局 | 走进园区 |", "", [],
         ["县科技局", "县商务局"]),
        ("县政府办公室牵头,会同县民政局、县农业农村局对乡镇进行了检查,双溪镇未整改。", "", ["双溪镇"],
         ["会同县民政局", "县民政局"]),
        ("省委网信办、省通信管理局、省公安厅网安总队配合开展了安全检测,双溪镇网站未更新。", "", ["双溪镇"],
         ["省委网信办", "省通信管理局", "省公安厅"]),
        ("(一)“僵尸”“睡眠”账号问题仍然存在。双溪镇网站未更新。", "", ["双溪镇"], ["僵尸", "睡眠"]),
        # the author of a document faulted in its sentence is assessed; an evaluator and its centre are one body
        # in a role; 局部 does not swallow a bureau's ending (…局部分…)
        ("县科技局2022年政府信息公开工作年度报告于2023年2月发布,晚于规定时限。", "", ["县科技局"], []),
        ("县政务公开办委托青岚大学政务公开研究中心开展评估,双溪镇网站未更新。", "", ["双溪镇"],
         ["青岚大学", "政务公开研究中心", "青岚大学政务公开研究中心"]),
        ("县交通运输局部分答复照搬政策条文。", "", ["县交通运输局"], []),
        # a party committee's offices; a division as t2s writes it (乾安县 → 干安县)
        ("市委网信办、县委宣传部网站存在错别字,乾安县网站未更新。", "", ["市委网信办", "县委宣传部", "干安县"], ["网信办"]),
        ("市委目标绩效办网站未更新。", "", ["市委目标绩效办"], ["目标绩效办"]),
        # a field's departments (教育部门) are no ministry
        ("县教育部门、县财政部门网站未更新,双溪镇网站未更新。", "", ["双溪镇"], ["县教育部", "县财政部"]),
        # a rank before a name is no part of it
        ("得分排名:第一名双溪镇,第二名县科技局,排名第3的是石门乡。", "", ["双溪镇", "县科技局", "石门乡"],
         ["一名双溪镇", "二名县科技局"]),
        # a list of accounts whose last item goes on past a place's name shares no place ending; places that
        # own the accounts after them do
        ("更新不及时的微信公众号:双溪发布、双溪人社、河口镇发布。", "", ["双溪发布", "双溪人社"],
         ["双溪发布镇", "双溪人社镇"]),
        ("东湖、西山镇网站未更新,桃源、柳溪两镇微信公众号未更新。", "", ["东湖镇", "西山镇", "桃源镇", "柳溪镇"], []),
        # a verb's last character and 县 spell a county (更新县 → 新县, 完成县 → 成县): the verb keeps it; a verb
        # opens no unknown place either (年底前完成区政府…)
        ("双溪镇未及时更新县政府网站信息。", "", ["双溪镇"], ["新县政府", "时更新县政府"]),
        ("双溪镇未完成县政府网站迁移。", "", ["双溪镇"], ["成县政府", "双溪镇未完成县政府"]),
        ("双溪镇网站未更新。责成县民政局督促双溪镇限期整改。", "", ["双溪镇"], ["成县民政局", "责成县民政局"]),
        # right after 、 a place's first character is its own, also one that opens words of prose (将, 于, 向)
        ("吉强镇、将台堡镇、于家务乡网站未更新。", "", ["吉强镇", "将台堡镇", "于家务乡"], ["台堡镇", "家务乡"]),
        # 全 before a place's ending is the whole of the place (汇总全镇, 全乡), whatever the name it seems to end
        ("请汇总全镇信息后报送,东坪镇未更新。", "", ["东坪镇"], ["汇总全镇"]),
        # the last item of a list the page's end cuts, with no ending of a name, is the head of a name
        ("首页栏目超过2周未更新的单位有:县林业局、大桥镇、必背", "", ["县林业局", "大桥镇"], ["必背"]),
        ("首页栏目超过2周未更新的单位有:县林业局、人防办、档案馆", "", ["县林业局", "人防办", "档案馆"], []),
        # words before an account word that hold 各, 单位 or 公众号 are prose, no account's name
        ("为了解各单位政务微博运行情况,检查组主要查看各微博的认证情况,抽取微信公众号、抖音号等账号48个,东坪镇未更新。", "",
         ["东坪镇"], ["解各单位", "主要查看各", "抽取微信公众号"]),
        # a field of work before a count of bodies (对试点领域26个部门) is no body
        ("县政府办公室对试点领域26个部门开展了检查,东坪镇未公开财政预算。", "", ["东坪镇"], ["试点领域"]),
        # a part of a township's villages (部分村, 个别社区) is no body of its own: the township is the unit
        ("东坪镇部分村公开栏破损,西林乡个别社区未公开低保名单。", "", ["东坪镇", "西林乡"], ["东坪镇部分村", "西林乡个别社区"]),
        # a 村 right before a township's ending is part of its name (焦村乡), not a village the words before it name
        ("考评排名靠后的:乡镇组为焦村乡、大峪镇。", "", ["焦村乡", "大峪镇"], ["组为焦村乡", "乡镇组为焦村乡"]),
        # 自治区 after words of prose is no region: one is named by its province (广西自治区, 内蒙古自治区)
        ("但与自治区考核要求相比,双溪镇仍存在公开内容不全的问题。", "", ["双溪镇"], ["但与自治区"]),
        ("广西自治区网站和双溪镇网站未更新。", "", ["广西自治区", "双溪镇"], []),
        ("今年年底前完成区政府门户网站适老化改造,双溪镇未整改。", "", ["双溪镇"], ["底前完成区政府"]),
        ("新县、成县网站未更新。", "", ["新县", "成县"], []),
        # an ordinal opens an institution's name (第一人民医院), as a rank (第二批, 第3名) does not
        ("双溪县第一人民医院、双溪县中心血站、石门市第二中学未公开收费标准。", "",
         ["双溪县第一人民医院", "双溪县中心血站", "石门市第二中学"], ["一人民医院", "双溪县中心"]),
        ("第二批抽查中,双溪镇网站未更新。", "", ["双溪镇"], ["第二批双溪镇", "二批双溪镇"]),
        # after 在, the site or account of the bodies named, where a fault is found, is their own: they are
        # assessed; the place where work is done is not
        ("在县教育局网站中发现错别字3处。", "", ["县教育局"], []),
        ("同类错误在县教育局、双溪县人民政府网站中多次出现。", "", ["县教育局", "双溪县人民政府"], []),
        ("在县政务服务中心开展检查时,发现双溪镇网站未更新。", "", ["双溪镇"], ["县政务服务中心"]),
        # the offices and stations of a township are units by their endings; 红旗 is no banner (旗)
        ("红旗镇财政所、红旗镇司法所公开栏未更新,县水库移民工作站网站未更新,玉泉社区便民服务站未公开监督电话。", "",
         ["红旗镇财政所", "红旗镇司法所", "县水库移民工作站", "玉泉社区便民服务站"], ["镇财政所", "红旗"]),
        # a party committee is a body of its own after a named place, and none after a bare admin word
        ("镇党委高度重视,社区党委组织学习,西山镇党委未公开党务。", "", ["西山镇党委"], ["镇党委", "社区党委"]),
        # grades of a kind of body, lists named by colour, a body kind after a place word, an exception, and a
        # ranking verb after a name are no names
        ("除东关街道外,五星级社区、社区党委均未更新,红榜单位未更新。", "", ["东关街道"],
         ["除东关街道", "五星级社区", "社区党委", "红榜"]),
        ("双溪县位列前三,新安县建立县乡两级公开目录,高新区管委会网站未更新。", "", ["高新区管委会"],
         ["双溪县位列前三", "新安县建立县"]),
        # bodies drawn on for the inspection (抽调) and the notice's distribution (报:, 送:) are not assessed
        ("抽调县纪委人员参加检查,双溪镇网站未更新。", "", ["双溪镇"], ["抽调县纪委", "县纪委"]),
        ("双溪镇网站未更新。", "报:县人大办,县政协办\n送:县纪委监委", ["双溪镇"], ["县人大办", "县纪委监委"]),
        # public utilities inspected by name; a college of a university and an association of hospitals are
        # one body each
        ("双溪县自来水公司、双溪县燃气有限公司、双溪县公共交通有限责任公司未公开收费标准。", "",
         ["双溪县自来水公司", "双溪县燃气有限公司", "双溪县公共交通有限责任公司"], []),
        ("石门大学法学院网站未更新,双溪县医院管理协会网站未更新。", "",
         ["石门大学法学院", "双溪县医院管理协会"], ["法学院", "管理协会", "石门大学"]),
        ("县政务公开办委托双溪县网络科技有限公司开展监测,东湖镇网站未更新。", "", ["东湖镇"],
         ["双溪县网络科技有限公司"]),
        # bodies whose rules or documents frame the inspection (根据/按照/为落实 … 要求, 办法, 部署) set them;
        # one that 考评 or 评查 others inspects
        ("根据《村务公开办法》和县民政局、县农业农村局关于三务公开的工作要求,镇党政办对各村进行了检查,双溪镇网站未更新。",
         "", ["双溪镇"], ["县民政局", "县农业农村局"]),
        ("根据国务院办公厅《检查指标》和省委网信办、省政府办公厅联合印发的评估办法,市政府办公室对全市网站进行了检查,"
         "双溪镇网站未更新。", "", ["双溪镇"], ["省委网信办", "省政府办公厅"]),
        ("为落实国家卫生健康委《信息公开管理办法》和市卫生健康委的工作要求,我局于8月组织开展了检查,双溪镇卫生院公开栏未更新。",
         "", ["双溪镇卫生院"], ["市卫生健康委"]),
        ("按照《双溪县政府网站考评办法》,县数据管理局于12月对全县政府网站进行了考评,双溪镇网站未更新。", "",
         ["双溪镇"], ["县数据管理局"]),
        # …and those whose comments or plans it follows (对照…反馈的抽查意见, 根据…年度考评方案)
        ("对照省数据局的监测指数和石门市人民政府办公室反馈的季度抽查意见,县政务服务中心开展了抽查,双溪镇网站未更新。", "",
         ["双溪镇"], ["石门市人民政府办公室"]),
        ("根据《考核评估办法》和石门市政务公开办年度考评方案,县政务公开办委托第三方开展评估,双溪镇网站未更新。", "",
         ["双溪镇"], ["石门市政务公开办"]),
        # a platform named for office work (协同办公平台) ends in no office's 办
        ("县政府办公室依托协同办公平台调取台账,双溪镇网站未更新。", "", ["双溪镇"], ["协同办"]),
        # a role word opening a 、-list covers its later items, known names or not; single characters that open
        # place names (于都, 向阳) open no list
        ("评估结果由市委督查局、市目标办统一运用,双溪镇网站未更新。", "", ["双溪镇"], ["市目标办"]),
        ("于都县、瑞金市网站未更新。", "", ["于都县", "瑞金市"], []),
        # an inspector named with its means (依托…平台, 采取…方式) before 对…检查; a count makes a class of the
        # words after it
        ("县委网信办依托政务新媒体监管平台,对全县抖音账号进行了监测,双溪镇抖音号未更新。", "", ["双溪镇"], ["县委网信办"]),
        ("区政务服务局采取明察暗访方式,对全区6个街道便民服务中心进行了检查,双溪街道便民服务中心未设专区。", "",
         ["双溪街道便民服务中心"], ["区政务服务局", "街道便民服务中心"]),
        # a company's name opens with the place it is registered in, known or not; commissioned, it inspects
        ("县政务公开办委托北京云衡数据科技有限公司对各单位进行了测评,双溪镇网站未更新。", "", ["双溪镇"],
         ["北京云衡数据科技有限公司", "云衡数据科技有限公司"]),
        ("市政府办公室委托溪州智网信息科技有限公司,于9月对全市网站进行了监测,双溪镇网站未更新。", "", ["双溪镇"],
         ["溪州智网信息科技有限公司", "智网信息科技有限公司"]),
        ("北京云衡数据科技有限公司、澄州华燃燃气有限公司未公开收费标准。", "",
         ["北京云衡数据科技有限公司", "澄州华燃燃气有限公司"], ["华燃燃气有限公司"]),
        # a verb with its platform (累计发布微博) is no account named bare
        ("今年以来累计发布微博4.6万余条,双溪镇网站未更新。", "", ["双溪镇"], ["来累计发布", "累计发布"]),
        # a 督查室 is a body; with the bodies it joins (会同…) or forms a team with (组成检查组), it inspects
        ("县政务公开办会同县委督查室、县绩效办,对全县16个乡镇进行了考核,双溪镇网站未更新。", "", ["双溪镇"],
         ["县委督查室", "县绩效办"]),
        ("7月,镇纪委、镇党政办组成联合检查组,对全镇各村进行了检查,双溪镇网站未更新。", "", ["双溪镇"],
         ["镇纪委", "镇党政办"]),
        ("县政府督查室网站未更新。", "", ["县政府督查室"], []),
        # 和 after a level in brackets joins a second list: no county 和县
        ("双溪镇、石门乡2个乡镇(街道)和县科技局、县商务局2个部门未整改。", "",
         ["双溪镇", "石门乡", "县科技局", "县商务局"], ["和县科技局"]),
    ],
)
def test_what_is_a_unit(body, signature, present, absent):
    units = _units(body, signature)
    assert all(name in units for name in present), units
    assert not any(name in units for name in absent), units


def _accounts(body: str) -> list[tuple]:
    doc = extract_text(REPORT.format(body))
    return [(u["name"], u["type"], u["platform"], u["owner"]) for u in doc["units"]]


def _problems(body: str) -> list[tuple]:
    return [(p["units"][0], p["description"]) for p in extract_text(REPORT.format(body))["problems"]]


@pytest.mark.parametrize(
    "body, expected",
    [
        # an account word before the quotes: the quoted names are accounts, the body before it their owner
        # (named only as their owner, not a unit)
        ("县公安局微信公众号“平安桐林”、双溪镇抖音号“双溪之声”更新不及时。",
         [("平安桐林", "new_media", "微信", "县公安局"), ("双溪之声", "new_media", "抖音", "双溪镇")]),
        # quoted names counted as accounts after them
        # (the body right before quoted names that an account word follows runs them too)
        ("县林业局“绿美桐林”“桐林林长”2个账号未设置隐私政策。",
         [("绿美桐林", "new_media", None, "县林业局"), ("桐林林长", "new_media", None, "县林业局")]),
        # with 管理的/开设的/所属的 between the owner and its account word or its account
        ("县文广局管理的微信公众号“桐林文旅”仅更新2次。", [("桐林文旅", "new_media", "微信", "县文广局")]),
        ("县实验小学所属的微信公众号“实小成长”第一季度仅更新2次。", [("实小成长", "new_media", "微信", "县实验小学")]),
        ("县教育局主办的“桐林教育”在政策宣传方面表现突出。", [("桐林教育", "new_media", None, "县教育局")]),
        # a numeral that is part of a place's short name (两当, 三台) opening or closing the quoted words makes no slogan
        ("“两当发布”“红色两当”更新及时,原创内容较多。", [("两当发布", "new_media", None, None),
                                                         ("红色两当", "new_media", None, None)]),
        # a quoted name whose clause tells what it did, judged in the next clause; one after 、 and an account whose
        # clause goes on with a fault (连续…, 仅…)
        ("“桐林发布”微信公众号更新及时;“桐林在线”开设“政策问答”专栏,群众评价较好。",
         [("桐林发布", "new_media", "微信", None), ("桐林在线", "new_media", None, None)]),
        ("“桐林发布”微信公众号、“熊岭微讯”连续4周未更新。", [("桐林发布", "new_media", "微信", None),
                                                           ("熊岭微讯", "new_media", None, None)]),
        # …and beside an account-shaped name in a run of quotes, any name of three characters or more is one too
        ("“隆德发布”“六盘山下”发布频率较高,互动回应及时。", [("隆德发布", "new_media", None, None),
                                                          ("六盘山下", "new_media", None, None)]),
        # one owner for each quoted name, in order
        ("县交通运输局、县水利局开设的抖音号“桐林交通”“桐林水利”未开通留言功能。",
         [("桐林交通", "new_media", "抖音", "县交通运输局"), ("桐林水利", "new_media", "抖音", "县水利局")]),
        # a body alone in brackets after a quoted account and its account word runs it
        ("“桐林教育”微信公众号(县教育局),留言区长期无人回复。", [("桐林教育", "new_media", "微信", "县教育局")]),
        # the owner in brackets after the quoted name, with the platform after a comma or not
        ("“桐林粮食”(县粮食局)、“桐林供销”(县供销社)自今年年初以来未发布信息。",
         [("桐林粮食", "new_media", None, "县粮食局"), ("桐林供销", "new_media", None, "县供销社")]),
        ("“桐林旅游”(县旅游局,新浪微博)多次发布与本地无关的信息;“桐林人社”(县人社局,腾讯微博)未设置留言功能。",
         [("桐林旅游", "new_media", "微博", "县旅游局"), ("桐林人社", "new_media", "微博", "县人社局")]),
        # bodies whose names end in a whole body's name, after an admin word alone
        ("县文联、县侨联、双溪乡未更新,区档案馆网站无法访问。",
         [("县文联", "department", None, None), ("县侨联", "department", None, None),
          ("双溪乡", "township", None, None), ("区档案馆", "department", None, None)]),
        # a prefecture's short form before 政府
        ("柳川州政府网站未更新。", [("柳川州政府", "website", None, None)]),
        # an item a scraper damaged is left out; the list goes on
        ("微信订阅号中,桐林公安、桐林发改、桐??萍?、桐林政务未更新。",
         [("桐林公安", "new_media", None, None), ("桐林发改", "new_media", None, None),
          ("桐林政务", "new_media", None, None)]),
        # sites named by their own name keep their 网; a place's or a body's own site is the place or body
        ("市粮食信息网、溆川人才网、柳川市统计信息网栏目长期未更新。",
         [("市粮食信息网", "website", None, None), ("溆川人才网", "website", None, None),
          ("柳川市统计信息网", "website", None, None)]),
        ("双溪镇政务网、县教育局网栏目长期未更新。",
         [("双溪镇", "township", None, None), ("县教育局", "department", None, None)]),
        # kinds of sites, platforms and words ending in 网 are no sites
        ("通过政务网、甘肃政务服务网和中国政府网发布信息,集中供热管网运行正常。", []),
        # Weibo handles, with their site in brackets or ending at a list's mark; the handle of an account named
        # before it is that account's ID; prose running on after a handle gives it no end
        ("如@岚山水利(新浪)、@东屿镇政府(腾讯)、@岚山档案等开通后发博不足10条。",
         [("岚山水利", "new_media", "微博", None), ("东屿镇政府", "new_media", "微博", None),
          ("岚山档案", "new_media", "微博", None)]),
        ("@岚山城管(新浪)最近一条微博停留在2013年11月。", [("岚山城管", "new_media", "微博", None)]),
        # a quoted account whose bracket holds its platform and then its score or ID
        ("“苇原农机”(微博,38.5分)、“苇原医保”(微信公众号,41.0分)等账号考核不合格。",
         [("苇原农机", "new_media", "微博", None), ("苇原医保", "new_media", "微信", None)]),
        ("“榴溪农机”微博(@榴溪农机ID)开通后仅发布2条微博。", [("榴溪农机", "new_media", "微博", None)]),
        # a handle whose prose runs on after it ends where the prose opens (自3月…, 对网友…, 上半年…), its owner
        # before the account word named only as such
        ("县粮食局官方微博@岚山粮食自3月以来未更新。", [("岚山粮食", "new_media", "微博", "县粮食局")]),
        ("@岚山交通、@岚山住建对网友提问从不回复。",
         [("岚山交通", "new_media", "微博", None), ("岚山住建", "new_media", "微博", None)]),
        ("@岚山侨联转发大量与工作无关的信息,@平安在线长期未更新。",
         [("岚山侨联", "new_media", "微博", None), ("平安在线", "new_media", "微博", None)]),
        # a handle quoted whole, with its platform's bracket after the quote
        ("“@岚山民政”(新浪微博)、“@岚山林业”(腾讯微博)9月以来未发布信息。",
         [("岚山民政", "new_media", "微博", None), ("岚山林业", "new_media", "微博", None)]),
        # a handle running into prose with no such word is left alone
        ("@岚山公安单条微博最高阅读量超过10万。", []),
        # a quoted account with its platform in brackets; a date after it says when, not who wrote
        ("“桐林农技”(微信公众号)5月仅更新1次。", [("桐林农技", "new_media", "微信", None)]),
        # a quoted site or account with the body that runs it in brackets, also a county the gazetteer lacks
        ("“桐溪之窗”(桐溪县)首页超过2个月未更新;“梅垣在线”(梅垣区)搜索功能无法使用。",
         [("桐溪之窗", "website", None, "桐溪县"), ("桐溪县", "government", None, None),
          ("梅垣在线", "website", None, "梅垣区"), ("梅垣区", "government", None, None)]),
        # a quoted list counted by an account word after it: each item is an account
        ("双溪县微信公众号“双溪大湾、双溪石塘、双溪紫溪”三个账号本季度均未更新。",
         [("双溪大湾", "new_media", "微信", "双溪县"),
          ("双溪石塘", "new_media", "微信", "双溪县"), ("双溪紫溪", "new_media", "微信", "双溪县")]),
        # the bracket after an account may also name who runs it, or give its ID: its owner is no unit here
        ("评为“差”的公众号分别为:桐溪粮食(微信公众号,县粮食局)、桐溪供销(微信公众号,县供销社)。",
         [("桐溪粮食", "new_media", "微信", "县粮食局"), ("桐溪供销", "new_media", "微信", "县供销社")]),
        ("“桐溪人社”微信公众号(开办主体:桐溪县人社局)推送的指南与原文件不一致。",
         [("桐溪人社", "new_media", "微信", "桐溪县人社局")]),
        ("1.桐溪文旅(抖音号:txwl2020)超过2个月未更新。", [("桐溪文旅", "new_media", "抖音", None)]),
        ("“桐溪教育”微信公众号(主办单位:桐溪县教育局)超过2周未更新。",
         [("桐溪教育", "new_media", "微信", "桐溪县教育局")]),
        # where accounts are spoken of, a name of no known ending before a body in brackets is that body's
        # account; elsewhere a bracket after a body holds another body
        ("双溪税务(县税务局)等账号超过2周未更新。", [("双溪税务", "new_media", None, "县税务局")]),
        ("县财政局(县国资办)网站未更新。", [("县财政局", "department", None, None), ("县国资办", "department", None, None)]),
        # a quoted column of a site is no account
        ("县政府网站“工作动态”栏目超过3个月未更新。", []),
        # a scare-quoted phrase after 账号 is no account
        ("部分账号“不发声”,长期未更新。", []),
        # a quoted part of an account, named after its kind (菜单“…”), is no account; nor a list of platforms
        ("“桐林旅游”(微信公众号)首页菜单“景区导览”无法打开;“桐林消防”(新浪微博)超过2周未更新。",
         [("桐林旅游", "new_media", "微信", None), ("桐林消防", "new_media", "微博", None)]),
        ("政务微博、微信公众号、移动客户端及抖音、快手等平台账号共计56个。", []),
        # a quoted practice after an account word (新媒体“一号多发”问题) is no account; a quoted account's is
        ("政务新媒体“一号多发”问题仍存在。", []),
        ("县民政局微信公众号“桐林民政”问题整改不到位。", [("桐林民政", "new_media", "微信", "县民政局")]),
        # names with their platform in brackets, numbered, one per line or in prose
        ("(一)更新不及时\n1.桐林教育(微信公众号)\n2.桐林住建(抖音)",
         [("桐林教育", "new_media", "微信", None), ("桐林住建", "new_media", "抖音", None)]),
        ("桐林发布(微信视频号)超过2个月未更新;桐林文旅(今日头条)未开通留言。",
         [("桐林发布", "new_media", "微信", None), ("桐林文旅", "new_media", "今日头条", None)]),
        # in a notice about accounts, a quoted name right after a body that the clause faults is the body's
        # account; the body is named only as its owner. A quoted term before the thing it names is none.
        ("县农业局“丰收农业”季度内仅更新2次,公众号管理待加强。", [("丰收农业", "new_media", None, "县农业局")]),
        ("县农业局“丰收农业”、县林业局“绿色林业”的办事菜单链接失效;公众号管理待加强。",
         [("丰收农业", "new_media", None, "县农业局"), ("绿色林业", "new_media", None, "县林业局")]),
        ("县农业局“丰收农业”和县林业局“绿色林业”均未更新,公众号管理待加强。",
         [("丰收农业", "new_media", None, "县农业局"), ("绿色林业", "new_media", None, "县林业局")]),
        ("国家海洋局下属“蓝海监测网”在线访谈栏目无法使用,公众号管理待加强。", [("蓝海监测网", "website", None, "国家海洋局")]),
        ("县融媒体中心的“磬山发布”、县税务局的“磬山税务”日均更新2条以上,公众号管理较好。",
         [("磬山发布", "new_media", None, "县融媒体中心"), ("磬山税务", "new_media", None, "县税务局")]),
        ("县民政局“十四五”规划未公开,公众号管理待加强。", [("县民政局", "department", None, None)]),
        # a slogan or reform quoted after a body is no account of it
        ("县人社局“最多跑一次”落实不到位,公众号管理待加强。", [("县人社局", "department", None, None)]),
        ("县交通局“线路调整”信息平均滞后3天发布,公众号管理待加强。", [("县交通局", "department", None, None)]),
        # in a notice about accounts, a quoted name opening its clause, which faults or praises it, is an
        # account; a quoted term, column, service or misspelt word is not
        ("“平安柳汀”9月6日发布的信息中将职务写错;“泠川教体”转载文章未标注作者,公众号管理待加强。",
         [("平安柳汀", "new_media", None, None), ("泠川教体", "new_media", None, None)]),
        ("“云汀发布”“平安云汀”均出现了转载商业广告的情况,公众号管理待加强。",
         [("云汀发布", "new_media", None, None), ("平安云汀", "new_media", None, None)]),
        ("“开而不用”现象仍然存在;“工作动态”栏目未更新;“两微一端”建设滞后;“按部就班”误写为“按步就班”;"
         "“政策查询库”无法访问,公众号管理待加强。", []),
        # an account's own name may hold a number or Latin letters after its first characters
        ("“柳营12345”(县政务服务中心)、“柳营e家”(县民政局)对群众留言采用模板化回复。",
         [("柳营12345", "new_media", None, "县政务服务中心"), ("柳营e家", "new_media", None, "县民政局")]),
        # the bodies listed and counted before the account word of a quoted list own its accounts, in order
        ("县林业局、县水利局2个部门的微信公众号“柳营林业、柳营水利”留言无人处理。",
         [("柳营林业", "new_media", "微信", "县林业局"), ("柳营水利", "new_media", "微信", "县水利局")]),
        # a quoted list after an account word: each item an account's own name, whole, though a place opens it;
        # a slogan quoted after 账号 names none
        ("微信公众号“柳营乡村行、双溪乡情、石门之窗”关闭了留言功能。",
         [("柳营乡村行", "new_media", "微信", None), ("双溪乡情", "new_media", "微信", None),
          ("石门之窗", "new_media", "微信", None)]),
        ("落实账号“谁开设、谁主管”责任,对长期不更新的账号予以关停。", []),
        # a run of quoted account names opening a clause is its subject, whatever the clause says of them
        ("“柳营发布”“平安柳营”坚持每日推送,原创率超过七成;公众号管理待加强。",
         [("柳营发布", "new_media", None, None), ("平安柳营", "new_media", None, None)]),
        ("“柳营发布”“平安柳营”信息发布及时,互动回应规范;公众号管理待加强。",
         [("柳营发布", "new_media", None, None), ("平安柳营", "new_media", None, None)]),
        # …but one quoted name alone needs a clause that judges it or gives its figures, and a quoted column none
        ("“柳营发布”坚持每日推送;公众号管理待加强。", []),
        ("“工作动态”“通知公告”栏目内容丰富;公众号管理待加强。", []),
        # a monitoring report's figures for a quoted account, and a ranking of quoted accounts with their figures
        ("“澄溪发布”本月发布信息214条,原创88条,公众号管理待加强。", [("澄溪发布", "new_media", None, None)]),
        ("发布量排名前三的账号为“泮溪发布”(328条)、“泮溪检察”(141条)。",
         [("泮溪发布", "new_media", None, None), ("泮溪检察", "new_media", None, None)]),
        # an account named after its place, written bare: the place and the account's tail, when a time, a
        # fault, a separator or a platform follows rather than the object of a verb
        ("双桥镇发布一季度发布信息不足5条,公众号管理待加强。", [("双桥镇发布", "new_media", None, None)]),
        ("柳塘镇发布微博长期未更新,公众号管理待加强。", [("柳塘镇发布", "new_media", "微博", None)]),
        ("双桥镇发布信息不及时,公众号管理待加强。", [("双桥镇", "township", None, None)]),
        # a quoted part of a site or account (a menu, link or column, before or after its word), a quoted
        # value (what a profile or reply says, a title awarded, the account merged into) and a trait of some
        # accounts are no accounts
        ("“桐林人社”微信公众号“办事大厅”菜单无法打开,公众号管理待加强。", [("桐林人社", "new_media", "微信", None)]),
        ("“桐林教育”抖音号“在线留言”长期无人回复,公众号管理待加强。", [("桐林教育", "new_media", "抖音", None)]),
        ("县气象局微信公众号菜单栏设置有“微商城”链接,公众号管理待加强。", [("县气象局", "department", None, None)]),
        ("县政府门户网站“县长信箱”超过10个工作日未回复,公众号管理待加强。", []),
        ("“双溪医保”今日头条号简介仍为“测试账号”,自动回复内容为“功能建设中”,公众号管理待加强。",
         [("双溪医保", "new_media", "今日头条", None)]),
        ("“双溪卫生”“双溪计生”两个微信公众号已整合为“健康双溪”,公众号管理待加强。",
         [("双溪卫生", "new_media", "微信", None), ("双溪计生", "new_media", "微信", None)]),
        ("部分微博“开而不用”,公众号管理待加强。", []),
        ("“桐林气象”微博被评为“优秀账号”,公众号管理待加强。", [("桐林气象", "new_media", "微博", None)]),
        # but the account's own menu bar is part of the account named before it
        ("县民政局微信公众号“桐林民政”菜单栏多个链接无法打开,公众号管理待加强。",
         [("桐林民政", "new_media", "微信", "县民政局")]),
        # …and a quoted name after the menu bar is one of its items, no account
        ("“桐林文旅”微信公众号菜单栏“景区预约”仍指向失效页面,公众号管理待加强。", [("桐林文旅", "new_media", "微信", None)]),
        # the next quoted account of a list whose clause says it is still at fault (仍…)
        ("微信公众号“桐林便民”“双溪发布”未注明主办单位,“石门发布”仍使用旧头像。",
         [("桐林便民", "new_media", "微信", None), ("双溪发布", "new_media", "微信", None), ("石门发布", "new_media", None, None)]),
        # an account whose name opens with a place's: the whole item before its bracket is the name
        ("本月原创信息为零的账号:桐林农技(微信公众号)、双溪镇融媒(抖音)、桐林工会(微信公众号)。",
         [("桐林农技", "new_media", "微信", None), ("双溪镇融媒", "new_media", "抖音", None),
          ("桐林工会", "new_media", "微信", None)]),
        ("双溪镇融媒(抖音)、桐林工会(微信公众号)本月未更新。",
         [("双溪镇融媒", "new_media", "抖音", None), ("桐林工会", "new_media", "微信", None)]),
    ],
)
def test_accounts(body, expected):
    assert _accounts(body) == expected


@pytest.mark.parametrize(
    "body, expected_units, expected_problems",
    [
        # a body, then its account by its own name: the account is the unit whatever its clause says (figures
        # without a fault word, praise in any words), its owner only owns it
        ("县住建局的“榆川住建”5月收到留言12条,其中3条至今未回复。", [("榆川住建", "县住建局")],
         [("榆川住建", "其中3条至今未回复")]),
        ("县卫健局“健康榆川”、县气象局“榆川气象”坚持每日发布,公众号运维较好。",
         [("健康榆川", "县卫健局"), ("榆川气象", "县气象局")], []),
        # owned accounts listed after a label: the label's fault, not the first owner, is each account's
        ("本月发布信息少于4条的账号有:县商务局“榆川商务”、桐林乡“桐林之声”。",
         [("榆川商务", "县商务局"), ("桐林之声", "桐林乡")],
         [("榆川商务", "本月发布信息少于4条"), ("桐林之声", "本月发布信息少于4条")]),
        # the account's 内容 after it is what it publishes: still an account of the body that opens it
        ("县妇联开设的“榆川女性”、桐林镇开设的“桐林微讯”内容贴近群众。",
         [("榆川女性", "县妇联"), ("桐林微讯", "桐林镇")], []),
        # a site's own name after its owner and a word that ties them, then the site's home page and columns
        ("县旅游局主管的“榆川旅游网”首页栏目长期未更新。", [("榆川旅游网", "县旅游局")], [("榆川旅游网", "首页栏目长期未更新")]),
        # the owner in brackets after the account word, named with the word that ties them ((甲局主办))
        ("“榆川文旅”微信公众号(县文化和旅游局主办)6月以来仅更新1次。", [("榆川文旅", "县文化和旅游局")],
         [("榆川文旅", "6月以来仅更新1次")]),
        # an account the body has stopped using, after the word that says so, is still its account
        ("县水务局已停用的“榆川河长”微博账号未按程序注销。", [("榆川河长", "县水务局")], [("榆川河长", "未按程序注销")]),
        # a handle with its owner in brackets
        ("@榆川城管(县城管局)对网民留言很少回复;@桐林之窗(榆川县桐林镇)自7月以来未发布信息。",
         [("榆川城管", "县城管局"), ("桐林之窗", "桐林镇")],
         [("榆川城管", "对网民留言很少回复"), ("桐林之窗", "自7月以来未发布信息")]),
        # an unquoted name between the body, the word tying it to what it runs, and an account word
        ("县农业局的榆川农技微博、县林业局名下的榆川林草微信公众号长期未更新。",
         [("榆川农技", "县农业局"), ("榆川林草", "县林业局")],
         [("榆川农技", "长期未更新"), ("榆川林草", "长期未更新")]),
        # but a word no account's name is (政务, 官方) leaves the body the unit
        ("县民政局的官方微博长期未更新。", [("县民政局", None)], [("县民政局", "长期未更新")]),
        # and a quoted term a body uses is no account of it
        ("县民政局“十四五”规划未在网站公开。", [("县民政局", None)], [("县民政局", "“十四五”规划未在网站公开")]),
        # a quoted list of accounts after the word tying them to their owner, with or without an account word
        ("县文旅局开设的微信公众号“榆川文旅、桐林古镇”自1月以来均未更新。",
         [("榆川文旅", "县文旅局"), ("桐林古镇", "县文旅局")],
         [("榆川文旅", "自1月以来均未更新"), ("桐林古镇", "自1月以来均未更新")]),
        ("县农业局所属的“榆川农技、榆川果蔬”均超过3个月未更新。",
         [("榆川农技", "县农业局"), ("榆川果蔬", "县农业局")],
         [("榆川农技", "超过3个月未更新"), ("榆川果蔬", "超过3个月未更新")]),
    ],
)
def test_an_account_after_its_owner_is_the_unit(body, expected_units, expected_problems):
    doc = extract_text(REPORT.replace("政务公开", "政务新媒体").replace("现将", "现将政务新媒体").format(body))
    assert [(u["name"], u["owner"]) for u in doc["units"]] == expected_units
    assert [(p["units"][0], p["description"]) for p in doc["problems"]] == expected_problems

@pytest.mark.parametrize("body, expected", [
    # a quoted account opening an example (如“甲”…) is judged by its clause
    ("部分账号互动回应不及时。如“榆川住建”私信留言超过7天未回复。", ["榆川住建"]),
    # quoted accounts given a score are ranked (units), praised or not
    ("县级账号中,“平陶发布”得分98分,“沁河发布”得分95分,位列前两名;“古岩发布”综合得分58分。",
     ["平陶发布", "沁河发布", "古岩发布"]),
    # a quoted practice or column with figures is no account
    ("“政策解读”栏目得分12分,“互动交流”栏目得分8分。", []),
])
def test_quoted_accounts_with_scores(body, expected):
    doc = extract_text(REPORT.replace("政务公开", "政务新媒体").replace("现将", "现将政务新媒体").format(body))
    assert [u["name"] for u in doc["units"]] == expected



@pytest.mark.parametrize(
    "body, expected",
    [
        # each account under a problem heading has the heading's fault, numbered or not
        ("(一)更新不及时\n1.桐林教育(微信公众号)\n2.桐林住建(抖音)",
         [("桐林教育", "更新不及时"), ("桐林住建", "更新不及时")]),
        ("(一)互动回应不及时(2个)\n桐林教育(微信公众号)\n桐林住建(抖音)",
         [("桐林教育", "互动回应不及时"), ("桐林住建", "互动回应不及时")]),
        # an owner's accounts, not the owner, are the subject of the clause
        ("县文广局管理的微信公众号“桐林文旅”“桐林非遗”仅更新2次。",
         [("桐林文旅", "仅更新2次"), ("桐林非遗", "仅更新2次")]),
        ("县公安局微信公众号“平安桐林”、双溪镇抖音号“双溪之声”更新不及时。",
         [("平安桐林", "更新不及时"), ("双溪之声", "更新不及时")]),
        # a list praised after it gives no problem, whatever stands before it
        ("微信订阅号中,桐林公安、桐林发改、桐??萍?、桐林政务表现较好。", []),
        # a sub-heading's label before a colon is its title; the clause after it is the unit's
        ("(一)政府网站:双溪县政府网站首页存在外链广告,县统计局网站栏目长期未更新。",
         [("双溪县政府", "首页存在外链广告"), ("县统计局", "栏目长期未更新")]),
        # a label that only scopes the list (…中) yields to the fault stated after it
        ("微信订阅号中,桐林公安、桐林发改、桐林政务未更新。",
         [("桐林公安", "未更新"), ("桐林发改", "未更新"), ("桐林政务", "未更新")]),
        # a note after each item (its score) does not end the list: the predicate is every item's
        ("甲镇(62分)、乙镇(64分)均存在栏目更新不及时问题。", [("甲镇", "栏目更新不及时"), ("乙镇", "栏目更新不及时")]),
        # a list after a label whose fault a back-reference states (以上三个单位…); a county keeps its name
        ("排名后三位的单位是:汀兰县、东坪镇、县林业局,以上三个单位均存在信息更新不及时问题。",
         [("汀兰县", "信息更新不及时"), ("东坪镇", "信息更新不及时"), ("县林业局", "信息更新不及时")]),
        # lost characters where a full stop stood: the list after them is still the subject
        ("部分栏目更新不及时\ufffd\ufffdh发改委、县教体局、东坪镇等3家单位信息公开内容存在错敏词。",
         [("发改委", "信息公开内容存在错敏词"), ("县教体局", "信息公开内容存在错敏词"), ("东坪镇", "信息公开内容存在错敏词")]),
        # units in brackets after their fault
        ("政策解读形式单一(县财政局、县税务局)。", [("县财政局", "政策解读形式单一"), ("县税务局", "政策解读形式单一")]),
        # its own clause wins over the heading
        ("(一)更新不及时\n桐林发布(微信视频号)超过2个月未更新。", [("桐林发布", "超过2个月未更新")]),
        # a praise heading gives no fault
        ("(一)表现较好的账号\n1.桐林教育(微信公众号)\n2.桐林住建(抖音)", []),
        # a 名单 heading names its items' fault without its list noun
        ("(一)检查不合格的政务新媒体名单\n1.桐林教育(微信公众号)\n2.桐林住建(抖音)",
         [("桐林教育", "检查不合格"), ("桐林住建", "检查不合格")]),
        # under a fault heading a unit's own clause is its fault, in whatever words
        ("(一)政府信息公开指南更新不及时\n双溪镇信息公开指南内容仍为2019年版本。", [("双溪镇", "信息公开指南内容仍为2019年版本")]),
        # a list that lost its 、: names set apart by spaces, or run together after their platforms
        ("(一)更新不及时。\n县水利局  县农业农村局　双溪镇", [("县水利局", "更新不及时"), ("县农业农村局", "更新不及时"),
                                                    ("双溪镇", "更新不及时")]),
        ("(一)互动回应不及时(2个)\n桐林教育(微信公众号) 桐林住建(抖音)",
         [("桐林教育", "互动回应不及时"), ("桐林住建", "互动回应不及时")]),
        ("桐林教育(微信公众号)桐林住建(抖音号)更新不及时。", [("桐林教育", "更新不及时"), ("桐林住建", "更新不及时")]),
        ("桐林教育(微信公众号)和桐林住建(抖音号)更新不及时。", [("桐林教育", "更新不及时"), ("桐林住建", "更新不及时")]),
        # short quoted names with their account word are accounts
        ("“警民”、“平安”微信公众号更新不及时。", [("警民", "更新不及时"), ("平安", "更新不及时")]),
        # a score or a result that exceeds a target is no shortcoming
        ("东坪镇网站得分为0.95,西林镇更新量超出上级要求。", []),
        # a line of names closing an excerpt is a whole list, not a signature nor a cut clause
        ("(一)错别字较多。\n县医保局、县统计局", [("县医保局", "错别字较多"), ("县统计局", "错别字较多")]),
        # a label's count is no part of the fault it names
        ("不合格(2个):县林业局 县文旅局", [("县林业局", "不合格"), ("县文旅局", "不合格")]),
        # a line introducing a list laid out one item per line leads every item, numbered or not
        ("经查,以下单位存在首页栏目长期未更新问题:\n1.县科技局\n2.县商务局网站",
         [("县科技局", "首页栏目长期未更新"), ("县商务局", "首页栏目长期未更新")]),
        ("首页栏目长期未更新的单位有:\n县科技局\n双溪镇", [("县科技局", "首页栏目长期未更新"), ("双溪镇", "首页栏目长期未更新")]),
        ("表现较好的单位:\n县科技局\n双溪镇", []),
        # a label counting its items after an inline heading names their fault in its own words
        ("(一)答复超期。超过法定期限答复的单位共2个,分别是:县住建局、双溪镇。",
         [("县住建局", "超过法定期限答复"), ("双溪镇", "超过法定期限答复")]),
        # a label whose subject points at the list (以下单位…) gives its predicate alone; 为零 is a shortcoming
        ("以下单位本季度政策解读数量为零:县林业局、县水利局。",
         [("县林业局", "本季度政策解读数量为零"), ("县水利局", "本季度政策解读数量为零")]),
        ("双溪镇政策解读数量为零。", [("双溪镇", "政策解读数量为零")]),
        # two sublists, each closed by its count and group noun, joined by 和 or ,以及, share the label
        ("推进滞后的有:石门乡、清水镇2个乡镇,以及县交通运输局、县档案馆2个部门。",
         [("石门乡", "推进滞后"), ("清水镇", "推进滞后"), ("县交通运输局", "推进滞后"), ("县档案馆", "推进滞后")]),
        ("石桥镇、观音乡两个乡镇和县财政局未按时报送。",
         [("石桥镇", "未按时报送"), ("观音乡", "未按时报送"), ("县财政局", "未按时报送")]),
        # a label naming a fault that stands out (…问题较为突出的单位) is no praise; 即 closes a counting label
        ("外链失效问题较为突出的单位分别是:区统计局、石桥镇。",
         [("区统计局", "外链失效问题较为突出"), ("石桥镇", "外链失效问题较为突出")]),
        ("检查不合格的有2家,即:安西县人民政府门户网站、东川市交通运输局网站。",
         [("安西县人民政府", "检查不合格"), ("东川市交通运输局", "检查不合格")]),
        # an example introduced with 以…为例 is the subject of the clause after it
        ("以县住建局为例,该局未及时公开年度重点建设项目计划。", [("县住建局", "未及时公开年度重点建设项目计划")]),
        # items with their site and count after 其中 exemplify the fault before
        ("部分网站存在错别字,其中区农业农村局网站3处、区水务局网站2处。", [("区农业农村局", "错别字"), ("区水务局", "错别字")]),
        # a list introduced by its level alone (县直部门2个:, 乡镇(街道):) takes the label before the level, and
        # so does its sibling after a ;
        ("年报未按时发布的单位:县直部门2个:县科技局、县商务局;乡镇2个:双溪镇、石门乡。",
         [("县科技局", "年报未按时发布"), ("县商务局", "年报未按时发布"), ("双溪镇", "年报未按时发布"),
          ("石门乡", "年报未按时发布")]),
        ("指南未更新的单位:乡镇(街道):双溪镇、石门乡。", [("双溪镇", "指南未更新"), ("石门乡", "指南未更新")]),
        # accounts each after its owner, closed by one account word, or each with its owner and account word:
        # the accounts have the fault, the owners are named only as owners
        ("县科技局“科技双溪”、县商务局“双溪商务”等账号更新不及时。", [("科技双溪", "更新不及时"), ("双溪商务", "更新不及时")]),
        ("县民政局微信公众号“双溪民政”、县医保局抖音号“双溪医保”超过2周未更新。",
         [("双溪民政", "超过2周未更新"), ("双溪医保", "超过2周未更新")]),
        # a line introducing a list laid out over lines names the fault of every line, before any heading
        ("(一)年报发布不规范\n经核查,以下3个单位年度报告存在未按新模板编制等问题:\n县科技局、县工业和信息化局\n双溪镇",
         [("县科技局", "未按新模板编制"), ("县工业和信息化局", "未按新模板编制"), ("双溪镇", "未按新模板编制")]),
        # a unit heading its own item, its faults numbered under it; a unit opening a line, its faults after a colon
        ("(一)双溪镇\n1.指南未更新。\n2.机构职能信息不全。\n(二)县科技局\n1.政策解读栏目空白。",
         [("双溪镇", "指南未更新"), ("双溪镇", "机构职能信息不全"), ("县科技局", "政策解读栏目空白")]),
        ("“双溪文旅”抖音号:超过2周未更新;互动留言未回复。", [("双溪文旅", "超过2周未更新"), ("双溪文旅", "互动留言未回复")]),
        ("双溪镇:指南未更新;机构职能信息不全。\n县科技局:政策解读栏目空白。",
         [("双溪镇", "指南未更新"), ("双溪镇", "机构职能信息不全"), ("县科技局", "政策解读栏目空白")]),
        # accounts listed after their platform as a label; a label naming only the platform says nothing of them
        ("新浪微博:科技双溪、双溪商务;抖音号:双溪融媒、双溪消防。以上账号超过2周未更新。",
         [("科技双溪", "超过2周未更新"), ("双溪商务", "超过2周未更新"), ("双溪融媒", "超过2周未更新"),
          ("双溪消防", "超过2周未更新")]),
        ("(一)更新不及时\n微信公众号:科技双溪、双溪商务", [("科技双溪", "更新不及时"), ("双溪商务", "更新不及时")]),
        # a fault noted in brackets after a name is that unit's own; a score there is not
        ("年报编制不规范:县科技局(未按新模板编制)、县商务局(数据与上年不一致)、双溪镇(62分)。",
         [("县科技局", "未按新模板编制"), ("县商务局", "数据与上年不一致"), ("双溪镇", "年报编制不规范")]),
        # a site's address in brackets after it is a note, not a fault, and the list goes on past it
        ("县农机局网站(www.bynj.gov.cn)、县林业局网站(www.byly.gov.cn)存在“领导信箱”无人答复的情况。",
         [("县农机局", "“领导信箱”无人答复"), ("县林业局", "“领导信箱”无人答复")]),
        ("单项否决的网站为:东坪乡人民政府网站(首页超过2周未更新)、县林业局网站(首页无法访问)。",
         [("东坪乡人民政府", "首页超过2周未更新"), ("县林业局", "首页无法访问")]),
        # a list of names with their scores is one list; ranking by score (高低) faults nobody
        ("乡镇按得分高低排序:双溪镇98.5分、石门乡97分、清水镇95分。", []),
        ("得分较低的乡镇:双溪镇58分、石门乡55分。", [("双溪镇", "得分较低"), ("石门乡", "得分较低")]),
        # a label word and its noun (涉及单位:, 主要包括:) name no fault: the heading's stands
        ("(一)信息更新不及时\n涉及单位:县科技局、县商务局。", [("县科技局", "信息更新不及时"), ("县商务局", "信息更新不及时")]),
        ("更新不及时的单位主要有:县科技局、县商务局。", [("县科技局", "更新不及时"), ("县商务局", "更新不及时")]),
        # a quoted site named after its body is that body; an account after an official account word and the body
        # that runs it; quoted accounts after 所属 are one list with their owner
        ("“石门乡人民政府网”首页长期未更新。", [("石门乡人民政府", "首页长期未更新")]),
        ("县政府官方微博“双溪发布”超过2周未更新。", [("双溪发布", "超过2周未更新")]),
        ("县卫健局所属“健康双溪”“双溪卫健”两个微信公众号长期未更新。", [("健康双溪", "长期未更新"), ("双溪卫健", "长期未更新")]),
        # a list laid out one account per line, each after its owner, under a heading naming the fault
        ("一、超过半年未更新的账号\n1.双溪街道办事处新浪微博“双溪微言”\n2.县文体局腾讯微博“双溪文体”",
         [("双溪微言", "超过半年未更新"), ("双溪文体", "超过半年未更新")]),
        # the same list laid out as quoted names with their platform and owner, each line its own numbered item
        ("一、抽查不合格的政务新媒体名单\n1.“双溪党政”(微信公众号,双溪镇人民政府)\n2.“双溪林草”(新浪微博,县林业局)",
         [("双溪党政", "抽查不合格"), ("双溪林草", "抽查不合格")]),
        # but a numbered line that goes on after the name states the account's own fault
        ("一、存在问题\n(一)“双溪党政”微信公众号(主办单位:双溪镇人民政府)发布的通知中将“保险”写成“报险”。",
         [("双溪党政", "通知中将“保险”写成“报险”")]),
        # a clause counting quoted accounts, then each account's own fault; the next quoted run goes on the list
        ("抽查不合格的账号4个:“双溪发布”“双溪文旅”超过2周未更新,“双溪教育”“双溪卫健”存在错别字。",
         [("双溪发布", "超过2周未更新"), ("双溪文旅", "超过2周未更新"), ("双溪教育", "错别字"), ("双溪卫健", "错别字")]),
        ("“双溪发布”微信公众号超过2周未更新,“双溪教育”存在错别字。", [("双溪发布", "超过2周未更新"), ("双溪教育", "错别字")]),
        ("以下账号存在问题:“双溪发布”超过2周未更新,“双溪教育”存在错别字。",
         [("双溪发布", "超过2周未更新"), ("双溪教育", "错别字")]),
        # a wrong word and its correction, an empty column, accounts after 政务新媒体 (not a quoted practice)
        ("1.县科技局网站《关于做好春耕工作的通知》一文中,“治理”误写为“治里”。\n2.双溪镇互动回复栏目为空。",
         [("县科技局", "“治理”误写为“治里”"), ("双溪镇", "互动回复栏目为空")]),
        ("(三)政务新媒体“微博转发”不规范。政务新媒体“双溪民生”“双溪文旅”底部菜单存在空链接。",
         [("双溪民生", "底部菜单存在空链接"), ("双溪文旅", "底部菜单存在空链接")]),
        # a threshold keeps its number in the label; a sentence pointing back after a labelled list adds its faults
        ("1月份信息发布量低于10条的单位:县科协、县妇联。",
         [("县科协", "1月份信息发布量低于10条"), ("县妇联", "1月份信息发布量低于10条")]),
        ("得分低于60分的单位:县科协、县妇联。上述单位政策解读均为零。",
         [("县科协", "得分低于60分"), ("县科协", "政策解读均为零"), ("县妇联", "得分低于60分"), ("县妇联", "政策解读均为零")]),
        # a labelled list whose clause goes on to the items' own faults gives both; one restating the label, one
        ("得分低于60分的部门有:县科协、县妇联,主要存在目录未按要求编制、政策解读缺失等问题。",
         [("县科协", "得分低于60分"), ("县科协", "目录未按要求编制"), ("县科协", "政策解读缺失"),
          ("县妇联", "得分低于60分"), ("县妇联", "目录未按要求编制"), ("县妇联", "政策解读缺失")]),
        ("(三)不合格单位:县科协、县妇联,抽查不合格。", [("县科协", "不合格"), ("县妇联", "不合格")]),
        # bodies answerable for the fault the line before states (督办事项…。⏎ 责任单位:甲、乙) have that fault
        ("督办事项一:企业开办材料重复提交。\n责任单位:县科协、县妇联。", [("县科协", "企业开办材料重复提交"),
                                                          ("县妇联", "企业开办材料重复提交")]),
        # where on a site a clause is (…栏目中) comes before its subject
        ("县政府网站“政策解读”栏目中县科协、县妇联发布的解读信息未关联政策文件。",
         [("县科协", "发布的解读信息未关联政策文件"), ("县妇联", "发布的解读信息未关联政策文件")]),
        # bodies messages were forwarded to and that left them unanswered are at fault, not in a role
        ("县长信箱中转办至县科协、县妇联的4条留言未在规定时限内答复。",
         [("县科协", "4条留言未在规定时限内答复"), ("县妇联", "4条留言未在规定时限内答复")]),
        ("县长信箱中,转县交通局、县妇联办理的留言各有2件超过规定时限回复。",
         [("县交通局", "办理的留言各有2件超过规定时限回复"), ("县妇联", "办理的留言各有2件超过规定时限回复")]),
        # but reposting from bodies (转载甲、乙的文件) names who the unit took from
        ("县水利局转载县科协、县妇联的文件时未注明来源。", [("县水利局", "转载县科协、县妇联的文件时未注明来源")]),
        # a handle after its platform word opens its line's clause
        ("(一)检查不合格的账号:\n1.新浪微博@东坪交警,监测期内超过2周未更新。", [("东坪交警", "监测期内超过2周未更新")]),
        # a document's fault told after it (2018年度报告使用旧版模板) makes its author assessed
        ("县科协、县妇联2018年度报告使用旧版模板。", [("县科协", "2018年度报告使用旧版模板"), ("县妇联", "2018年度报告使用旧版模板")]),
        # quoted accounts with their platforms, parted by a comma after a label, are one list
        ("存在严重错别字:“东坪文旅”(新浪微博),“西林民政”(微信公众号)。",
         [("东坪文旅", "严重错别字"), ("西林民政", "严重错别字")]),
        # a grade in quotes is still the grade
        ("测评等次为“较差”的单位有2个:县科协、县妇联。", [("县科协", "测评等次为“较差”"), ("县妇联", "测评等次为“较差”")]),
        # a grade's band in brackets is no part of the label's fault
        ("不合格(60分以下):双溪镇、石门乡。", [("双溪镇", "不合格"), ("石门乡", "不合格")]),
        # a quoted site or account followed by the body that runs it; a site heading its own item
        ("“双溪农技在线”(县农业农村局)互动栏目无回复。", [("双溪农技在线", "互动栏目无回复")]),
        ("(二)双溪县统计信息网\n站内搜索功能无法使用。", [("双溪县统计信息网", "站内搜索功能无法使用")]),
        # a count with its units in brackets after it: the clause after the bracket is theirs
        ("检查发现,有2个单位(县科技局、县商务局)未按要求更新指南。",
         [("县科技局", "未按要求更新指南"), ("县商务局", "未按要求更新指南")]),
        # bare names parted by commas alone are one list; items parted by ; after a label each take it
        ("双溪镇,石门乡,县科技局政务公开专栏超过3个月未更新。",
         [("双溪镇", "政务公开专栏超过3个月未更新"), ("石门乡", "政务公开专栏超过3个月未更新"),
          ("县科技局", "政务公开专栏超过3个月未更新")]),
        ("未按时报送整改报告的单位:双溪镇;石门乡;县科技局。",
         [("双溪镇", "未按时报送整改报告"), ("石门乡", "未按时报送整改报告"), ("县科技局", "未按时报送整改报告")]),
        # names alone, then a sentence pointing back at them (以上单位…), over lists parted by ;
        ("县科技局、县商务局。以上单位年报未按时发布。", [("县科技局", "年报未按时发布"), ("县商务局", "年报未按时发布")]),
        ("县直部门:县科技局、县商务局;乡镇:双溪镇、石门乡。上述单位均未公开财政预算。",
         [("县科技局", "未公开财政预算"), ("县商务局", "未公开财政预算"), ("双溪镇", "未公开财政预算"),
          ("石门乡", "未公开财政预算")]),
        # an owner before the account word in the bracket after a quoted account runs it, and is no unit; an item
        # heading naming the account and that bracket before its colon opens the account's faults, each its own
        ("(一)“柳营农情”(县农业农村局微信公众号):半年仅更新2条;留言无人回复。",
         [("柳营农情", "半年仅更新2条"), ("柳营农情", "留言无人回复")]),
        # …and an account named by that body stands for the body, under the name the bracket gives
        ("(二)“石门乡”(柳营县石门乡人民政府今日头条号):账号简介为空;超过1个月未更新。",
         [("柳营县石门乡人民政府", "账号简介为空"), ("柳营县石门乡人民政府", "超过1个月未更新")]),
        # …but a clause of it on some of them (,其中“乙”…) is theirs alone
        ("(二)更新不及时(3个)\n“柳营发布”(微信公众号)\n“平安柳营”(抖音)\n以上账号均超过2周未更新,其中“平安柳营”全月仅发布1条。",
         [("柳营发布", "超过2周未更新"), ("平安柳营", "超过2周未更新"), ("平安柳营", "全月仅发布1条")]),
        # a quoted column alone after a name, under a heading that names the fault, has the heading's fault
        ("(三)公开信息为零的栏目\n双溪镇“规划计划”栏目;县统计局“统计分析”栏目。",
         [("双溪镇", "公开信息为零的栏目"), ("县统计局", "公开信息为零的栏目")]),
        # a table whose page dropped its header row: its first row is data, and the column whose cells state faults
        # gives each row's; a county's 政府网站 names the county's government
        ("(一)不合格网站及主要问题\n柳营县政府网站 | 首页“政务动态”栏目超过2周未更新;领导之窗信息未调整 |\n"
         "县林业局网站 | 空白栏目3个 |\n",
         [("柳营县政府", "首页“政务动态”栏目超过2周未更新"), ("柳营县政府", "领导之窗信息未调整"), ("县林业局", "空白栏目3个")]),
        # a fault noted in the bracket after a quoted account, after its platform, is that account's own
        ("(二)不合格政务新媒体(2个):“柳营发布”(微信公众号,存在错误链接)、“柳营政务”(微博,留言超过1个月未回复)。",
         [("柳营发布", "存在错误链接"), ("柳营政务", "留言超过1个月未回复")]),
        # the words of a counting clause after what found them (本次抽查发现…) are the items' fault
        ("(一)不合格网站。本次抽查发现不合格网站2个,分别是:县林业局网站、县水利局网站。",
         [("县林业局", "不合格"), ("县水利局", "不合格")]),
        # a clause counting the items, then a pointer (分别是:, 分别为) over them, and what was done about them after
        # (已…反馈, 已按规定予以扣分), which is no fault: the count's fault is theirs; two items joined by 和 too
        ("(二)账号管理不规范。检查不合格的2个账号分别是:“柳营教育”“柳营环保”,具体问题已通过监管平台反馈至主办单位。",
         [("柳营教育", "检查不合格"), ("柳营环保", "检查不合格")]),
        ("(一)政府网站。检查发现2个网站首页栏目长期不更新,分别为县林业局网站和县水利局网站,已按规定予以扣分。",
         [("县林业局", "首页栏目长期不更新"), ("县水利局", "首页栏目长期不更新")]),
        # …also over a list laid out one item per line under a heading, each item taking the pointer's fault
        ("(一)检查不合格的账号\n“柳营发布”(微信公众号)\n“平安柳营”(抖音)\n双溪镇政府网站\n以上账号均存在半年未更新问题。",
         [("柳营发布", "半年未更新"), ("平安柳营", "半年未更新"), ("双溪镇政府", "半年未更新")]),
        # a labelled list whose clause goes on to point back at it (,以上2个单位…): the label's fault and the clause's
        ("得分低于60分的有:县粮食局、县档案局,以上2个单位均存在互动栏目形同虚设的问题。",
         [("县粮食局", "得分低于60分"), ("县粮食局", "互动栏目形同虚设"), ("县档案局", "得分低于60分"),
          ("县档案局", "互动栏目形同虚设")]),
        # …unless it goes on to name each one with its own faults (上述单位存在的主要问题是:甲…;乙…)
        ("县科技局、双溪镇。上述单位存在的主要问题是:县科技局收费项目公开不全;双溪镇未设查阅点。",
         [("县科技局", "收费项目公开不全"), ("双溪镇", "未设查阅点")]),
    ],
)
def test_accounts_take_their_heading_fault(body, expected):
    assert _problems(body) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a notice addressed to named bodies, telling them 你单位…, assesses each addressee there
        ("关于限期整改政府网站问题的通知\n县水利局、县林草局:\n经检查,你单位政府网站存在栏目长期未更新、"
         "信息公开指南内容过时等问题。请于6月30日前完成整改。\n县政府办公室\n2024年6月1日",
         [("县水利局", "栏目长期未更新"), ("县水利局", "信息公开指南内容过时"),
          ("县林草局", "栏目长期未更新"), ("县林草局", "信息公开指南内容过时")]),
        # a forward reference (存在以下问题:) announces the faults numbered after it
        ("关于督促整改问题的通知\n柳营镇人民政府:\n经检查,你镇存在以下问题:\n(一)政务公开栏目长期未更新。\n"
         "(二)财政预决算信息未公开。\n请于7月10日前完成整改。\n县政务公开办\n2024年6月20日",
         [("柳营镇人民政府", "政务公开栏目长期未更新"), ("柳营镇人民政府", "财政预决算信息未公开")]),
        # what the addressee is told to do (请你单位…) and the sentence announcing its faults are no faults,
        # and 你单位 names no unit of its own
        ("关于整改政务新媒体问题的通知\n县住建局、县文旅局:\n近期检查发现你单位存在以下问题。\n一、存在问题\n"
         "你单位抖音号转发的多条视频未经审核。\n二、整改要求\n请你单位于5月20日前完成整改,对确无力运维的账号申请"
         "关停注销。\n县政务公开办\n2024年5月6日",
         [("县住建局", "转发的多条视频未经审核"), ("县文旅局", "转发的多条视频未经审核")]),
        # an announcement with words before it (在政务公开工作中存在以下问题:) is no fault: the items after it are
        ("关于督办政务公开问题的通知\n县自然资源局:\n经监测,你单位在政务公开工作中存在以下问题:征地信息栏目超过10个月"
         "未更新。\n请于6月13日前完成整改。\n县政务办\n2024年6月5日",
         [("县自然资源局", "征地信息栏目超过10个月未更新")]),
        # items that name their own addressee (1.县水利局:…) are that addressee's alone; the office that found
        # them in its inspection (县政务办在专项检查中发现) is no unit
        ("关于督办政务公开问题的通知\n县水利局,县林草局:\n5月,县政务办在专项检查中发现,你单位存在以下问题:\n"
         "1.县水利局:政策解读栏目未更新。\n2.县林草局:办事指南要素不全。\n请于6月13日前完成整改。\n"
         "县政务办\n2024年6月5日",
         [("县水利局", "政策解读栏目未更新"), ("县林草局", "办事指南要素不全")]),
        # …and so are faults run on after the colon in the same sentence (以下问题:甲局…;乙镇…)
        ("关于督办依申请公开问题的函\n县水利局、柳营镇人民政府:\n经核查,你单位存在以下问题:县水利局受理的2件申请超期"
         "未答复;柳营镇人民政府对1件申请未予登记。\n请于6月13日前完成整改。\n县政务办\n2024年6月5日",
         [("县水利局", "受理的2件申请超期未答复"), ("柳营镇人民政府", "对1件申请未予登记")]),
        # what the addressee runs (你单位所属政务新媒体账号存在…) is spoken of, not the addressee: the faults are the
        # accounts' named after it
        ("关于政务新媒体问题的督办通知\n县卫健委、县住建局:\n经检查,你单位所属政务新媒体账号存在长期不更新等问题。\n"
         "一、存在问题\n县卫健委所属“健康东湖”自3月以来未更新。\n县政务公开办\n2024年6月5日",
         [("健康东湖", "自3月以来未更新")]),
        ("关于政务新媒体问题的提醒函\n东坡镇人民政府:\n经巡查,你镇运维的微信公众号“东坡之窗”自3月8日后未再更新。\n"
         "县政务公开办\n2024年6月5日", [("东坡之窗", "自3月8日后未再更新")]),
        # addressed to groups, or told 你们 (现印发给你们), no addressee is assessed
        ("关于印发工作要点的通知\n各乡镇、县直各单位:\n现将《工作要点》印发给你们,请认真贯彻落实。\n县政府办公室", []),
        ("关于印发工作要点的通知\n县数据局、县档案馆:\n现将《工作要点》印发给你们,请认真贯彻落实。\n县政府办公室", []),
    ],
)
def test_addressees_told_you(text, expected):
    assert [(p["units"][0], p["description"]) for p in extract_text(text)["problems"]] == expected


def test_units_left_out_of_the_inspection_are_not_assessed():
    """Bodies a task notice leaves out of what it inspects (不再列入本次范围) have no fault there."""
    text = ("关于开展政府网站集约化迁移检查的通知\n各乡镇、县直各单位:\n一、检查范围\n县直部门尚在独立运行的网站共9个。"
            "已完成迁移的县教育局、县卫健委网站不再列入本次检查范围。\n二、工作要求\n请于6月30日前完成迁移。\n县政府办公室")
    assert extract_text(text)["units"] == []


def test_an_addressee_told_only_what_is_due_is_no_unit():
    """你局 in a sentence that neither faults nor ranks it (a reminder of when a reply falls due) assesses nobody."""
    text = ("依申请公开办理时限提醒函\n县林草局:\n你局于3月3日收到申请人的政府信息公开申请,法定答复期限截止日期为3月31日。\n"
            "请你局于3月26日前将拟答复意见报县政务公开办审核。\n县政务公开办\n2025年3月14日")
    assert extract_text(text)["units"] == []


def test_a_task_notice_assesses_units_whose_faults_it_states():
    """A 通知 (现通知如下) that orders rectification states faults outside any problems section."""
    text = ("关于限期整改政务新媒体问题的通知\n各单位:\n经检查,发现部分政务新媒体存在问题,现通知如下:\n"
            "1.区教育局“萍湾教育”微信公众号超过2周未更新;\n2.区卫健局“萍湾卫健”抖音号未开通留言功能。\n"
            "请于6月30日前完成整改。\n区政府办公室\n2024年6月1日")
    problems = {(p["units"][0], p["description"]) for p in extract_text(text)["problems"]}
    assert {("萍湾教育", "超过2周未更新"), ("萍湾卫健", "未开通留言功能")} <= problems


def test_a_fault_written_before_the_units_a_task_notice_orders_is_theirs():
    """In a notice with no problems section, a fault written as the attribute of the units it sets work for
    (考评排名靠后的甲镇作表态发言) is its only statement of that fault."""
    text = ("关于召开政务公开推进会的通知\n各乡镇:\n现将有关事项通知如下:\n一、会议议程\n(一)通报上半年考评情况;\n"
            "(二)上半年考评排名靠后的东坪镇、西岭乡作表态发言。\n二、参会人员\n各单位分管负责同志。\n县政府办公室\n2024年7月1日")
    problems = {(p["units"][0], p["description"]) for p in extract_text(text)["problems"]}
    assert problems == {("东坪镇", "上半年考评排名靠后"), ("西岭乡", "上半年考评排名靠后")}


TASK = "关于召开政务公开工作推进会的通知\n县直各有关单位:\n经县政府同意,决定召开推进会。现将有关事项通知如下:\n{}\n县政务公开办\n2024年4月28日"


@pytest.mark.parametrize(
    "body, expected",
    [
        # who attends, speaks or is given a task is named, not assessed; a fault word inside a name (不动产) faults nobody
        ("一、参会人员:县发改局、县不动产登记中心等单位分管负责同志。", []),
        ("一、参会人员\n县教育局、县民政局、县卫健局分管负责同志。\n二、会议内容\n县财政局、柳溪镇作交流发言。", []),
        ("一、参会范围\n县教育局、县民政局分管负责同志;柳溪镇、石门乡到主会场参会。", []),
        ("一、工作任务\n序号 | 任务 | 责任单位 | 完成时限 |\n1 | 完善政策文件库 | 县司法局 | 2024年6月30日 |\n"
         "2 | 更新办事指南 | 县行政审批局 | 2024年7月31日 |", []),
        # the bodies a plan will inspect, those it ranks, and a rectification table's units are assessed
        ("一、考评对象\n县教育局、县民政局、柳溪镇。", ["县教育局", "县民政局", "柳溪镇"]),
        ("一、上季度情况\n县教育局、县民政局得分排名前列。", ["县教育局", "县民政局"]),
        ("一、整改任务\n序号 | 单位名称 | 存在问题 | 整改时限 |\n1 | 县住建局 | 栏目超3个月未更新 | 12月31日前 |",
         ["县住建局"]),
        # a fault stated before the order that answers it, under a heading that sets work
        ("一、自查内容\n上月抽查中,柳溪镇、县水务局网站首页超过3个月未更新,须作为重点整改对象。",
         ["柳溪镇", "县水务局"]),
        ("一、工作要求\n县审计局政策解读栏目内容空白,要于5月底前补齐。", ["县审计局"]),
        ("一、提高编制质量\n去年审核中,县林业局年报未按统一格式编制,今年务必避免类似问题。", ["县林业局"]),
        ("一、工作步骤\n县政务办前期摸排发现,“柳溪扶贫”“柳溪文明”等账号已超过6个月未更新,相关主办单位要优先处置。",
         ["柳溪扶贫", "柳溪文明"]),
        # an order with no fault before it, or bodies named only after the order, assess nobody
        ("一、工作要求\n县教育局、县民政局要加强信息更新,对空白栏目及时整改。", []),
        ("一、工作要求\n对检查发现的问题,县教育局、县民政局要于5月底前整改到位。", []),
        ("一、工作要求\n各单位要高度重视,请县教育局、县民政局于5月底前报送未更新栏目清单。", []),
        # units given the order themselves, or a fault that is only a condition of what follows
        ("一、工作要求\n柳溪镇、县水务局要于5月底前完成整改,逾期未完成的,县政务公开办将提请督办。", []),
        ("一、工作要求\n县政务公开办将于6月开展复查,复查仍不合格的,须作出书面说明。", []),
    ],
)
def test_a_task_notice_assesses_only_whom_it_inspects_ranks_or_faults(body, expected):
    assert [u["name"] for u in extract_text(TASK.format(body))["units"]] == expected


@pytest.mark.parametrize("text, rest", [("1.县科技局", "县科技局"), ("(一)更新不及时", "更新不及时"), ("①县医保局", "县医保局"),
                                        ("二是指南过时", "指南过时"), ("2.5%的网站未更新", "2.5%的网站未更新")])
def test_an_item_number_is_never_the_front_of_a_decimal(text, rest):
    import regex

    from tongbao.findings.vocabulary import NUMBER_MARK

    assert regex.sub(rf"^{NUMBER_MARK}", "", text) == rest


def test_accounts_ranked_with_their_owner_in_brackets_under_an_accounts_heading():
    text = ("关于政务新媒体测评结果的通报\n各单位:\n一、政务新媒体排名\n1.双溪交警(市公安局交通警察支队)得分95分。\n"
            "2.双溪发布(市委宣传部)得分93分。\n")
    units = [(u["name"], u["type"], u["owner"]) for u in extract_text(text)["units"]]
    assert units == [("双溪交警", "new_media", "市公安局交通警察支队"), ("双溪发布", "new_media", "市委宣传部")]


@pytest.mark.parametrize("inspected, expected", [
    # a notice that inspected accounts only: a quoted name ending as a site's or an account's may (某某在线) is an
    # account, and the body in brackets after it its owner, no unit
    ("全市政务新媒体账号", [("溪口在线", "new_media", "溪口镇人民政府"), ("市住建局", "department", None)]),
    # one that inspected sites too: the name is a site's, and the county that runs it is assessed with it
    ("全市政府网站和政务新媒体", [("溪口在线", "website", "溪口镇人民政府"), ("溪口镇人民政府", "township", None),
                                 ("市住建局", "department", None)]),
])
def test_a_quoted_name_either_a_site_or_an_account_takes_the_kind_the_notice_inspected(inspected, expected):
    text = (f"关于检查情况的通报\n各单位:\n市政府办公室对{inspected}进行了检查。现将有关情况通报如下:\n二、存在问题\n"
            "“溪口在线”(溪口镇人民政府)1月发布的信息中出现表述错误;市住建局抖音号转载视频未注明出处。\n")
    assert [(u["name"], u["type"], u["owner"]) for u in extract_text(text)["units"]] == expected


@pytest.mark.parametrize("lines, expected", [
    # names alone on their lines, right under a heading that names accounts: each is an account, also one
    # a place's name opens, with the fault of the sub-heading above it
    ("二、问题账号名单\n(一)栏目长期未更新。\n溪口乡振兴\n清风岚桥\n(二)错别字。\n柳河农技\n银杏湾发布",
     [("溪口乡振兴", "栏目长期未更新"), ("清风岚桥", "栏目长期未更新"), ("柳河农技", "错别字"), ("银杏湾发布", "错别字")]),
    ("二、本季度抽查的政务微博\n清风岚桥\n银杏湾发布", [("清风岚桥", None), ("银杏湾发布", None)]),
    # digits inside a name (a hotline's number) keep the line a name; a name alone under a sub-heading is that
    # heading's one item, as its siblings' lines are theirs
    ("二、问题账号名单\n(一)留言长期不回复\n岚桥12345热线\n岚桥交通运输\n(二)未经审批擅自开设\n溪口街道党群服务\n三、整改要求",
     [("岚桥12345热线", "留言长期不回复"), ("岚桥交通运输", "留言长期不回复"), ("溪口街道党群服务", "未经审批擅自开设")]),
    # …but not a line that is a body's name and an account word: the body is the unit
    ("二、问题账号名单\n(一)简介不完整\n县农牧局官方微博\n三、整改要求", []),
    # a name alone is no list; lines of a table under the heading are not either; nor lines under other headings
    ("二、问题账号名单\n清风岚桥", []),
    ("二、问题账号名单\n检查结果见附表。\n发布条数\n发布条数", []),
    ("二、问题账号明细\n序号\n账号名称\n平台\n主办单位\n存在问题\n1\n清风岚桥", []),
    ("二、存在问题\n清风岚桥\n银杏湾发布", []),
])
def test_accounts_one_per_line_under_an_accounts_heading(lines, expected):
    doc = extract_text("关于政务新媒体检查情况的通报\n一、总体情况\n共检查政务新媒体20个。\n" + lines + "\n")
    problems = {p["units"][0]: p["description"] for p in doc["problems"]}
    assert [(u["name"], problems.get(u["name"])) for u in doc["units"] if u["type"] == "new_media"] == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # a page's keys named in prose are what the fault is about, not the page's header or footer
        ("县商务局、县水利局信息未标注发布时间。", [("县商务局", "信息未标注发布时间"), ("县水利局", "信息未标注发布时间")]),
        ("东坪镇网站相关链接无法打开。", [("东坪镇", "相关链接无法打开")]),
        ("县林业局公开的文件发布日期与实际不符。", [("县林业局", "公开的文件发布日期与实际不符")]),
        # as keys with their values they stay furniture
        ("发布时间:2024-05-20 县林业局 字号 大 中 小", []),
    ],
)
def test_page_keys_in_prose_are_faults(body, expected):
    problems = extract_text(REPORT.format(body))["problems"]
    assert [(p["units"][0], p["description"]) for p in problems] == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # a clause counting the units and naming their fault, then a pointer (分别是:, 分别为:, 包括:) to the list
        ("3个单位存在空白栏目,分别是:东坪镇、西林乡、县档案局。",
         [("东坪镇", "存在空白栏目"), ("西林乡", "存在空白栏目"), ("县档案局", "存在空白栏目")]),
        ("检查发现2个乡镇政府网站首页未更新,分别为:东坪镇、西林乡。",
         [("东坪镇", "政府网站首页未更新"), ("西林乡", "政府网站首页未更新")]),
        ("共有4个账号存在错别字,具体为:“东坪发布”、“西林在线”。", [("东坪发布", "存在错别字"), ("西林在线", "存在错别字")]),
    ],
)
def test_a_pointer_clause_takes_the_counting_clause_before_it(body, expected):
    problems = extract_text(REPORT.format(body))["problems"]
    assert [(p["units"][0], p["description"]) for p in problems] == expected


# In a notice on accounts, an account named after the place the notice is about: its short name with a field after
# it, or an epithet before it, opening a clause or a list's item, after 的 and its owner, or over its account word.
_ACCOUNTS_OF_A_PLACE = "柳川县人民政府\n关于柳川县政务新媒体检查情况的通报\n各乡镇:\n现将全县政务新媒体检查情况通报如下。\n一、存在问题\n{}"


@pytest.mark.parametrize("sentence, units", [
    ("平安柳川本季度仅发布3条信息;柳川交通自1月12日后未再更新。",
     [("平安柳川", "new_media", None), ("柳川交通", "new_media", None)]),
    ("县公安局的平安柳川本月仅更新2次。", [("平安柳川", "new_media", "县公安局")]),
    ("未建立审核制度的账号:\n柳川住建 微信公众号\n柳川城管 新浪微博",
     [("柳川住建", "new_media", None), ("柳川城管", "new_media", None)]),
    # words going on into prose or a body's name are no account's
    ("柳川教育系统账号普遍更新较慢。柳川交通运输局网站首页未更新。", [("柳川交通运输局", "department", None)]),
])
def test_accounts_named_after_the_notices_place(sentence, units):
    doc = extract_text(_ACCOUNTS_OF_A_PLACE.format(sentence))
    assert [(u["name"], u["type"], u["owner"]) for u in doc["units"]] == units


def test_a_clause_ended_by_a_semicolon_is_prose_not_page_furniture():
    """关闭 is a page's button (【打印】【关闭】) only in a line with no sentence's marks."""
    doc = extract_text("关于政务新媒体检查情况的通报\n各乡镇:\n现将全县政务新媒体检查情况通报如下。\n二、存在问题\n"
                       "(三)互动渠道不畅。“东坡人社”“东坡医保”后台留言功能处于关闭状态;西岭镇微信公众号未更新。")
    assert [u["name"] for u in doc["units"]] == ["东坡人社", "东坡医保", "西岭镇"]


@pytest.mark.parametrize("text, units", [
    # a township whose checked villages are faulted (X镇抽查的村…) is assessed, not the inspector
    ("二、存在问题\n两河镇、白石镇抽查的村未建立村务公开档案。", ["两河镇", "白石镇"]),
    # a village's committees named after no village, and villages visited, name nobody
    ("二、存在问题\n西岭乡部分村公开栏无村务监督委员会签字,走访村公开栏内容陈旧。", ["西岭乡"]),
    # a score column named after a field (村务公开(40分)) is no column of villages
    ("一、考评结果\n乡镇 | 专栏维护(60分) | 村务公开(40分) | 合计 |\n东坪镇 | 56 | 37 | 93 |\n西岭乡 | 50 | 30 | 80 |\n",
     ["东坪镇", "西岭乡"]),
])
def test_townships_and_their_villages(text, units):
    assert [u["name"] for u in extract_text(text)["units"]] == units


@pytest.mark.parametrize("sentence, units", [
    ("(一)《东坡园林》《东坡地名》微信公众号4月以来未更新。", ["东坡园林", "东坡地名"]),
    ("(二)【东坡林业】微博、【东坡水文】微博大量转发无关信息。", ["东坡林业", "东坡水文"]),
    ("(三)按照《政务新媒体管理办法》要求,各单位要加强管理。", []),  # a document's title is no account
])
def test_account_names_set_in_title_or_label_brackets(sentence, units):
    doc = extract_text("关于政务新媒体检查情况的通报\n各乡镇:\n现将全县政务新媒体检查情况通报如下。\n二、存在问题\n" + sentence)
    assert [u["name"] for u in doc["units"]] == units


@pytest.mark.parametrize("sentence", [
    "本次检查以柳溪市政府网站与政务新媒体监管平台的监测数据为基础,东坪镇网站首页未更新。",
    "柳溪市政务公开第三方评估机构同步开展了网上测评,东坪镇网站首页未更新。",
])
def test_whose_platform_or_evaluator_an_inspection_drew_on_is_no_unit(sentence):
    doc = extract_text("关于检查情况的通报\n各乡镇:\n" + sentence)
    assert [u["name"] for u in doc["units"]] == ["东坪镇"]


@pytest.mark.parametrize("sentence, units", [
    ("峡川在线、玉溪之窗、水边镇政府网站运行平稳。", [("峡川在线", "website", None), ("玉溪之窗", "website", None),
                                                  ("水边镇政府", "website", None)]),
    ("二、单项否决的网站\n镇南旅游之窗(县旅游局):首页超过2周未更新。", [("镇南旅游之窗", "website", "县旅游局")]),
])
def test_sites_named_by_their_own_names_in_a_notice_on_websites(sentence, units):
    doc = extract_text("关于全县政府网站抽查情况的通报\n各乡镇:\n县政府办公室对全县政府网站进行了抽查。现通报如下:\n一、抽查结果\n"
                       + sentence)
    assert [(u["name"], u["type"], u["owner"]) for u in doc["units"]] == units


def test_an_adverb_before_村_names_no_village():
    doc = extract_text("二、检查情况\n镇党政办逐村检查了公开栏,东坪村公开栏内容仍为去年信息。")
    assert [u["name"] for u in doc["units"]] == ["东坪村"]
