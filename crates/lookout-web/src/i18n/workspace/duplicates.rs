//! Duplicates: the candidate pairs xref ranks, side by side with the explanation of their score,
//! decisions on them, the decisions in force and the clusters they make.

/// The duplicates section's words.
#[derive(Debug)]
pub struct DuplicatesText {
    /// Heading.
    pub title: &'static str,
    /// What the page lists.
    pub intro: &'static str,
    /// Sub-navigation label.
    pub views_label: &'static str,
    /// Sub-navigation: the candidates.
    pub candidates: &'static str,
    /// Sub-navigation: the decisions in force.
    pub decided: &'static str,
    /// Sub-navigation: the clusters.
    pub clusters: &'static str,
    /// Shown while the first ranking runs (the page reloads by itself).
    pub ranking: &'static str,
    /// Shown with a ranking of an earlier version of the record while a new one runs.
    pub reranking: &'static str,
    /// "candidate pairs" after their number.
    pub pairs_count: &'static str,
    /// Shown when no candidate is left.
    pub none: &'static str,
    /// Label of a pair's score.
    pub score: &'static str,
    /// A score at or above the threshold.
    pub likely: &'static str,
    /// A score below it.
    pub possible: &'static str,
    /// Row heading: names.
    pub names: &'static str,
    /// Row heading: schema.
    pub kind: &'static str,
    /// Row heading: country.
    pub country: &'static str,
    /// "statements in all" after a number.
    pub statements_total: &'static str,
    /// Link to an entity's workspace page.
    pub open_record: &'static str,
    /// Heading of the explanation.
    pub why: &'static str,
    /// The names compared.
    pub compared: &'static str,
    /// A feature that supports a match.
    pub supports: &'static str,
    /// A feature that speaks against one.
    pub against: &'static str,
    /// Legend of the decision form.
    pub decide: &'static str,
    /// Judgement words by code: match, no-match, unsure, undone.
    pub judgements: [(&'static str, &'static str); 4],
    /// Button: they are one.
    pub decide_match: &'static str,
    /// Button: they are not.
    pub decide_no_match: &'static str,
    /// Button: cannot tell.
    pub decide_unsure: &'static str,
    /// "Page 1 of 3" around its two numbers.
    pub page_of: [&'static str; 3],
    /// Pagination.
    pub previous: &'static str,
    /// Pagination.
    pub next: &'static str,
    /// The decisions in force: what the page lists.
    pub decided_intro: &'static str,
    /// Column: the pair.
    pub pair: &'static str,
    /// Column: the decision.
    pub decision: &'static str,
    /// Column: who.
    pub by: &'static str,
    /// Column: when.
    pub when: &'static str,
    /// Button.
    pub undo: &'static str,
    /// No decision in force.
    pub none_decided: &'static str,
    /// The clusters: what the page lists.
    pub clusters_intro: &'static str,
    /// A cluster's canonical id.
    pub canonical: &'static str,
    /// No cluster.
    pub none_clusters: &'static str,
}

/// English.
pub const EN: DuplicatesText = DuplicatesText {
    title: "Duplicates",
    intro: "Pairs of organisations and public bodies whose names may say the same entity, best first, as lookout xref ranks them. Pairs already decided are left out.",
    views_label: "Duplicates",
    candidates: "Candidates",
    decided: "Decisions in force",
    clusters: "Clusters",
    ranking: "Ranking the record's names… This page reloads by itself.",
    reranking: "The record has changed since this ranking; a new one is running. Reload in a moment for it.",
    pairs_count: "candidate pairs",
    none: "No candidates: every pair the ranking found has been decided.",
    score: "Score",
    likely: "likely the same",
    possible: "possibly the same",
    names: "Names",
    kind: "Kind",
    country: "Country",
    statements_total: "statements in all",
    open_record: "Open in the record",
    why: "Why this score",
    compared: "Names compared",
    supports: "supports a match",
    against: "speaks against",
    decide: "Are they one entity?",
    judgements: [
        ("match", "the same entity"),
        ("no-match", "different entities"),
        ("unsure", "unsure"),
        ("undone", "undone"),
    ],
    decide_match: "Same entity",
    decide_no_match: "Different entities",
    decide_unsure: "Unsure",
    page_of: ["Page ", " of ", ""],
    previous: "Previous",
    next: "Next",
    decided_intro: "The decision in force on each pair, newest first. Undoing a decision puts the pair back among the candidates; undoing a match splits its cluster.",
    pair: "Pair",
    decision: "Decision",
    by: "By",
    when: "When",
    undo: "Undo",
    none_decided: "No decision is in force.",
    clusters_intro: "The entities that match decisions join into one. Exports list each cluster under its canonical id (the smallest).",
    canonical: "Canonical id",
    none_clusters: "No clusters yet: a match decision joins two entities into one.",
};

/// Simplified Chinese.
pub const ZH: DuplicatesText = DuplicatesText {
    title: "重复实体",
    intro: "名称可能指同一实体的组织和公共机构配对，按 lookout xref 的排序由高到低列出。已作出决定的配对不再列出。",
    views_label: "重复实体",
    candidates: "候选配对",
    decided: "现行决定",
    clusters: "合并组",
    ranking: "正在对记录中的名称排序……本页会自动刷新。",
    reranking: "记录在本次排序之后有所变化，正在重新排序。请稍后刷新查看。",
    pairs_count: "个候选配对",
    none: "没有候选配对：排序找到的每一对都已作出决定。",
    score: "得分",
    likely: "很可能相同",
    possible: "可能相同",
    names: "名称",
    kind: "类型",
    country: "国家",
    statements_total: "条陈述",
    open_record: "在记录中打开",
    why: "得分依据",
    compared: "比较的名称",
    supports: "支持匹配",
    against: "不支持匹配",
    decide: "它们是同一实体吗？",
    judgements: [("match", "同一实体"), ("no-match", "不同实体"), ("unsure", "不确定"), ("undone", "已撤销")],
    decide_match: "同一实体",
    decide_no_match: "不同实体",
    decide_unsure: "不确定",
    page_of: ["第 ", " 页，共 ", " 页"],
    previous: "上一页",
    next: "下一页",
    decided_intro: "每个配对的现行决定，最新的在前。撤销决定后，该配对重新列入候选；撤销匹配会拆分其合并组。",
    pair: "配对",
    decision: "决定",
    by: "决定人",
    when: "时间",
    undo: "撤销",
    none_decided: "目前没有现行决定。",
    clusters_intro: "匹配决定将实体合并为一。导出时每个合并组使用其规范编号（最小的编号）。",
    canonical: "规范编号",
    none_clusters: "尚无合并组：匹配决定会把两个实体合并为一。",
};
