//! The words of the analysts' workspace, one file per section, each holding its table and both
//! languages (so that a section's words are changed in one place). [`WorkspaceText`] gathers them
//! into [`super::Text`].

mod accounts;
mod chrome;
mod confirm;
mod documents;
mod duplicates;
mod inbox;
mod record;
mod sources;

pub use accounts::AccountsText;
pub use chrome::WsChromeText;
pub use confirm::ConfirmText;
pub use documents::WsDocumentsText;
pub use duplicates::DuplicatesText;
pub use inbox::InboxText;
pub use record::WsRecordText;
pub use sources::SourcesText;

/// Everything the workspace says, in one language.
#[derive(Debug)]
pub struct WorkspaceText {
    /// The frame: navigation by role, who is signed in, the home page.
    pub chrome: WsChromeText,
    /// The inbox of proposals.
    pub inbox: InboxText,
    /// Four eyes: what waits for a second account.
    pub confirm: ConfirmText,
    /// The record: an entity's statements, history, and forms to add and withdraw.
    pub record: WsRecordText,
    /// Documents: upload and a document's page.
    pub documents: WsDocumentsText,
    /// Sources: kinds, reliability, copies.
    pub sources: SourcesText,
    /// Duplicates: candidates, decisions, clusters.
    pub duplicates: DuplicatesText,
    /// Accounts (admins).
    pub accounts: AccountsText,
}

/// English.
pub const EN: WorkspaceText = WorkspaceText {
    chrome: chrome::EN,
    inbox: inbox::EN,
    confirm: confirm::EN,
    record: record::EN,
    documents: documents::EN,
    sources: sources::EN,
    duplicates: duplicates::EN,
    accounts: accounts::EN,
};

/// Simplified Chinese.
pub const ZH: WorkspaceText = WorkspaceText {
    chrome: chrome::ZH,
    inbox: inbox::ZH,
    confirm: confirm::ZH,
    record: record::ZH,
    documents: documents::ZH,
    sources: sources::ZH,
    duplicates: duplicates::ZH,
    accounts: accounts::ZH,
};
