//! The words of the workspace's other sections: duplicates, accounts.

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
