//! HTML pages: one module per resource, each a template struct and its handler.

pub mod stations;

use askama::Template;

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// Heading.
    pub title: String,
    /// What the user is told.
    pub message: String,
}
