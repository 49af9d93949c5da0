//! The words of the workspace's other sections: documents, sources, duplicates, accounts.

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

/// Duplicates: candidates, decisions, clusters.
#[derive(Debug)]
pub struct DuplicatesText {
    /// Heading.
    pub title: &'static str,
}

/// English.
pub const DUPLICATES_EN: DuplicatesText = DuplicatesText { title: "Duplicates" };
/// Simplified Chinese.
pub const DUPLICATES_ZH: DuplicatesText = DuplicatesText { title: "重复实体" };

/// Accounts (admins).
#[derive(Debug)]
pub struct AccountsText {
    /// Heading.
    pub title: &'static str,
}

/// English.
pub const ACCOUNTS_EN: AccountsText = AccountsText { title: "Accounts" };
/// Simplified Chinese.
pub const ACCOUNTS_ZH: AccountsText = AccountsText { title: "账户" };
