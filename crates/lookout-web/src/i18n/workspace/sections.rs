//! The words of the workspace's other sections: documents, sources.

/// Documents: upload and a document's page.
#[derive(Debug)]
pub struct WsDocumentsText {
    /// Heading.
    pub title: &'static str,
}

/// English.
pub const DOCUMENTS_EN: WsDocumentsText = WsDocumentsText { title: "Documents" };
/// Simplified Chinese.
pub const DOCUMENTS_ZH: WsDocumentsText = WsDocumentsText { title: "文件" };

/// Sources: kinds, reliability, copies.
#[derive(Debug)]
pub struct SourcesText {
    /// Heading.
    pub title: &'static str,
}

/// English.
pub const SOURCES_EN: SourcesText = SourcesText { title: "Sources" };
/// Simplified Chinese.
pub const SOURCES_ZH: SourcesText = SourcesText { title: "来源" };
