//! Interface languages: English and Simplified Chinese. Data (summaries, names as sources give
//! them) stays in its own language; everything the interface says is translated here.
//!
//! - [`lang`]: which language a request gets;
//! - [`text`]: the typed tables of what the interface says, filled by [`en`] and [`zh`];
//! - [`labels`]: dates and vocabularies as words; [`phrases`]: sentences with numbers in them;
//! - [`countries`]: country names.

mod countries;
mod en;
mod labels;
mod lang;
mod phrases;
mod report;
pub(crate) mod review;
mod text;
pub(crate) mod workspace;
mod zh;

pub(crate) use countries::Localized;
pub(crate) use en::EN;
pub(crate) use lang::{query_lang, Lang, Locale};
pub(crate) use report::ReportText;
pub(crate) use text::Text;
