//! The Chinese words bodies are told by: heads (大使馆, 委员会, 部), the words that end in a head
//! but name no body (部分, 社会), bodies known by a bare name (美国之音, 保护卫士), and the words
//! that stop a name's reach to the left (发言人, 记者).

/// Words that head a body's name only after words that name it (政府 alone is no body).
pub(super) const HEADS: &[&str] = &[
    "大使馆",
    "使馆",
    "总领事馆",
    "领事馆",
    // Their short forms (中国驻悉尼总领馆, 中国领馆).
    "总领馆",
    "领馆",
    "代表处",
    "办事处",
    // A secretariat (瑞士联邦移民事务秘书处).
    "秘书处",
    "委员会",
    "总会",
    "协会",
    "商会",
    "联合会",
    "同乡会",
    // A hometown hall (纽约长乐公所, 福州公所).
    "公所",
    "促进会",
    "联谊会",
    "华助中心",
    "服务中心",
    "公会",
    "侨联",
    "骑警",
    "警方",
    "警察",
    "公安",
    "国安",
    "公安机关",
    "办公室",
    "机关",
    "政府",
    "议会",
    "国会",
    "法院",
    // A higher regional court (萨克森州高等法院), which jieba keeps whole as an idiom.
    "高等法院",
    "法庭",
    "检察院",
    "检察署",
    "调查局",
    "通讯社",
    "日报",
    "晚报",
    "快报",
    "时报",
    "周报",
    "邮报",
    "电视台",
    "周刊",
    "电视网",
    "新闻网",
    "长安网",
    "中文网",
    "早报",
    "外务省",
    "法务省",
    "防卫省",
    "电台",
    "都市网",
    "公司",
    "集团",
    "大学",
    "学校",
    "研究所",
    // A detention centre (郑州市第三看守所).
    "看守所",
    "研究院",
    "情报院",
    "院",
    "基金会",
    "部门",
    "军方",
    "组织",
    "党",
    "部",
    "局",
    "署",
    "厅",
];

/// Heads that name one body standing alone (国会: the parliament of the country in question), and
/// that a body after them extends (参议院 + 国土安全委员会).
pub(super) const SOLE_HEADS: &[&str] = &["国会", "议会", "参议院", "众议院", "下议院", "上议院", "立法院", "骑警"];

/// Heads so general that only a name before them makes a body: 中国公安机关, not 人权组织.
pub(super) const GENERIC_HEADS: &[&str] = &[
    "组织",
    "机构",
    "团体",
    "机关",
    "政府",
    "警方",
    "警察",
    "公安",
    "国安",
    "中心",
    "部门",
    "军方",
    "办事处",
    "公司",
    "集团",
    "警察局",
    // A radio station is one only after its name (美国全国公共广播电台, not 广播电台).
    "广播电台",
];

/// Heads that name a force (中国警察, 中共公安) only where no word of what it runs follows:
/// 中国警察站, 中国公安部门 and 警察海外服务站 are other things.
pub(super) const FORCE_HEADS: &[&str] = &["警察", "公安", "国安"];

/// First characters of the words that make a force's word part of something else.
pub(super) const AFTER_FORCE: &[char] = &[
    '站', '局', '署', '厅', '所', '服', '海', '部', '机', '活', '行', '人', '总', '驿', '联', '事', '工', '系', '体',
    '制',
];

/// Heads of a body's branch: after a body and the place it is in, the branch is named with the
/// body (美国联邦调查局纽约办事处, RCMP魁北克分部).
pub(super) const BRANCH_HEADS: &[&str] = &["办事处", "分部", "分局", "分会", "分社", "支队", "外勤办公室"];

/// Words that end in a head but name no body.
pub(super) const NOT_BODIES: &[&str] = &[
    // Embassies and consulates together (驻外使领馆, 中国使领馆): a country's missions, no one body.
    "使领馆",
    "部分",
    "全部",
    "内部",
    "外部",
    "局部",
    "干部",
    "总部",
    "本部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "俱乐部",
    "部署",
    "签署",
    "非政府",
    "非政府组织",
    "秘密组织",
    "非法组织",
    "民间组织",
    "犯罪组织",
    "恐怖组织",
    "结局",
    "布局",
    "格局",
    "大局",
    "当局",
    "政党",
    "执政党",
    "反对党",
    "在野党",
    "社会",
    "机会",
    "会议",
    "大会",
    "晚会",
    "中心",
    "核心",
    "全党",
    "秘密警察",
    "海外警察",
    "便衣警察",
    "武装警察",
    // Places of business and of stations, not bodies (中餐厅, 车站咖啡厅, 海安联络站).
    "餐厅",
    "中餐厅",
    "咖啡厅",
    "联络站",
    // A community, which jieba's dictionary tags a body (华人社区).
    "社区",
    "华人社区",
    // A platform the labels do not count as a body (README-zh).
    "微信",
    // A Chinese website, the latest news: no one body.
    "中文网站",
    "最新进展",
    // A cinema.
    "电影院",
];

/// Bodies known by a bare name (simplified).
pub(super) const NAMES: &[&str] = &[
    // Canada's foreign ministry and the RCMP as Hong Kong's press writes it (全球 and 王家
    // open no name elsewhere: 全球 is a stop, 王家 a village of the gazetteer).
    "加拿大全球事务部",
    "全球事务部",
    "加拿大王家骑警",
    "美国之音",
    "保护卫士",
    // Safeguard Defenders as RFI's Chinese service has also written it.
    "保障卫士",
    "自由亚洲电台",
    "新华社",
    "路透社",
    "美联社",
    "法新社",
    "中央社",
    "共同社",
    "联合早报",
    "明报",
    "大纪元",
    "人民日报",
    "环球时报",
    "推特",
    "脸书",
    "中共",
    "国民党",
    "民进党",
    // A chamber of the US Congress as the Chinese press shortens it.
    "众院",
    "参院",
    "侨委会",
    "国台办",
    // Taiwan's Mainland Affairs Council, National Security Bureau and Straits Exchange
    // Foundation, and Beijing's counterpart, as the press shortens them.
    "陆委会",
    "国安局",
    "海基会",
    "海协会",
    "联合国",
    "欧洲刑警组织",
    "国际刑警组织",
    "联调局",
    "保卫卫士",
    "人民网",
    "中新网",
    "新华网",
    "央视网",
    "环球网",
    "观察者网",
    "福克斯新闻",
    "德国之声",
    "韩联社",
    "德新社",
    "安莎社",
    "埃菲社",
    "塔斯社",
    "中新社",
    "端传媒",
    "多维新闻",
    "澎湃新闻",
    "联合报",
    "新唐人",
    "经济学人",
    "腾讯",
    "阿里巴巴",
    "华为",
    "抖音",
    "字节跳动",
    "人权观察",
    "自由之家",
    "国际特赦组织",
    "和统会",
    // The Party's discipline commission as the press shortens it.
    "中纪委",
    "中央纪委",
    // Hong Kong's police force and its national security department (香港警務處國家安全處, 國安處).
    "警务处",
    "警务处国家安全处",
    "国安处",
    // Unions, alliances and newsrooms the Chinese press names by short names.
    "欧盟",
    "北约",
    "加通社",
    "法广",
    "澳广",
    "东网",
    "文汇网",
    "中评社",
    "每日传讯",
    "环球新闻",
    "天主教亚洲新闻",
    "情报在线",
    "电视二台",
    "法国电视二台",
    "法国电视2台",
    "法国第2电视台",
    "网信办",
    "绿党",
    "香港监察",
    "国际声援西藏运动",
    "中国南方航空",
    // Bloomberg, Germany's AfD and Hong Kong's government as the press shortens it.
    "彭博社",
    "另类选择党",
    "港府",
];

/// Bodies known by a bare name that is also a piece of other words (路透 of 道路透明, 卫报 of
/// 捍卫报道): a body only where jieba cuts it as a word of its own.
/// So are Britain's Labour Party (工党 of 员工党员) and Sing Tao (星岛 of 火星岛).
pub(super) const WORD_NAMES: &[&str] = &["路透", "卫报", "人民报", "世界报", "工党", "星岛"];

/// Heads that jieba's dictionary does not hold, which it cuts into words (华 + 助 + 中心).
pub(super) const SPLIT_HEADS: &[&str] = &["华助中心"];

/// Verbs and adverbs that stand inside bodies' names (中国和平统一促进会, 联合总会, 文化交流协会,
/// 特别委员会).
pub(super) const NAME_VERBS: &[&str] =
    &["促进", "联合", "交流", "发展", "合作", "友好", "互助", "统一", "常设", "特别"];

/// Name words that end the words before a head (记者, 发言人: a body's people, not its name).
pub(super) const LEFT_STOPS: &[&str] = &[
    // A word for what a body is, before its name: 爱尔兰顶尖学府 + 都柏林大学.
    "学府",
    "名校",
    "顶尖",
    "记者",
    // A verb before a body it acts on (警告 + 乔治河市议会).
    "警告",
    "局长",
    "部长",
    "报告",
    "人员",
    "官员",
    "消息",
    "媒体",
    "官媒",
    "网站",
    "地区",
    "全球",
    "海外",
    "秘密",
    "地下",
    "非法",
    "非政府",
    "代表",
    "现任",
    "前任",
    "时任",
    // Verbs jieba leaves beside a name: 转载自 + 澳大利亚广播公司 ("reposted from"), 核准 +
    // 中國使館 ("approve the embassy").
    "转载",
    "转载自",
    "核准",
    "批准",
    "当地",
    "警察",
    "民众",
    "公民",
    "一个",
    "这个",
    "营运",
    "外国",
    "指",
    // A verb jieba tags a noun: 利用 + 纽约美东河南同乡会 ("using the … association").
    "利用",
    // What kind of body a name is, before it: 非盈利機構 + 滿城華人服務中心.
    "机构",
    "运营",
    "经营",
    "距离",
    // Words jieba makes of a preposition and the character before it (一星期内 + 向 + 联邦法院),
    // and an attribute that describes a building (超级 + 大使馆: "a super-embassy").
    "内向",
    "外向",
    "面向",
    "转向",
    "超级",
    // The end of 在野 ("in opposition") jieba leaves before a party (在 + 野 + 保守党).
    "野",
];

/// Characters that end the names jieba's dictionary tags as bodies without a head of [`HEADS`]
/// (国务院, 法新社, 泰晤士报, 广播电台, 中文学校): with the heads and the names, a run that
/// holds none of them is passed over untagged.
pub(super) const TRIGGERS: &[&str] = &["院", "社", "报", "台", "校", "府", "团", "所", "军", "队"];
