//! HTML pages: one module per resource, each a template struct and its handler.

pub(crate) mod bureaus;
pub(crate) mod countries;
pub(crate) mod data;
pub(crate) mod feeds;
pub(crate) mod figures;
pub(crate) mod home;
pub(crate) mod responses;
pub(crate) mod search;
pub(crate) mod sources;
pub(crate) mod stations;

use askama::Template;

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// Interface text.
    pub t: &'static crate::i18n::Text,
    /// The home page in the other language.
    pub switch_href: String,
    /// Heading.
    pub title: String,
    /// What the user is told.
    pub message: String,
}
