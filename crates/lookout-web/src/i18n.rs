//! Interface languages: English and Simplified Chinese. Chosen by `?lang=` (remembered in a
//! preference cookie), else the `lang` cookie, else `Accept-Language`. Data (summaries, names as
//! sources give them) stays in its own language; everything the interface says is translated here.

use std::borrow::Borrow;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use lookout_core::timeline::StepDate;
use lookout_core::{PartialDate, SourceKind, StationStatus};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The BCP 47 tag for `lang=""` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The short code used in `?lang=` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The other language (for the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// Parses `en` or `zh` (and common variants).
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code == "en" || code.starts_with("en-") {
            Some(Lang::En)
        } else if code == "zh" || code.starts_with("zh-") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// The preferred of our languages in an `Accept-Language` header (English if none).
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag) {
                if best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, lang));
                }
            }
        }
        best.map_or(Lang::En, |(_, l)| l)
    }

    /// The language a request asks for: `?lang=`, then the cookie, then `Accept-Language`.
    pub fn of_request(query: Option<&str>, headers: &HeaderMap) -> Lang {
        if let Some(lang) = query.and_then(query_lang) {
            return lang;
        }
        let cookie = headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';'));
        for c in cookie {
            if let Some(lang) = c.trim().strip_prefix("lang=").and_then(Lang::parse) {
                return lang;
            }
        }
        headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Lang::En, Lang::from_accept_language)
    }
}

/// The country table seen in one language: names in that language, codes as they are.
#[derive(Clone, Copy)]
pub struct Localized<'a> {
    /// The table.
    pub countries: &'a lookout_geo::Countries,
    /// The language.
    pub lang: Lang,
}

impl Localized<'_> {
    /// The country with this code.
    pub fn get(&self, code: &str) -> Option<&lookout_geo::Country> {
        self.countries.get(code)
    }

    /// The country's name in the language (English where no translation exists; the code if unknown).
    pub fn name(&self, code: &str) -> String {
        match (self.countries.get(code), self.lang) {
            (Some(c), Lang::Zh) => c.zh_hans.clone().unwrap_or_else(|| c.name.clone()),
            (Some(c), Lang::En) => c.name.clone(),
            (None, _) => code.to_string(),
        }
    }
}

/// The `lang` parameter of a query string, if valid.
pub fn query_lang(query: &str) -> Option<Lang> {
    query.split('&').find_map(|kv| kv.strip_prefix("lang=")).and_then(Lang::parse)
}

/// The request's language, the interface text in it, and the link to this page in the other.
#[derive(Debug, Clone)]
pub struct Locale {
    /// The language.
    pub lang: Lang,
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Locale {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let lang = Lang::of_request(parts.uri.query(), &parts.headers);
        let kept: Vec<&str> = parts
            .uri
            .query()
            .unwrap_or("")
            .split('&')
            .filter(|kv| !kv.is_empty() && !kv.starts_with("lang="))
            .collect();
        let mut query = kept.join("&");
        if !query.is_empty() {
            query.push('&');
        }
        let switch_href = format!("{}?{query}lang={}", parts.uri.path(), lang.other().code());
        Ok(Locale { lang, t: Text::of(lang), switch_href })
    }
}

/// A value of a vocabulary or a date, or a reference to one: templates pass references (of
/// references) to what they show.
pub trait Value<T> {
    /// The value.
    fn value(&self) -> T;
}

impl<T: Copy> Value<T> for T {
    fn value(&self) -> T {
        *self
    }
}

impl<T: Copy> Value<T> for &T {
    fn value(&self) -> T {
        **self
    }
}

impl<T: Copy> Value<T> for &&T {
    fn value(&self) -> T {
        ***self
    }
}

/// Everything the interface says, in one language.
#[derive(Debug)]
pub struct Text {
    /// `lang` attribute value.
    pub tag: &'static str,
    /// True for Chinese (prose pages pick their block with it).
    pub zh: bool,
    /// The switch's label (names the other language in itself).
    pub switch_label: &'static str,
    /// Site name.
    pub site: &'static str,
    /// Navigation.
    pub nav_label: &'static str,
    /// Navigation.
    pub nav_stations: &'static str,
    /// Navigation.
    pub nav_figures: &'static str,
    /// Navigation.
    pub nav_responses: &'static str,
    /// Navigation.
    pub nav_data: &'static str,
    /// Navigation.
    pub nav_about: &'static str,
    /// Navigation: report what happened.
    pub nav_report: &'static str,
    /// Footer.
    pub footer: &'static str,
    /// Headings and labels.
    pub stations_title: &'static str,
    /// Label.
    pub country: &'static str,
    /// Label.
    pub bureau: &'static str,
    /// Label.
    pub status_any_step: &'static str,
    /// Option.
    pub all_countries: &'static str,
    /// Option.
    pub all_bureaus: &'static str,
    /// Option.
    pub any_status: &'static str,
    /// Option.
    pub any_action: &'static str,
    /// Button.
    pub filter: &'static str,
    /// Caption.
    pub stations_caption: &'static str,
    /// Column.
    pub station: &'static str,
    /// Column.
    pub operating_bureau: &'static str,
    /// Column.
    pub latest_status: &'static str,
    /// Column.
    pub first_reported: &'static str,
    /// Cell.
    pub not_named: &'static str,
    /// Cell.
    pub no_station_matches: &'static str,
    /// Link.
    pub all_stations: &'static str,
    /// Label.
    pub located: &'static str,
    /// Text.
    pub not_named_in_sources: &'static str,
    /// Text.
    pub from_geonames: &'static str,
    /// Text.
    pub country_level_only: &'static str,
    /// Heading.
    pub status_timeline: &'static str,
    /// Text.
    pub first_reported_step: &'static str,
    /// Text.
    pub date_unknown: &'static str,
    /// Text.
    pub according_to: &'static str,
    /// Label.
    pub sources: &'static str,
    /// Heading.
    pub every_statement: &'static str,
    /// Badge.
    pub conflicting_values: &'static str,
    /// Column.
    pub source: &'static str,
    /// Column.
    pub kind: &'static str,
    /// Column.
    pub grade: &'static str,
    /// Column.
    pub date: &'static str,
    /// Column.
    pub says: &'static str,
    /// Badge.
    pub guessed: &'static str,
    /// Link.
    pub what_it_supports: &'static str,
    /// Prefix of a claimant.
    pub per: &'static str,
    /// Text.
    pub denies: &'static str,
    /// Heading.
    pub responses_heading: &'static str,
    /// Text.
    pub no_responses_linked: &'static str,
    /// Heading.
    pub how_to_cite: &'static str,
    /// Text.
    pub cite_sources: &'static str,
    /// Label.
    pub stations_label: &'static str,
    /// Text.
    pub none_recorded: &'static str,
    /// Text.
    pub as_of: &'static str,
    /// Text.
    pub claimed_by: &'static str,
    /// Badge.
    pub conflicting_claim: &'static str,
    /// Heading.
    pub home_title: &'static str,
    /// Paragraph.
    pub home_intro: &'static str,
    /// Heading.
    pub map_heading: &'static str,
    /// Summary.
    pub map_text_version: &'static str,
    /// Caption.
    pub stations_per_country: &'static str,
    /// Column.
    pub stations_column: &'static str,
    /// Column.
    pub where_column: &'static str,
    /// Heading.
    pub headline_figures: &'static str,
    /// Paragraph.
    pub figures_intro_short: &'static str,
    /// Link.
    pub all_figures: &'static str,
    /// Heading.
    pub latest_responses: &'static str,
    /// Link.
    pub all_responses: &'static str,
    /// Heading.
    pub figures_title: &'static str,
    /// Paragraph.
    pub figures_intro: &'static str,
    /// Heading.
    pub responses_title: &'static str,
    /// Label.
    pub action: &'static str,
    /// Heading.
    pub responses_in_order: &'static str,
    /// Label.
    pub also_called: &'static str,
    /// Label.
    pub city: &'static str,
    /// Heading.
    pub source_title: &'static str,
    /// Label.
    pub address: &'static str,
    /// Label.
    pub title: &'static str,
    /// Label.
    pub publisher: &'static str,
    /// Label.
    pub sha256: &'static str,
    /// Text.
    pub no_public_statement: &'static str,
    /// Heading.
    pub data_title: &'static str,
    /// Heading.
    pub about_title: &'static str,
    /// Map title.
    pub map_title: &'static str,
    /// Error title.
    pub not_found: &'static str,
    /// Error title.
    pub bad_request: &'static str,
    /// Error title.
    pub server_error: &'static str,
    /// Error text.
    pub server_error_detail: &'static str,
    /// Label.
    pub first_reported_in: &'static str,
    /// Option.
    pub any_report: &'static str,
    /// Label.
    pub sort_by: &'static str,
    /// Option.
    pub sort_default: &'static str,
    /// Navigation and heading.
    pub search: &'static str,
    /// Label of the search box.
    pub search_label: &'static str,
    /// Text.
    pub no_results: &'static str,
    /// Facet heading.
    pub kind_of_record: &'static str,
    /// Facet option.
    pub all: &'static str,
    /// Hint under the search form.
    pub search_hint: &'static str,
    /// Map description.
    pub map_description: &'static str,
}

/// English.
pub static EN: Text = Text {
    tag: "en",
    zh: false,
    switch_label: "中文",
    site: "Lookout",
    nav_label: "Main",
    nav_stations: "Stations",
    nav_figures: "Figures",
    nav_responses: "Responses",
    nav_data: "Data",
    nav_about: "About",
    nav_report: "Report",
    footer: "The bundled record is a draft compiled from secondary reporting: every fact links to its source, with its grade (source reliability A–F, information credibility 1–6). Places: GeoNames (CC BY 4.0). Country shapes: Natural Earth.",
    stations_title: "Reported overseas police service stations",
    country: "Country",
    bureau: "Bureau",
    status_any_step: "Status (at any step)",
    all_countries: "All countries",
    all_bureaus: "All bureaus",
    any_status: "Any status",
    any_action: "Any action",
    filter: "Filter",
    stations_caption: "Stations, with the latest status step recorded",
    station: "Station",
    operating_bureau: "Operating bureau",
    latest_status: "Latest status",
    first_reported: "First reported",
    not_named: "not named",
    no_station_matches: "No station matches.",
    all_stations: "All stations",
    located: "Located",
    not_named_in_sources: "not named in the sources",
    from_geonames: "from GeoNames",
    country_level_only: "at country level only",
    status_timeline: "Status timeline",
    first_reported_step: "first reported",
    date_unknown: "date unknown",
    according_to: "according to",
    sources: "Sources",
    every_statement: "Every statement, with its sources",
    conflicting_values: "conflicting values",
    source: "Source",
    kind: "Kind",
    grade: "Grade",
    date: "Date",
    says: "Says",
    guessed: "guessed",
    what_it_supports: "what it supports",
    per: "per",
    denies: "denies",
    responses_heading: "Government and institutional responses",
    no_responses_linked: "None linked to this station.",
    how_to_cite: "How to cite",
    cite_sources: "Cite the sources listed above for each fact; the grades are Lookout's, not the sources'.",
    stations_label: "Stations",
    none_recorded: "None recorded.",
    as_of: "as of",
    claimed_by: "claimed by",
    conflicting_claim: "Conflicting claim",
    home_title: "Overseas police service stations: the documented record",
    home_intro: "Chinese local public security bureaus opened “overseas police service stations” abroad, reportedly used to watch members of the diaspora and press them to return. This is a sourced record of what is documented: every fact links to its source and shows how strong the evidence is.",
    map_heading: "Where stations have been reported",
    map_text_version: "Stations by country (text version of the map)",
    stations_per_country: "Reported stations per country",
    stations_column: "Stations",
    where_column: "Where",
    headline_figures: "Headline figures",
    figures_intro_short: "Who claims each number is part of the record; conflicting claims are shown beside the figure they contradict.",
    all_figures: "All figures",
    latest_responses: "Latest government responses",
    all_responses: "All responses",
    figures_title: "Figures",
    figures_intro: "Numbers claimed about the stations and what they are used for: what is counted, how many, as of when, and who claims it. Where sources disagree, the claims stand side by side.",
    responses_title: "Government and institutional responses",
    action: "Action",
    responses_in_order: "Responses, in order",
    also_called: "Also called",
    city: "City",
    source_title: "Source",
    address: "Address",
    title: "Title",
    publisher: "Publisher",
    sha256: "SHA-256 of the captured original",
    no_public_statement: "No public statement cites this source.",
    data_title: "Download the data",
    about_title: "About and methodology",
    map_title: "Reported overseas police service stations by country",
    search: "Search",
    not_found: "Not found",
    bad_request: "Bad request",
    server_error: "Server error",
    server_error_detail: "Something went wrong on the server. The error has been logged.",
    first_reported_in: "First reported in",
    any_report: "Any report",
    sort_by: "Order",
    sort_default: "By id",
    search_label: "Search the record",
    no_results: "Nothing matches.",
    kind_of_record: "Kind of record",
    all: "All",
    search_hint: "Search in English or Chinese: places, bureaus (福州, 公安局, 青田), organisations, sources, words of the summaries.",
    map_description: "Countries shaded by the number of stations reported there; dots mark the cities. The same data is listed as a table below the map.",
};

/// Simplified Chinese.
pub static ZH: Text = Text {
    tag: "zh-Hans",
    zh: true,
    switch_label: "English",
    site: "Lookout",
    nav_label: "主导航",
    nav_stations: "警务站",
    nav_figures: "数字",
    nav_responses: "各国回应",
    nav_data: "数据",
    nav_about: "关于",
    nav_report: "报告遭遇",
    footer: "本站收录的记录是根据二手报道整理的草稿：每一条事实都链接到其来源，并标注等级（来源可靠性 A–F，信息可信度 1–6）。地名：GeoNames（CC BY 4.0）。国界：Natural Earth。",
    stations_title: "已报道的海外警务服务站",
    country: "国家",
    bureau: "公安局",
    status_any_step: "状态（任一阶段）",
    all_countries: "所有国家",
    all_bureaus: "所有公安局",
    any_status: "任何状态",
    any_action: "任何行动",
    filter: "筛选",
    stations_caption: "警务站及其最新记录的状态",
    station: "警务站",
    operating_bureau: "设立单位",
    latest_status: "最新状态",
    first_reported: "首次报道",
    not_named: "未具名",
    no_station_matches: "没有符合条件的警务站。",
    all_stations: "所有警务站",
    located: "位置",
    not_named_in_sources: "来源中未具名",
    from_geonames: "来自 GeoNames",
    country_level_only: "仅知所在国家",
    status_timeline: "状态时间线",
    first_reported_step: "首次报道",
    date_unknown: "日期不详",
    according_to: "据",
    sources: "来源",
    every_statement: "所有陈述及其来源",
    conflicting_values: "说法相互矛盾",
    source: "来源",
    kind: "类型",
    grade: "等级",
    date: "日期",
    says: "内容",
    guessed: "推测",
    what_it_supports: "该来源支持的内容",
    per: "据",
    denies: "否认",
    responses_heading: "政府及机构的回应",
    no_responses_linked: "没有与此警务站相关的回应。",
    how_to_cite: "如何引用",
    cite_sources: "引用每一条事实时，请引用上面列出的来源；等级由 Lookout 评定，并非来源自身的评定。",
    stations_label: "警务站",
    none_recorded: "暂无记录。",
    as_of: "截至",
    claimed_by: "声称者",
    conflicting_claim: "相互矛盾的说法",
    home_title: "海外警务服务站：有据可查的记录",
    home_intro: "中国地方公安局在海外设立了所谓“海外警务服务站”，据报道被用来监视海外侨民并施压迫使其回国。这里是有来源可查的记录：每一条事实都链接到来源，并显示证据的强弱。",
    map_heading: "已报道设有警务站的地方",
    map_text_version: "各国警务站（地图的文字版）",
    stations_per_country: "各国已报道的警务站",
    stations_column: "警务站",
    where_column: "地点",
    headline_figures: "主要数字",
    figures_intro_short: "每个数字由谁声称，是记录的一部分；相互矛盾的说法与其所反驳的数字并列显示。",
    all_figures: "所有数字",
    latest_responses: "最新的政府回应",
    all_responses: "所有回应",
    figures_title: "数字",
    figures_intro: "关于警务站及其用途的各种数字：统计的是什么、多少、截至何时、由谁声称。来源之间说法不一时，各说法并列显示。",
    responses_title: "政府及机构的回应",
    action: "行动",
    responses_in_order: "按时间顺序的回应",
    also_called: "又称",
    city: "城市",
    source_title: "来源",
    address: "网址",
    title: "标题",
    publisher: "发布者",
    sha256: "所存原件的 SHA-256",
    no_public_statement: "没有公开的陈述引用这一来源。",
    data_title: "下载数据",
    about_title: "关于本站与方法",
    map_title: "各国已报道的海外警务服务站",
    search: "搜索",
    not_found: "未找到",
    bad_request: "请求有误",
    server_error: "服务器错误",
    server_error_detail: "服务器出错了。错误已被记录。",
    first_reported_in: "首次报道于",
    any_report: "任何报告",
    sort_by: "排序",
    sort_default: "按编号",
    search_label: "搜索记录",
    no_results: "没有匹配的结果。",
    kind_of_record: "记录类型",
    all: "全部",
    search_hint: "可用中文或英文搜索：地点、公安局（福州、公安局、青田）、组织、来源、摘要中的字词。",
    map_description: "国家颜色越深，报道的警务站越多；圆点标出城市。地图下方的表格列出相同的数据。",
};

impl Text {
    /// The text of a language.
    pub fn of(lang: Lang) -> &'static Text {
        match lang {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// "12 of 86 reported stations."
    pub fn stations_shown(&self, shown: impl Borrow<usize>, total: impl Borrow<usize>) -> String {
        let (shown, total) = (*shown.borrow(), *total.borrow());
        if self.zh {
            format!("共 {total} 个已报道的警务站，显示 {shown} 个。每个都链接到关于它的所有陈述及其来源。")
        } else {
            format!("{shown} of {total} reported stations. Each links to every statement about it, with its sources.")
        }
    }

    /// "3 of 58 responses: …"
    pub fn responses_shown(&self, shown: impl Borrow<usize>, total: impl Borrow<usize>) -> String {
        let (shown, total) = (*shown.borrow(), *total.borrow());
        if self.zh {
            format!("共 {total} 项回应，显示 {shown} 项：调查、关闭令、逮捕和起诉、议会答复、官方否认。")
        } else {
            format!("{shown} of {total} responses: investigations, closure orders, arrests and charges, parliamentary answers, official denials.")
        }
    }

    /// The map's caption.
    pub fn map_caption(&self, stations: impl Borrow<usize>, countries: impl Borrow<usize>) -> String {
        let (stations, countries) = (*stations.borrow(), *countries.borrow());
        if self.zh {
            format!("已报道的警务站共 {stations} 个，分布在 {countries} 个国家。颜色越深的国家警务站越多；圆点标出城市。下面以列表列出相同的数据。")
        } else {
            format!("{stations} reported stations in {countries} countries. Darker countries have more; dots mark cities. The same data as a list follows.")
        }
    }

    /// "Reported stations (11)".
    pub fn reported_stations(&self, n: impl Borrow<usize>) -> String {
        let n = *n.borrow();
        if self.zh {
            format!("已报道的警务站（{n} 个）")
        } else {
            format!("Reported stations ({n})")
        }
    }

    /// "Stations it is reported to operate (5)".
    pub fn operated_stations(&self, n: impl Borrow<usize>) -> String {
        let n = *n.borrow();
        if self.zh {
            format!("据报道由其设立的警务站（{n} 个）")
        } else {
            format!("Stations it is reported to operate ({n})")
        }
    }

    /// A country's label on the map.
    pub fn map_country_label(&self, name: &str, n: usize) -> String {
        if self.zh {
            format!("{name}：已报道 {n} 个警务站")
        } else {
            format!("{name}: {n} reported station{}", if n == 1 { "" } else { "s" })
        }
    }

    /// A date in the language's form (`12 September 2022`, `2022年9月12日`).
    pub fn date(&self, date: impl Value<PartialDate>) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let d = date.value();
        let y = format!("{:04}", d.year());
        match (d.month(), d.day(), self.zh) {
            (None, _, true) => format!("{y}年"),
            (Some(m), None, true) => format!("{y}年{m}月"),
            (Some(m), Some(day), true) => format!("{y}年{m}月{day}日"),
            (None, _, false) => y,
            (Some(m), None, false) => format!("{} {y}", MONTHS[usize::from(m) - 1]),
            (Some(m), Some(day), false) => format!("{day} {} {y}", MONTHS[usize::from(m) - 1]),
        }
    }

    /// When a status step was reached: its date, or "by" the date it was reached by.
    pub fn step_date(&self, when: impl Value<StepDate>) -> String {
        let when = when.value();
        let by = match (when.by, self.zh) {
            (false, _) => "",
            (true, true) => "不晚于",
            (true, false) => "by ",
        };
        format!("{by}{}", self.date(when.date))
    }

    /// "12 results for …".
    pub fn results_for(&self, n: impl Borrow<usize>, q: &str) -> String {
        let n = *n.borrow();
        if self.zh {
            format!("“{q}”共有 {n} 个结果")
        } else {
            format!("{n} result{} for “{q}”", if n == 1 { "" } else { "s" })
        }
    }

    /// An order of the stations list as words.
    pub fn sort_label(&self, code: &str) -> String {
        let (en, zh) = match code {
            "city" => ("city", "城市"),
            "country" => ("country", "国家"),
            "reported" => ("newest first report", "最新报道在前"),
            "status" => ("latest status", "最新状态"),
            other => (other, other),
        };
        if self.zh { zh } else { en }.to_string()
    }

    /// A schema name as words.
    pub fn schema(&self, code: &str) -> String {
        let (en, zh) = match code {
            "Station" => ("station", "警务站"),
            "PublicBody" => ("public body", "公共机构"),
            "Organization" => ("organisation", "组织"),
            "Place" => ("place", "地点"),
            "Response" => ("response", "回应"),
            "Figure" => ("figure", "数字"),
            "Operation" => ("operation link", "运营关系"),
            "Hosting" => ("hosting link", "承办关系"),
            "Link" => ("link", "关联"),
            "Membership" => ("membership", "成员关系"),
            "Incident" => ("incident", "事件"),
            "Source" => ("source", "来源"),
            "Document" => ("document", "文件"),
            other => (other, other),
        };
        if self.zh { zh } else { en }.to_string()
    }

    /// Words about ingested documents and their copies.
    pub fn words(&self, key: &str) -> &'static str {
        let (en, zh) = match key {
            "documents" => ("Documents", "文件"),
            "sources_heading" => ("Sources, originals first", "来源（原件在前）"),
            "copies" => ("copies", "转载"),
            "copy_of" => ("a copy of", "转载自"),
            "copies_heading" => ("Copies of this document", "本文件的转载"),
            "document_heading" => ("The captured document", "所存文件"),
            "language" => ("Language", "语言"),
            "characters" => ("Characters of text", "文本字数"),
            "restricted" => ("Its text is not public.", "其文本不公开。"),
            _ => ("", ""),
        };
        if self.zh {
            zh
        } else {
            en
        }
    }

    /// A station status as words.
    pub fn status(&self, status: impl Value<StationStatus>) -> String {
        let code = status.value().as_str();
        let zh = match code {
            "reported" => "已被报道",
            "under_investigation" => "调查中",
            "searched_by_police" => "遭警方搜查",
            "closure_ordered" => "被勒令关闭",
            "closed" => "已关闭",
            "reported_closed" => "据报已关闭",
            "closed_per_chinese_embassy" => "据中国使馆称已关闭",
            "closed_per_host_government" => "据所在国政府称已关闭",
            "denied" => "存在被否认",
            "charges_filed" => "已提起指控",
            "guilty_plea" => "被告认罪",
            "reported_country_only" => "仅报道所在国家",
            "reported_count_only" => "仅计入总数",
            _ => "",
        };
        if self.zh && !zh.is_empty() {
            zh.to_string()
        } else {
            code.replace('_', " ")
        }
    }

    /// A response action as words.
    pub fn action(&self, code: &str) -> String {
        let zh = match code {
            "statement" => "声明",
            "parliamentary_question" => "议会质询",
            "investigation_opened" => "启动调查",
            "monitoring" => "监控",
            "search" => "搜查",
            "official_denial" => "官方否认",
            "closure_ordered" => "勒令关闭",
            "investigation_confirmed" => "确认调查",
            "diplomatic_protest" => "外交抗议",
            "testimony" => "作证",
            "investigation_announced" => "宣布调查",
            "parliamentary_answer" => "议会答复",
            "review_opened" => "启动审查",
            "denial" => "否认",
            "parliamentary_demand" => "议会要求说明",
            "closure_confirmed" => "确认关闭",
            "hearing" => "听证会",
            "policy_change" => "政策改变",
            "briefing" => "情况通报",
            "diplomatic_representation" => "外交交涉",
            "investigation_reported" => "据报正在调查",
            "closure_reported" => "据报已关闭",
            "review_concluded" => "审查结束",
            "stated_cessation" => "声明停止活动",
            "arrests_and_charges" => "逮捕并起诉",
            "finding_reported" => "公布调查发现",
            "investigation_concluded" => "调查结束",
            "bilateral_agreement" => "双边协议",
            "debate" => "辩论",
            "guilty_plea" => "认罪",
            _ => "",
        };
        if self.zh && !zh.is_empty() {
            zh.to_string()
        } else {
            code.replace('_', " ")
        }
    }

    /// A property name as words.
    pub fn prop(&self, name: &str) -> String {
        let (en, zh) = match name {
            "city" => ("city", "城市"),
            "country" => ("country", "国家"),
            "address" => ("address", "地址"),
            "place" => ("place (gazetteer)", "地点（地名库）"),
            "firstReportedIn" => ("first reported in", "首次报道于"),
            "reportedDate" => ("reported on", "报道日期"),
            "status" => ("status", "状态"),
            "statusNote" => ("status note", "状态说明"),
            "operatorNote" => ("note on the operator", "关于设立单位的说明"),
            "name" => ("name", "名称"),
            "notes" => ("notes", "备注"),
            other => (other, other),
        };
        if self.zh { zh } else { en }.to_string()
    }

    /// A source kind as words.
    pub fn source_kind(&self, kind: impl Value<SourceKind>) -> String {
        let code = kind.value().as_str();
        let zh = match code {
            "official" => "官方",
            "court" => "法院",
            "ngo_report" => "非政府组织报告",
            "news" => "新闻",
            "repost" => "转载",
            "social" => "社交媒体",
            "testimony" => "证言",
            "reference" => "参考资料",
            "file" => "文件",
            _ => "",
        };
        if self.zh && !zh.is_empty() {
            zh.to_string()
        } else {
            code.replace('_', " ")
        }
    }

    /// What a grade such as `C2` means.
    pub fn grade_meaning(&self, grade: &str) -> String {
        let mut chars = grade.chars();
        let (r, c) = (chars.next().unwrap_or('F'), chars.next().unwrap_or('6'));
        let (re, rz) = match r {
            'A' => ("completely reliable", "完全可靠"),
            'B' => ("usually reliable", "通常可靠"),
            'C' => ("fairly reliable", "较为可靠"),
            'D' => ("not usually reliable", "通常不可靠"),
            'E' => ("unreliable", "不可靠"),
            _ => ("reliability cannot be judged", "可靠性无法判断"),
        };
        let (ce, cz) = match c {
            '1' => ("confirmed by other sources", "经其他来源证实"),
            '2' => ("probably true", "很可能属实"),
            '3' => ("possibly true", "可能属实"),
            '4' => ("doubtful", "存疑"),
            '5' => ("improbable", "不大可能属实"),
            _ => ("truth cannot be judged", "真实性无法判断"),
        };
        if self.zh {
            format!("来源{rz}；信息{cz}")
        } else {
            format!("source {re}; information {ce}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"), Lang::Zh);
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9,zh;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("fr-FR,zh-TW;q=0.7"), Lang::Zh);
        assert_eq!(Lang::from_accept_language("de"), Lang::En);
        assert_eq!(Lang::from_accept_language(""), Lang::En);
    }

    #[test]
    fn query_beats_cookie_beats_header() {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, "zh-CN".parse().unwrap());
        assert_eq!(Lang::of_request(None, &headers), Lang::Zh);
        headers.insert(header::COOKIE, "a=b; lang=en".parse().unwrap());
        assert_eq!(Lang::of_request(None, &headers), Lang::En);
        assert_eq!(Lang::of_request(Some("country=NL&lang=zh"), &headers), Lang::Zh);
        assert_eq!(Lang::of_request(Some("lang=xx"), &headers), Lang::En);
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        let date = |s: &str| s.parse::<PartialDate>().unwrap();
        let by = |s: &str| StepDate { date: date(s), by: true };
        assert_eq!(EN.date(date("2022-09-12")), "12 September 2022");
        assert_eq!(EN.date(date("2022-11")), "November 2022");
        assert_eq!(EN.date(date("2023")), "2023");
        assert_eq!(EN.step_date(by("2023")), "by 2023");
        assert_eq!(ZH.date(date("2022-09-12")), "2022年9月12日");
        assert_eq!(ZH.date(date("2022-11")), "2022年11月");
        assert_eq!(ZH.step_date(by("2023")), "不晚于2023年");
        assert_eq!(ZH.step_date(StepDate { date: date("2023-01"), by: false }), "2023年1月");
    }

    #[test]
    fn vocabularies_are_translated_with_english_fallback() {
        assert_eq!(ZH.status(StationStatus::ClosureOrdered), "被勒令关闭");
        assert_eq!(EN.status(StationStatus::ClosureOrdered), "closure ordered");
        assert_eq!(ZH.action("made_up_action"), "made up action");
        assert_eq!(ZH.grade_meaning("C2"), "来源较为可靠；信息很可能属实");
        for s in lookout_core::StationStatus::ALL {
            assert_ne!(ZH.status(s), s.as_str().replace('_', " "), "{s} untranslated");
        }
    }
}
