//! Documents: the list, the upload form, an upload's progress, and a document's page.

/// The documents section's words.
#[derive(Debug)]
pub struct WsDocumentsText {
    /// Heading.
    pub title: &'static str,
    /// Shown when there is no document.
    pub none: &'static str,
    /// Column.
    pub source: &'static str,
    /// Column.
    pub language: &'static str,
    /// Column.
    pub restricted: &'static str,
    /// Column.
    pub size: &'static str,
    /// Column.
    pub open_proposals: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Pagination.
    pub previous: &'static str,
    /// Pagination.
    pub next: &'static str,
    /// Heading of the upload form.
    pub upload_title: &'static str,
    /// Label.
    pub files: &'static str,
    /// Hint under the files field.
    pub files_hint: &'static str,
    /// Label.
    pub url: &'static str,
    /// Hint.
    pub url_hint: &'static str,
    /// Label.
    pub published: &'static str,
    /// Hint.
    pub published_hint: &'static str,
    /// Label.
    pub kind: &'static str,
    /// Option: no kind given.
    pub kind_guess: &'static str,
    /// Label.
    pub lang: &'static str,
    /// Option: detect the language.
    pub lang_detect: &'static str,
    /// Language options, by code.
    pub langs: [(&'static str, &'static str); 3],
    /// Label of the checkbox.
    pub restricted_label: &'static str,
    /// Button.
    pub upload: &'static str,
    /// Heading of an upload's page.
    pub job_title: &'static str,
    /// Waiting for another upload.
    pub job_queued: &'static str,
    /// Reading; the page refreshes itself.
    pub job_running: &'static str,
    /// Done.
    pub job_done: &'static str,
    /// Stopped, nothing kept.
    pub job_stopped: &'static str,
    /// Link to reload by hand.
    pub reload: &'static str,
    /// Column.
    pub file: &'static str,
    /// Column.
    pub state: &'static str,
    /// File state.
    pub state_waiting: &'static str,
    /// File state.
    pub state_reading: &'static str,
    /// Stage of a run: reading what the record knows.
    pub stage_record: &'static str,
    /// Stage of a file: its text being taken out (its size follows).
    pub stage_extracting: &'static str,
    /// Stage of a file: mentions being found (a number of characters follows).
    pub stage_finding: &'static str,
    /// "characters" after a number.
    pub characters_word: &'static str,
    /// Stage of a run: the documents being written to the record and the search index.
    pub stage_recording: &'static str,
    /// File state.
    pub state_read: &'static str,
    /// File state.
    pub state_failed: &'static str,
    /// "proposals" after a number.
    pub proposals_word: &'static str,
    /// "mentions" after a number.
    pub mentions_word: &'static str,
    /// "seconds" after a number.
    pub seconds: &'static str,
    /// Link: the document's page.
    pub open: &'static str,
    /// Link: its proposals in the inbox.
    pub in_inbox: &'static str,
    /// Link back to the list.
    pub back: &'static str,
    /// Heading: the text.
    pub text: &'static str,
    /// Only the start of a long text is shown; before the numbers.
    pub text_cut: &'static str,
    /// "characters" after a number.
    pub characters: &'static str,
    /// The text was not kept for reading.
    pub no_reading: &'static str,
    /// What the marks mean.
    pub legend: &'static str,
    /// Mention kinds, by code.
    pub mention_kinds: [(&'static str, &'static str); 4],
    /// Heading.
    pub proposals: &'static str,
    /// Shown when there is none.
    pub no_proposals: &'static str,
    /// Proposal states: open, accepted, rejected.
    pub proposal_states: [(&'static str, &'static str); 3],
    /// Heading.
    pub copies: &'static str,
    /// "A copy of".
    pub copy_of: &'static str,
    /// "Copies of it".
    pub copied_by: &'static str,
    /// Neither a copy nor copied.
    pub no_copies: &'static str,
    /// Heading.
    pub capture: &'static str,
    /// Label.
    pub sha256: &'static str,
    /// Label.
    pub captured_by: &'static str,
    /// Label.
    pub captured_at: &'static str,
    /// Label.
    pub original_name: &'static str,
    /// Label.
    pub media_type: &'static str,
    /// The capture record is missing.
    pub no_capture: &'static str,
    /// Link.
    pub download: &'static str,
}

/// The words a table gives `code`, or the code itself when the table lacks it.
fn word(table: &[(&'static str, &'static str)], code: &str) -> String {
    table.iter().find(|(c, _)| *c == code).map_or_else(|| code.to_string(), |(_, w)| w.to_string())
}

impl WsDocumentsText {
    /// A mention's kind in words.
    pub fn mention_kind(&self, code: &str) -> String {
        word(&self.mention_kinds, code)
    }

    /// A proposal's state in words.
    pub fn proposal_state(&self, code: &str) -> String {
        word(&self.proposal_states, code)
    }

    /// A language in words (a code the form does not offer is shown as itself).
    pub fn language(&self, code: &str) -> String {
        word(&self.langs, code)
    }
}

/// English.
pub const EN: WsDocumentsText = WsDocumentsText {
    title: "Documents",
    none: "No documents yet.",
    source: "Source",
    language: "Language",
    restricted: "Restricted",
    size: "Size",
    open_proposals: "Open proposals",
    yes: "yes",
    no: "no",
    previous: "Previous",
    next: "Next",
    upload_title: "Upload documents",
    files: "Files",
    files_hint: ".txt, .md, .html or .pdf; several at once, each up to 50 MB.",
    url: "Address where it was published",
    url_hint: "http(s); for one file only. Without one, the document stays out of public search.",
    published: "Published",
    published_hint: "YYYY, YYYY-MM or YYYY-MM-DD.",
    kind: "Kind of source",
    kind_guess: "Guess from the address",
    lang: "Language",
    lang_detect: "Detect from the text",
    langs: [("en", "English"), ("zh", "Chinese"), ("mixed", "Mixed")],
    restricted_label: "Restricted: keep its text out of public search and its original from the public",
    upload: "Upload and read",
    job_title: "Upload",
    job_queued: "Waiting for another upload to finish.",
    job_running: "Reading the documents. This page refreshes itself every few seconds.",
    job_done: "Done: the documents read are in the record's documents, their proposals in the inbox.",
    job_stopped: "Stopped: nothing of this upload was kept.",
    reload: "Refresh now",
    file: "File",
    state: "State",
    state_waiting: "waiting",
    state_reading: "reading",
    stage_record: "Reading what the record knows (its stations, bureaus and organisations).",
    stage_extracting: "taking out the text",
    stage_finding: "finding mentions in",
    characters_word: "characters",
    stage_recording: "Writing the documents to the record and the search index.",
    state_read: "read",
    state_failed: "could not be read: nothing of it was kept",
    proposals_word: "proposals",
    mentions_word: "mentions",
    seconds: "s",
    open: "Open the document",
    in_inbox: "Its proposals in the inbox",
    back: "All documents",
    text: "Text",
    text_cut: "Only the start of the text is shown:",
    characters: "characters",
    no_reading: "The text of this document was not kept for reading: ingest or upload it again to see it here.",
    legend: "Marked:",
    mention_kinds: [("place", "place"), ("organisation", "organisation"), ("figure", "figure"), ("date", "date")],
    proposals: "Proposals",
    no_proposals: "This document proposes nothing.",
    proposal_states: [("open", "open"), ("accepted", "accepted"), ("rejected", "rejected")],
    copies: "Copies",
    copy_of: "A copy of",
    copied_by: "Copied by",
    no_copies: "Neither a copy of another document nor copied by one.",
    capture: "Capture record",
    sha256: "SHA-256",
    captured_by: "Captured by",
    captured_at: "Captured at",
    original_name: "Original name",
    media_type: "Media type",
    no_capture: "The capture record is missing.",
    download: "Download the original",
};

/// Simplified Chinese.
pub const ZH: WsDocumentsText = WsDocumentsText {
    title: "文件",
    none: "尚无文件。",
    source: "来源",
    language: "语言",
    restricted: "受限",
    size: "大小",
    open_proposals: "待审建议",
    yes: "是",
    no: "否",
    previous: "上一页",
    next: "下一页",
    upload_title: "上传文件",
    files: "文件",
    files_hint: ".txt、.md、.html 或 .pdf；可一次上传多个，每个不超过 50 MB。",
    url: "发布地址",
    url_hint: "http(s)；仅限一个文件。没有地址的文件不进入公开搜索。",
    published: "发布日期",
    published_hint: "YYYY、YYYY-MM 或 YYYY-MM-DD。",
    kind: "来源类型",
    kind_guess: "根据地址推测",
    lang: "语言",
    lang_detect: "根据文本识别",
    langs: [("en", "英文"), ("zh", "中文"), ("mixed", "混合")],
    restricted_label: "受限：其文字不进入公开搜索，原件不向公众提供",
    upload: "上传并读取",
    job_title: "上传",
    job_queued: "正在等待另一次上传完成。",
    job_running: "正在读取文件。本页每隔几秒自动刷新。",
    job_done: "完成：已读取的文件已加入文件列表，其建议已进入待审建议。",
    job_stopped: "已停止：本次上传的内容均未保留。",
    reload: "立即刷新",
    file: "文件",
    state: "状态",
    state_waiting: "等待中",
    state_reading: "读取中",
    stage_record: "正在读取记录中已有的内容（站点、公安机关和组织）。",
    stage_extracting: "正在提取文字",
    stage_finding: "正在查找提及，文字共",
    characters_word: "字",
    stage_recording: "正在把文件写入记录和搜索索引。",
    state_read: "已读取",
    state_failed: "无法读取：未保留任何内容",
    proposals_word: "条建议",
    mentions_word: "处提及",
    seconds: "秒",
    open: "打开文件",
    in_inbox: "在待审建议中查看",
    back: "所有文件",
    text: "文本",
    text_cut: "仅显示文本开头：",
    characters: "个字符",
    no_reading: "此文件的文本未保存以供阅读：请重新导入或上传以在此查看。",
    legend: "标记：",
    mention_kinds: [("place", "地点"), ("organisation", "机构"), ("figure", "数字"), ("date", "日期")],
    proposals: "建议",
    no_proposals: "此文件没有任何建议。",
    proposal_states: [("open", "待审"), ("accepted", "已接受"), ("rejected", "已拒绝")],
    copies: "副本",
    copy_of: "转载自",
    copied_by: "被以下文件转载",
    no_copies: "既非其他文件的副本，也未被转载。",
    capture: "采集记录",
    sha256: "SHA-256",
    captured_by: "采集人",
    captured_at: "采集时间",
    original_name: "原文件名",
    media_type: "媒体类型",
    no_capture: "缺少采集记录。",
    download: "下载原件",
};
