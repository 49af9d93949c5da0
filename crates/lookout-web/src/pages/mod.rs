//! HTML pages: one module per resource, each a template struct and its handler.

pub mod bureaus;
pub mod countries;
pub mod data;
pub mod figures;
pub mod home;
pub mod responses;
pub mod search;
pub mod sources;
pub mod stations;

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
