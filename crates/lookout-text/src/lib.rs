//! Text primitives shared by search, matching and ingest, written once:
//!
//! - [`is_han`]: whether a character is a Han ideograph;
//! - [`fold_width`] and [`nfkc`]: full-width forms and the ideographic space folded, lines
//!   normalised to NFKC;
//! - [`to_simplified`] and [`fold`]: traditional characters read as simplified ones (with the
//!   full-width folding), the form names are compared in;
//! - [`lower_into`]: lower case into a reused buffer;
//! - [`jieba`]: the process's Chinese segmenter, shared by the search indexes and ingest.
//!
//! ```
//! assert!(lookout_text::is_han('福') && !lookout_text::is_han('F'));
//! assert_eq!(lookout_text::fold("福州市公安局 ＰＳＢ"), "福州市公安局 PSB");
//! assert_eq!(lookout_text::fold("長樂"), "长乐");
//! ```

mod case;
mod jieba;
mod nfkc;
mod script;
mod simplified;

pub use case::lower_into;
pub use jieba::jieba;
/// A word jieba tagged, with its spans in the text it cut.
pub use jieba_rs::Tag;
pub use nfkc::nfkc;
pub use script::{fold_width, is_han};
pub use simplified::{fold, to_simplified};
