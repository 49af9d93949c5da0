//! The frame of every workspace page: who is signed in, the sections their role opens, the
//! session's form token, and the language.

use crate::i18n::workspace::WorkspaceText;
use crate::i18n::{Locale, Text};
use crate::reporting::session::Session;

/// Whether a page showing work under way refreshes itself (`<meta http-equiv="refresh">`, the one
/// way to follow progress without JavaScript). It does unless the address says `refresh=off`;
/// the page links to both, so that a reader can turn the refresh off before it happens (WCAG
/// 2.2.1).
#[derive(Debug, Default, serde::Deserialize)]
pub struct RefreshQuery {
    #[serde(default)]
    refresh: String,
}

impl RefreshQuery {
    /// Whether the page may refresh itself.
    pub fn auto(&self) -> bool {
        self.refresh != "off"
    }
}

/// A part of the workspace, as the navigation names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Counts and what waits.
    Home,
    /// Proposals.
    Inbox,
    /// Uploads and documents.
    Documents,
    /// Entities and their statements.
    Record,
    /// Four eyes.
    Confirm,
    /// Sources.
    Sources,
    /// Duplicates.
    Duplicates,
    /// Accounts (admins).
    Accounts,
}

/// What every workspace page shows around its content.
pub struct Chrome {
    /// Interface text.
    pub t: &'static Text,
    /// The workspace's words.
    pub w: &'static WorkspaceText,
    /// This page in the other language.
    pub switch_href: String,
    /// Who is signed in.
    pub name: String,
    /// Their role, in words.
    pub role: &'static str,
    /// The session's form token, carried by every form.
    pub csrf: String,
    /// Whether the role reads reports (reviewers and admins).
    pub reads_reports: bool,
    /// Whether the role manages accounts (admins).
    pub admin: bool,
    /// The section shown.
    pub section: Section,
}

impl Chrome {
    /// The frame for `session`'s account on a page of `section`.
    pub fn new(loc: &Locale, session: &Session, section: Section) -> Chrome {
        let w = &loc.t.ws;
        let role = session.who.role.as_str();
        Chrome {
            t: loc.t,
            w,
            switch_href: loc.switch_href.clone(),
            name: session.who.name.clone(),
            role: w.chrome.roles.iter().find(|(code, _)| *code == role).map_or("", |(_, words)| words),
            csrf: session.csrf.clone(),
            reads_reports: matches!(role, "reviewer" | "admin"),
            admin: role == "admin",
            section,
        }
    }

    /// Whether `section` is the one shown (for `aria-current`).
    pub fn is(&self, section: Section) -> bool {
        self.section == section
    }
}
