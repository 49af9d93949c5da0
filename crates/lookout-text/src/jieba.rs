//! One jieba dictionary per process, shared by every search index's tokenizer and by ingest's
//! segmentation (the dictionary is the largest table Lookout loads after the gazetteer).

use std::sync::OnceLock;

/// The process's jieba, with its bundled dictionary, loaded on first use.
pub fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}
