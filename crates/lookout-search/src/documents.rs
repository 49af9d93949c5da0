//! The index of ingested documents: on disk under the data directory, written by `lookout ingest`
//! (committed after the store has recorded the documents) and read by the server, which sees each
//! new commit. A search returns each matching document with its best passages, matches marked.

use std::path::Path;

use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, Value, STORED, STRING};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::{checked_query, document_analyzer, stored_words, widened, NameVariants, SearchError, MAX_RESULTS};

/// The name the documents' analyzer is registered under.
const TOKENIZER: &str = "lookout_mixed";

/// Segments with more documents than this are not merged. A merge reads its segments through
/// memory maps, which count as resident: with documents of a megabyte, segments of up to 256
/// documents made the ingest of 400 MB peak at 510 MiB, of up to 32 at about 415 MiB (a flush writes
/// a segment of about 40 MB of text, so small documents make segments too large to merge again
/// anyway).
const MERGED_DOCUMENTS: usize = 32;

/// Memory the writer may fill before it writes a segment, in bytes.
const WRITER_MEMORY: usize = 40_000_000;

/// A document to index.
#[derive(Debug, Clone)]
pub struct IndexedDocument {
    /// SHA-256 of the original.
    pub sha256: String,
    /// Its source's id.
    pub source_id: String,
    /// What to call it (title or file name).
    pub title: String,
    /// Language (`en`, `zh`…).
    pub language: String,
    /// Its text.
    pub text: String,
    /// Kept out of public searches.
    pub restricted: bool,
}

/// One matching document.
#[derive(Debug, Clone)]
pub struct DocumentHit {
    /// SHA-256 of the original.
    pub sha256: String,
    /// Its source's id.
    pub source_id: String,
    /// Its title.
    pub title: String,
    /// Language.
    pub language: String,
    /// The best passage, HTML-escaped, matches wrapped in `<mark>`.
    pub passage_html: String,
    /// Relevance.
    pub score: f32,
}

/// Matching documents.
#[derive(Debug, Clone, Default)]
pub struct DocumentResults {
    /// The best.
    pub hits: Vec<DocumentHit>,
    /// How many match.
    pub total: usize,
}

struct Fields {
    sha256: Field,
    source_id: Field,
    title: Field,
    language: Field,
    text: Field,
    restricted: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let words = stored_words(TOKENIZER);
    let fields = Fields {
        sha256: builder.add_text_field("sha256", STRING | STORED),
        source_id: builder.add_text_field("source_id", STRING | STORED),
        title: builder.add_text_field("title", words.clone()),
        language: builder.add_text_field("language", STRING | STORED),
        text: builder.add_text_field("text", words),
        restricted: builder.add_text_field("restricted", STRING),
    };
    (builder.build(), fields)
}

/// The index of ingested documents.
pub struct DocumentIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

/// Adds documents; nothing is visible until [`DocumentWriter::commit`].
pub struct DocumentWriter<'a> {
    index: &'a DocumentIndex,
    writer: IndexWriter,
}

impl DocumentIndex {
    /// Opens the index in `dir`, creating it (and `dir`) when there is none.
    pub fn open_or_create(dir: &Path) -> Result<DocumentIndex, SearchError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| SearchError::Index(tantivy::TantivyError::SystemError(format!("{}: {e}", dir.display()))))?;
        let (schema, fields) = schema();
        let directory = MmapDirectory::open(dir).map_err(|e| SearchError::Index(e.into()))?;
        let index = Index::open_or_create(directory, schema)?;
        index.tokenizers().register(TOKENIZER, document_analyzer());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        Ok(DocumentIndex { index, reader, fields })
    }

    /// Opens the index in `dir` if there is one (the server: documents appear once ingested).
    pub fn open_existing(dir: &Path) -> Result<Option<DocumentIndex>, SearchError> {
        if !dir.join("meta.json").exists() {
            return Ok(None);
        }
        Self::open_or_create(dir).map(Some)
    }

    /// A writer (one at a time, across processes). Segments of more than a few hundred documents
    /// are not merged again, so that a merge's memory stays bounded whatever the corpus.
    pub fn writer(&self) -> Result<DocumentWriter<'_>, SearchError> {
        let writer = self.index.writer_with_num_threads(2, WRITER_MEMORY)?;
        let mut merging = tantivy::indexer::LogMergePolicy::default();
        merging.set_max_docs_before_merge(MERGED_DOCUMENTS);
        writer.set_merge_policy(Box::new(merging));
        Ok(DocumentWriter { index: self, writer })
    }

    /// Whether the document with this SHA-256 is indexed.
    pub fn contains(&self, sha256: &str) -> Result<bool, SearchError> {
        let term = Term::from_field_text(self.fields.sha256, sha256);
        Ok(self.reader.searcher().doc_freq(&term)? > 0)
    }

    /// How many documents are indexed.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sees the latest commit now (the server sees it within a moment anyway).
    pub fn reload(&self) -> Result<(), SearchError> {
        Ok(self.reader.reload()?)
    }

    /// Searches; restricted documents only when `include_restricted`.
    pub fn search(&self, text: &str, include_restricted: bool, limit: usize) -> Result<DocumentResults, SearchError> {
        let text = checked_query(text)?;
        let f = &self.fields;
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.text]);
        parser.set_field_boost(f.title, 2.0);
        let words = widened(&parser, text, &NameVariants::gazetteer().alternatives(text));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, words)];
        if !include_restricted {
            let public = TermQuery::new(Term::from_field_text(f.restricted, "0"), IndexRecordOption::Basic);
            clauses.push((Occur::Must, Box::new(public)));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let (top, total) =
            searcher.search(&query, &(TopDocs::with_limit(limit.clamp(1, MAX_RESULTS)).order_by_score(), Count))?;
        let mut passages = SnippetGenerator::create(&searcher, &query, f.text)?;
        passages.set_max_num_chars(300);
        let stored =
            |d: &TantivyDocument, field: Field| d.get_first(field).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let d: TantivyDocument = searcher.doc(address)?;
            let mut passage = passages.snippet_from_doc(&d);
            passage.set_snippet_prefix_postfix("<mark>", "</mark>");
            hits.push(DocumentHit {
                sha256: stored(&d, f.sha256),
                source_id: stored(&d, f.source_id),
                title: stored(&d, f.title),
                language: stored(&d, f.language),
                passage_html: passage.to_html(),
                score,
            });
        }
        Ok(DocumentResults { hits, total })
    }
}

impl DocumentWriter<'_> {
    /// Adds a document (replacing one with the same SHA-256).
    pub fn add(&mut self, d: IndexedDocument) -> Result<(), SearchError> {
        let f = &self.index.fields;
        self.writer.delete_term(Term::from_field_text(f.sha256, &d.sha256));
        self.writer.add_document(doc!(
            f.sha256 => d.sha256,
            f.source_id => d.source_id,
            f.title => d.title,
            f.language => d.language,
            f.text => d.text,
            f.restricted => if d.restricted { "1" } else { "0" },
        ))?;
        Ok(())
    }

    /// Removes every document; readers still see them until the commit (an index rebuilt whole).
    pub fn clear(&mut self) -> Result<(), SearchError> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Makes what was added visible, durably.
    pub fn commit(mut self) -> Result<(), SearchError> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        self.index.reload()
    }

    /// Drops what was added since the last commit.
    pub fn rollback(mut self) -> Result<(), SearchError> {
        self.writer.rollback()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(sha: &str, text: &str, restricted: bool) -> IndexedDocument {
        IndexedDocument {
            sha256: sha.repeat(64),
            source_id: format!("source-{sha}"),
            title: format!("{sha}.txt"),
            language: "en".into(),
            text: text.into(),
            restricted,
        }
    }

    #[test]
    fn documents_are_found_by_words_with_passages_marked_and_restricted_ones_hidden() {
        let dir = std::env::temp_dir().join(format!("lookout-docindex-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let index = DocumentIndex::open_or_create(&dir).unwrap();
        let mut w = index.writer().unwrap();
        w.add(document("a", "The overseas police station in Rotterdam was closed by the Dutch government.", false))
            .unwrap();
        w.add(document("b", "据报道，福州市公安局在鹿特丹设立了海外警务服务站。", false)).unwrap();
        w.add(document("c", "A witness statement about Rotterdam <script>.", true)).unwrap();
        w.commit().unwrap();
        assert_eq!(index.len(), 3);
        assert!(index.contains(&"a".repeat(64)).unwrap());

        let found = index.search("rotterdam", false, 10).unwrap();
        assert_eq!(found.total, 2, "the restricted document is not public; the Chinese one names 鹿特丹");
        let passage = |source: &str| {
            found.hits.iter().find(|h| h.source_id == source).map(|h| h.passage_html.clone()).unwrap_or_default()
        };
        assert!(passage("source-a").contains("<mark>Rotterdam</mark>"), "{}", passage("source-a"));
        assert!(passage("source-b").contains("<mark>鹿特丹</mark>"), "{}", passage("source-b"));
        let chinese = index.search("鹿特丹", false, 10).unwrap();
        assert_eq!(chinese.total, 2, "a query in either script finds the same documents");
        assert_eq!(index.search("rotterdam", true, 10).unwrap().total, 3);
        let c = index.search("witness", true, 10).unwrap();
        let passage = &c.hits[0].passage_html;
        assert!(passage.contains("&lt;script") && !passage.contains("<script"), "passages are escaped: {passage}");

        let zh = index.search("福州市公安局", false, 10).unwrap();
        assert_eq!(zh.hits.len(), 1, "no English document names Fuzhou");
        assert!(zh.hits[0].passage_html.contains("<mark>"), "{}", zh.hits[0].passage_html);

        // Re-adding replaces; a rolled-back writer adds nothing.
        let mut w = index.writer().unwrap();
        w.add(document("a", "Replaced text about Prague.", false)).unwrap();
        w.commit().unwrap();
        assert_eq!(index.len(), 3);
        assert_eq!(index.search("prague", false, 10).unwrap().total, 1);
        let mut w = index.writer().unwrap();
        w.add(document("d", "Never committed: Budapest.", false)).unwrap();
        w.rollback().unwrap();
        assert_eq!(index.search("budapest", true, 10).unwrap().total, 0);

        // Reopened from disk, as the server does.
        drop(index);
        let reopened = DocumentIndex::open_existing(&dir).unwrap().unwrap();
        assert_eq!(reopened.len(), 3);
        assert!(DocumentIndex::open_existing(&dir.join("none")).unwrap().is_none());
        for hostile in ["\"unclosed", "AND OR", "text:", "((("] {
            assert!(reopened.search(hostile, false, 10).is_ok(), "{hostile}");
        }
        assert!(reopened.search(" ", false, 10).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
