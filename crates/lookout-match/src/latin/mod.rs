//! Names in Latin letters (Cyrillic transliterated): persons, companies and vessels compared word
//! by word, tolerant of spelling, order, legal forms and words present on one side only.

mod compare;
mod fold;
mod similar;
mod words;

pub(crate) use compare::compare;
pub use fold::strip_marks;
pub use words::parse;
