//! Whose inquiry a sentence reports. An inquiry is a station's step (`under_investigation`) only
//! when an authority makes it: a rights group's "investigation" (Safeguard Defenders', 保护卫士的
//! 一项调查) is its report of the stations, and a sentence that names such a group and no
//! authority reports them (`reported`) and no inquiry.

/// Words naming a rights group or its report.
const GROUPS: &[&str] = &[
    "safeguard defenders",
    "rights group",
    "human rights organi",
    "non-governmental organi",
    "ngo",
    "保护卫士",
    "人权组织",
    "人权团体",
    "非政府组织",
];

/// Words naming an authority that may open an inquiry.
const AUTHORITIES: &[&str] = &[
    "police",
    "authorit",
    "government",
    "prosecutor",
    "ministry",
    "minister",
    "department",
    "fbi",
    "rcmp",
    "intelligence",
    "security service",
    "警方",
    "骑警",
    "警视厅",
    "警察厅",
    "国家警察",
    "当局",
    "政府",
    "检察",
    "部长",
    "外交部",
    "内政部",
    "司法部",
    "调查局",
    "情报",
    "安全局",
    "检方",
    "法院",
];

/// Whether `lower` (a sentence in lower case, simplified) names a rights group and no authority:
/// its "investigation" is the group's.
pub(super) fn by_a_rights_group(lower: &str) -> bool {
    if !GROUPS.iter().any(|g| lower.contains(g)) {
        return false;
    }
    // The groups' own words name no authority ("non-governmental", 非政府组织).
    let rest = GROUPS.iter().fold(lower.to_string(), |rest, g| rest.replace(g, " "));
    !AUTHORITIES.iter().any(|a| rest.contains(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rights_groups_inquiry_is_its_report() {
        assert!(by_a_rights_group("「保护卫士」组织已经对西班牙和塞尔维亚的“服务站”的种种行为进行了调查"));
        assert!(by_a_rights_group("a recent investigation carried out by civil rights group safeguard defenders"));
        assert!(!by_a_rights_group("dutch police opened an investigation after a report by safeguard defenders"));
        assert!(!by_a_rights_group("荷兰政府在保护卫士发布报告后展开调查"));
        assert!(!by_a_rights_group("the fbi is investigating the station"));
        // A station's words are no authority's.
        assert!(by_a_rights_group("非政府组织“保护卫士”一份题为《中国跨国警务失控》的报告,调查"));
    }
}
