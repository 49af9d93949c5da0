//! What the Chinese finder of bodies finds in sample sentences.

use super::*;

fn bodies(text: &str) -> Vec<&str> {
    let lines = crate::mentions::segment::non_ascii_lines(text);
    let finder = crate::mentions::testing::finder();
    let mut memo = crate::mentions::Memo::default();
    let mut cuts = HanCuts::default();
    find(&finder.orgs.lexicon, text, &lines, &mut cuts, &mut |w| memo.is_chinese_name(&finder.names, w))
        .iter()
        .map(|f| &text[f.start..f.end])
        .collect()
}

#[test]
fn bodies_by_tag_head_and_name() {
    assert_eq!(bodies("外交部发言人赵立坚表示"), ["外交部"]);
    assert_eq!(bodies("德国外交部长贝尔伯克与中国外交部长秦刚"), ["德国外交部", "中国外交部"]);
    assert_eq!(bodies("加拿大公共安全部長門迪奇諾"), ["加拿大公共安全部"]);
    assert_eq!(bodies("中国警察和意大利警察联合在华人区巡逻"), ["中国警察", "意大利警察"]);
    assert_eq!(bodies("立法院外交及国防委员会今天审查"), ["立法院外交及国防委员会"]);
    assert_eq!(bodies("中国驻英国大使馆发言人称"), ["中国驻英国大使馆"]);
    assert_eq!(bodies("美国联邦调查局局长周四表示"), ["美国联邦调查局"]);
    // A federal district court; a Central District jieba cuts in two.
    assert_eq!(bodies("纽约布鲁克林联邦地区法院宣布"), ["纽约布鲁克林联邦地区法院"]);
    assert_eq!(bodies("陆委会与国安局今天表示"), ["陆委会", "国安局"]);
    assert_eq!(bodies("美国加州中区联邦法院宣布"), ["加州中区联邦法院"]);
    assert_eq!(bodies("与司法部和国务院商讨"), ["司法部", "国务院"]);
    // Words that qualify no name: 非政府组织 is no body's name, 代表 and 现任 open none.
    assert!(bodies("总部位于西班牙的非政府组织称").is_empty());
    // A distance to a body is no part of its name.
    assert_eq!(bodies("辦公室距離韓國國會僅500公尺"), ["韓國國會"]);
    assert_eq!(bodies("代表中国政府在荷兰执行任务"), ["中国政府"]);
    assert_eq!(bodies("加拿大皇家骑警说"), ["加拿大皇家骑警"]);
    // A hometown hall; a mission after the body it is of; Hong Kong's names for two bodies.
    assert_eq!(bodies("到紐約長樂公所前示威"), ["紐約長樂公所"]);
    assert_eq!(bodies("中共駐柏林使館否認"), ["中共駐柏林使館"]);
    assert_eq!(bodies("中共福州市公安局的服務站,中共政府否認"), ["中共福州市公安局", "中共政府"]);
    assert_eq!(bodies("逮捕兩名中共福建商會僑領"), ["中共", "福建商會"]);
    assert_eq!(bodies("中共警察站落腳海外"), ["中共"]);
    assert_eq!(bodies("加国骑警证实"), ["加国骑警"]);
    assert_eq!(bodies("爱尔兰顶尖学府都柏林大学的教授"), ["都柏林大学"]);
    assert_eq!(bodies("美國眾議院共和黨領袖麥卡錫,共和党众院"), ["美國眾議院", "共和黨", "共和党", "众院"]);
    assert_eq!(bodies("加拿大全球事务部与加拿大王家骑警表示"), ["加拿大全球事务部", "加拿大王家骑警"]);
    assert_eq!(bodies("人权监督机构“保护卫士”"), ["保护卫士"]);
    assert_eq!(bodies("荷蘭政府昨天表示"), ["荷蘭政府"]);
    assert_eq!(bodies("中國駐南韓大使館表示"), ["中國駐南韓大使館"]);
    // A country before a place of its own is a place beside the body.
    assert_eq!(bodies("德國黑森州內政部表示"), ["黑森州內政部"]);
    assert_eq!(bodies("法國福建工商聯合會表示"), ["法國福建工商聯合會"]);
    // A restaurant, a station's contact point and a platform are no bodies.
    assert_eq!(bodies("他在微信上收到首尔中餐厅和海安联络站的通知"), Vec::<&str>::new());
    assert_eq!(bodies("移交至首爾東部地方檢察廳"), ["首爾東部地方檢察廳"]);
    assert_eq!(bodies("中國在韓僑民協會總會會長"), ["中國在韓僑民協會總會"]);
    assert_eq!(bodies("南韓國家情報院表示"), ["南韓國家情報院"]);
    assert_eq!(bodies("美国联邦调查局纽约办事处官员表示"), ["美国联邦调查局纽约办事处"]);
    assert_eq!(bodies("据官媒新华日报报道"), ["新华日报"]);
    assert_eq!(bodies("在参议院国土安全委员会的听证会上"), ["参议院国土安全委员会"]);
    assert_eq!(bodies("中國駐英大使館表示"), ["中國駐英大使館"]);
    assert_eq!(bodies("相关部门与韩国警方合作"), ["韩国警方"]);
    assert_eq!(bodies("被告人与公安部联系"), ["公安部"]);
    assert_eq!(bodies("外交及国防委员会主席"), ["外交及国防委员会"]);
    assert_eq!(bodies("下議院加中關係特別委員會表示"), ["下議院加中關係特別委員會"]);
    assert!(bodies("在德国部署").is_empty());
    // A force named by its country; not the station or the office it runs.
    assert_eq!(bodies("荷蘭國家警察表示,中共公安"), ["荷蘭國家警察", "中共公安"]);
    assert!(bodies("中國秘密警察在海外").is_empty());
    assert!(bodies("在中國警察站").is_empty());
    // News sites and associations with long names; a parliament by itself.
    assert_eq!(bodies("據德國之聲中文網報導"), ["德國之聲中文網"]);
    assert_eq!(bodies("香港南华早报报道"), ["香港南华早报"]);
    assert!(bodies("報導中國秘密組織在法國控制僑民").is_empty(), "a description, not a name");
    assert!(bodies("荷蘭執政黨和反對黨議員").is_empty(), "the ruling party and the opposition name none");
    // A count's measure word, a title and a verb open no name; a describing word makes none.
    assert!(bodies("他們成立五間公司").is_empty());
    assert!(bodies("出席市長及市議會選舉").is_empty(), "a mayor and a city council name no one body");
    assert_eq!(bodies("利用纽约美东河南同乡会"), ["纽约美东河南同乡会"]);
    assert!(bodies("中國極權政府").is_empty());
    // The Party's commissions are its organs (中共 + 中央纪律检查委员会), not its associations.
    assert_eq!(bodies("中共中央纪律检查委员会表示"), ["中共中央纪律检查委员会"]);
    assert_eq!(bodies("香港警務處國家安全處(國安處)通緝"), ["警務處國家安全處", "國安處"]);
    assert_eq!(bodies("據路透報導,英國衛報和世界報指出"), ["路透", "英國衛報", "世界報"]);
    assert!(bodies("道路透明,捍卫报道自由").is_empty());
    assert_eq!(bodies("據法國快訊周刊報導"), ["法國快訊周刊"]);
    assert_eq!(bodies("首尔华助中心负责人"), ["首尔华助中心"]);
    assert_eq!(bodies("满城华人服务中心表示"), ["满城华人服务中心"]);
    assert_eq!(bodies("日前國會通過法案"), ["國會"]);
    assert_eq!(bodies("韩国军方表示"), ["韩国军方"]);
    assert_eq!(bodies("中国地方公安部门"), ["中国地方公安部门"]);
    assert_eq!(bodies("營運中國公安部"), ["中國公安部"]);
    assert!(bodies("巴黎警务服务中心").is_empty());
    assert!(bodies("愛爾蘭關閉中國警察局,中國秘密警察組織").is_empty());
    assert_eq!(bodies("温州警察局在悉尼设立"), ["温州警察局"]);
    assert!(bodies("为外国政府充当代理人").is_empty());
    assert!(bodies("相关部门表示").is_empty());
    // A verb or a word of time jieba leaves beside a name is no part of it.
    assert_eq!(bodies("本文转载自澳大利亚广播公司"), ["澳大利亚广播公司"]);
    assert_eq!(bodies("政府将宣告核准中国使馆建案"), ["中国使馆"]);
}

#[test]
fn the_places_finder_reads_the_runs_cut_here_as_it_would_cut_them() {
    let text = "荷蘭政府昨天表示，中國駐英大使館與溫州市公安局在米蘭設立服務站。\n美国联邦调查局纽约办事处";
    let lines = crate::mentions::segment::non_ascii_lines(text);
    let finder = crate::mentions::testing::finder();
    let mut cuts = HanCuts::default();
    find(&finder.orgs.lexicon, text, &lines, &mut cuts, &mut |_| false);
    let words = |cuts: &HanCuts| -> Vec<(usize, usize)> {
        crate::mentions::segment::han_segments_where(text, &lines, cuts, &|_| true)
            .iter()
            .map(|w| (w.start, w.end))
            .collect()
    };
    let (kept, cut_anew) = (words(&cuts), words(&HanCuts::default()));
    assert_eq!(kept, cut_anew);
    assert!(kept.len() > 10, "{kept:?}");
    assert!(!cuts.is_empty(), "the runs with bodies' heads were kept");
}

#[test]
fn heads_alone_and_common_words_are_no_bodies() {
    assert!(bodies("政府表示，部分会议在社会中心举行").is_empty());
}

#[test]
fn consulates_short_forms_are_bodies() {
    assert_eq!(bodies("记者有关中国驻悉尼总领馆多次警告"), ["中国驻悉尼总领馆"]);
    assert_eq!(bodies("文件表明,中国领馆发出的多次警告"), ["中国领馆"]);
    assert_eq!(bodies("在有关当局和驻德班总领馆大力支持下"), ["驻德班总领馆"]);
    assert!(bodies("在中国驻外使领馆的协助下").is_empty(), "a country's missions together are no one body");
}
