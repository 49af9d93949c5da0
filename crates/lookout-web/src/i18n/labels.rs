//! Labels of dates and of the vocabularies (statuses, actions, source kinds, properties, schemata,
//! grades, orders, reporters' statuses), each in both languages. Where the vocabulary is a type
//! the match is exhaustive; where it is open text (actions, properties) an unknown value is shown
//! as itself, never as empty text.

use lookout_core::timeline::StepDate;
use lookout_core::{PartialDate, SourceKind, StationStatus};

use super::text::Text;

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

impl Text {
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

    /// A station status as words (the English is the code's own words).
    pub fn status(&self, status: impl Value<StationStatus>) -> String {
        let status = status.value();
        if !self.zh {
            return status.as_str().replace('_', " ");
        }
        match status {
            StationStatus::Reported => "已被报道",
            StationStatus::UnderInvestigation => "调查中",
            StationStatus::SearchedByPolice => "遭警方搜查",
            StationStatus::ClosureOrdered => "被勒令关闭",
            StationStatus::Closed => "已关闭",
            StationStatus::ReportedClosed => "据报已关闭",
            StationStatus::ClosedPerChineseEmbassy => "据中国使馆称已关闭",
            StationStatus::ClosedPerHostGovernment => "据所在国政府称已关闭",
            StationStatus::Denied => "存在被否认",
            StationStatus::Arrested => "相关人员被捕",
            StationStatus::ChargesFiled => "已提起指控",
            StationStatus::GuiltyPlea => "被告认罪",
            StationStatus::Convicted => "被告被判有罪",
            StationStatus::Acquitted => "被告被判无罪",
            StationStatus::InvestigationClosed => "调查结束，未提起指控",
            StationStatus::NoEvidenceFound => "警方未发现证据",
            StationStatus::NoFormalInvestigation => "未知有正式调查",
            StationStatus::ReferredToProsecutors => "移送检察机关",
            StationStatus::LawsuitFiled => "被指涉方提起诉讼",
            StationStatus::ReportedCountryOnly => "仅报道所在国家",
            StationStatus::ReportedCountOnly => "仅计入总数",
        }
        .to_string()
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

    /// A source kind as words (the English is the code's own words).
    pub fn source_kind(&self, kind: impl Value<SourceKind>) -> String {
        let kind = kind.value();
        if !self.zh {
            return kind.as_str().replace('_', " ");
        }
        match kind {
            SourceKind::Official => "官方",
            SourceKind::Court => "法院",
            SourceKind::NgoReport => "非政府组织报告",
            SourceKind::News => "新闻",
            SourceKind::Repost => "转载",
            SourceKind::Social => "社交媒体",
            SourceKind::Testimony => "证言",
            SourceKind::Reference => "参考资料",
            SourceKind::File => "文件",
        }
        .to_string()
    }

    /// A report's status as its reporter sees it (a status this does not know reads as being reviewed).
    pub fn report_status(&self, status: &str) -> &'static str {
        let (en, zh) = match status {
            "new" => ("received", "已收到"),
            "needs-information" => ("more information needed", "需要更多信息"),
            "published" => {
                ("counted in the public figures (nothing identifying)", "已纳入公开统计（不含任何可识别信息）")
            }
            "closed" => ("closed", "已结案"),
            _ => ("being reviewed", "审核中"),
        };
        if self.zh {
            zh
        } else {
            en
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
    use crate::i18n::en::EN;
    use crate::i18n::zh::ZH;

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
        assert_eq!(EN.source_kind(SourceKind::NgoReport), "ngo report");
        assert_eq!(ZH.report_status("triaged"), "审核中");
        assert_eq!(EN.report_status("needs-information"), "more information needed");
        assert_eq!(ZH.grade_meaning("C2"), "来源较为可靠；信息很可能属实");
        for s in lookout_core::StationStatus::ALL {
            assert_ne!(ZH.status(s), s.as_str().replace('_', " "), "{s} untranslated");
        }
    }
}
