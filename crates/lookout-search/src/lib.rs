//! Full-text search over Lookout's public record with tantivy. Text is segmented with jieba, so
//! Chinese words (福州, 公安局, 青田) are found as words, and lower-cased, so English is found
//! whatever its case. Results carry a highlighted snippet; facets count them by schema and country.
//!
//! ```
//! use lookout_search::{SearchDoc, SearchIndex, SearchQuery};
//! let docs = vec![SearchDoc {
//!     id: "publicbody-fuzhou-psb".into(), schema: "PublicBody".into(), country: Some("CN".into()),
//!     title: "Fuzhou Public Security Bureau".into(), body: "福州 福州市公安局".into(),
//!     ..Default::default()
//! }];
//! let index = SearchIndex::build(docs).unwrap();
//! let found = index.search(&SearchQuery { text: "公安局".into(), ..Default::default() }).unwrap();
//! assert_eq!(found.hits[0].id, "publicbody-fuzhou-psb");
//! assert!(found.hits[0].snippet_html.contains("<mark>"));
//! ```

mod documents;
mod jieba;
mod mixed;
mod passage;
mod variants;

use std::collections::BTreeMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, TextAnalyzer};
use tantivy::{doc, Index, IndexReader, TantivyDocument, Term};

pub use documents::{DocumentHit, DocumentIndex, DocumentResults, DocumentWriter, IndexedDocument};
pub use variants::NameVariants;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most results returned.
pub const MAX_RESULTS: usize = 100;
pub(crate) const TOKENIZER: &str = "lookout_jieba";

/// Search failures.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query is empty or too long.
    #[error("{0}")]
    BadQuery(String),
    /// The index failed.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// A document to index: an entity or a source.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc {
    /// Entity or source id.
    pub id: String,
    /// Schema (`Station`, `PublicBody`…, or `Source`).
    pub schema: String,
    /// ISO country code, where it has one.
    pub country: Option<String>,
    /// Its label.
    pub title: String,
    /// Its label in Chinese, where the record has one (else empty).
    pub title_zh: String,
    /// Everything said about it, a sentence per line (a hit's snippet is its best sentences).
    pub body: String,
    /// Its names, in any script: a query naming it in one script also finds the others.
    pub names: Vec<String>,
}

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// The words.
    pub text: String,
    /// Only this schema.
    pub schema: Option<String>,
    /// Only this country.
    pub country: Option<String>,
    /// At most this many hits (capped at [`MAX_RESULTS`]).
    pub limit: usize,
}

/// One hit.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Entity or source id.
    pub id: String,
    /// Schema.
    pub schema: String,
    /// Country.
    pub country: Option<String>,
    /// Label.
    pub title: String,
    /// Label in Chinese (empty when the record has none).
    pub title_zh: String,
    /// The sentences of its body that best match, HTML-escaped, matches wrapped in `<mark>`.
    pub snippet_html: String,
    /// Relevance.
    pub score: f32,
}

/// Hits, and how all matches spread over schemata and countries.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    /// The best hits.
    pub hits: Vec<Hit>,
    /// All matching documents.
    pub total: usize,
    /// Matches per schema (before the schema filter).
    pub by_schema: BTreeMap<String, usize>,
    /// Matches per country (before the country filter).
    pub by_country: BTreeMap<String, usize>,
}

struct Fields {
    id: Field,
    schema: Field,
    country: Field,
    title: Field,
    title_zh: Field,
    body: Field,
}

/// An in-memory index of the public record.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// The names of entities written in both scripts.
    names: NameVariants,
}

/// The words of a query, trimmed: refused when empty or longer than [`MAX_QUERY_CHARS`].
pub(crate) fn checked_query(text: &str) -> Result<&str, SearchError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(SearchError::BadQuery("the query is empty".into()));
    }
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(SearchError::BadQuery(format!("the query is longer than {MAX_QUERY_CHARS} characters")));
    }
    Ok(text)
}

/// A stored text field whose words are indexed with positions (for phrases and passages), read by
/// the analyzer registered as `tokenizer`.
pub(crate) fn stored_words(tokenizer: &str) -> TextOptions {
    TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored()
}

/// The words of a query, widened with the names in the other script of the names it holds
/// ([`NameVariants`]): the query as written, or any alternative as a phrase.
pub(crate) fn widened(parser: &QueryParser, text: &str, alternatives: &[String]) -> Box<dyn Query> {
    let (words, _errors) = parser.parse_query_lenient(text);
    if alternatives.is_empty() {
        return words;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, words)];
    for name in alternatives {
        let phrase = format!("\"{}\"", name.replace('"', " "));
        clauses.push((Occur::Should, parser.parse_query_lenient(&phrase).0));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// The analyzer of ingested documents' text: [`mixed::MixedTokenizer`], long tokens dropped, lower case.
pub(crate) fn document_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(mixed::MixedTokenizer).filter(RemoveLongFilter::limit(40)).filter(LowerCaser).build()
}

pub(crate) fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(jieba::JiebaTokenizer).filter(RemoveLongFilter::limit(40)).filter(LowerCaser).build()
}

impl SearchIndex {
    /// Indexes `docs` in memory.
    pub fn build(docs: Vec<SearchDoc>) -> Result<SearchIndex, SearchError> {
        let mut builder = Schema::builder();
        let text = stored_words(TOKENIZER);
        let fields = Fields {
            id: builder.add_text_field("id", STRING | STORED),
            schema: builder.add_text_field("schema", STRING | STORED),
            country: builder.add_text_field("country", STRING | STORED),
            title: builder.add_text_field("title", text.clone()),
            title_zh: builder.add_text_field("title_zh", text.clone()),
            body: builder.add_text_field("body", text),
        };
        let index = Index::create_in_ram(builder.build());
        index.tokenizers().register(TOKENIZER, analyzer());
        let mut writer = index.writer_with_num_threads(1, 30_000_000)?;
        let mut names = NameVariants::default();
        for d in docs {
            names.add_group(&d.names.iter().map(String::as_str).collect::<Vec<_>>());
            writer.add_document(doc!(
                fields.id => d.id,
                fields.schema => d.schema,
                fields.country => d.country.unwrap_or_default(),
                fields.title => d.title,
                fields.title_zh => d.title_zh,
                fields.body => d.body,
            ))?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(SearchIndex { index, reader, fields, names })
    }

    /// Searches; the text is read leniently (no syntax errors) and widened with the names it holds
    /// in the other script ([`NameVariants`]); filters narrow by schema and country.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        let text = checked_query(&q.text)?;
        let f = &self.fields;
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.title_zh, f.body]);
        parser.set_field_boost(f.title, 2.0);
        parser.set_field_boost(f.title_zh, 2.0);
        let words = widened(&parser, text, &self.names.alternatives_with(NameVariants::gazetteer(), text));
        let searcher = self.reader.searcher();
        let filter = |field: Field, value: &Option<String>| -> Option<Box<dyn Query>> {
            value.as_ref().filter(|v| !v.is_empty()).map(|v| {
                Box::new(TermQuery::new(Term::from_field_text(field, v), IndexRecordOption::Basic)) as Box<dyn Query>
            })
        };
        let with = |extra: Vec<Box<dyn Query>>| -> BooleanQuery {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, words.box_clone())];
            clauses.extend(extra.into_iter().map(|q| (Occur::Must, q)));
            BooleanQuery::new(clauses)
        };
        let schema_filter = filter(f.schema, &q.schema);
        let country_filter = filter(f.country, &q.country);
        let full = with(schema_filter.iter().chain(country_filter.iter()).map(|b| b.box_clone()).collect());
        let limit = q.limit.clamp(1, MAX_RESULTS);
        let (top, total) = searcher.search(&full, &(TopDocs::with_limit(limit).order_by_score(), Count))?;
        let mut snippets = SnippetGenerator::create(&searcher, &full, f.body)?;
        snippets.set_max_num_chars(2_000);
        let stored =
            |d: &TantivyDocument, field: Field| d.get_first(field).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let mut hits = Vec::new();
        for (score, address) in top {
            let d: TantivyDocument = searcher.doc(address)?;
            let country = stored(&d, f.country);
            hits.push(Hit {
                id: stored(&d, f.id),
                schema: stored(&d, f.schema),
                country: (!country.is_empty()).then_some(country),
                title: stored(&d, f.title),
                title_zh: stored(&d, f.title_zh),
                snippet_html: passage::best_sentences(&snippets, &stored(&d, f.body)),
                score,
            });
        }
        // Facets: how matches spread, each counted without its own filter.
        let facet = |query: BooleanQuery, field: Field| -> Result<BTreeMap<String, usize>, SearchError> {
            let all = searcher.search(&query, &TopDocs::with_limit(10_000).order_by_score())?;
            let mut counts = BTreeMap::new();
            for (_, address) in all {
                let d: TantivyDocument = searcher.doc(address)?;
                let v = stored(&d, field);
                if !v.is_empty() {
                    *counts.entry(v).or_default() += 1;
                }
            }
            Ok(counts)
        };
        let by_schema = facet(with(country_filter.iter().map(|b| b.box_clone()).collect()), f.schema)?;
        let by_country = facet(with(schema_filter.iter().map(|b| b.box_clone()).collect()), f.country)?;
        Ok(SearchResults { hits, total, by_schema, by_country })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<SearchDoc> {
        vec![
            SearchDoc {
                id: "publicbody-fuzhou-psb".into(),
                schema: "PublicBody".into(),
                country: Some("CN".into()),
                title: "Fuzhou Public Security Bureau".into(),
                body: "Fuzhou PSB 福州 福州市公安局".into(),
                ..Default::default()
            },
            SearchDoc {
                id: "publicbody-qingtian-psb".into(),
                schema: "PublicBody".into(),
                country: Some("CN".into()),
                title: "Qingtian Public Security Bureau".into(),
                body: "Qingtian PSB 青田县公安局".into(),
                ..Default::default()
            },
            SearchDoc {
                id: "station-ST033".into(),
                schema: "Station".into(),
                country: Some("NL".into()),
                title: "Rotterdam".into(),
                body: "Rotterdam 鹿特丹 closure_ordered closed per Dutch government <script>".into(),
                ..Default::default()
            },
            SearchDoc {
                id: "station-ST034".into(),
                schema: "Station".into(),
                country: Some("NL".into()),
                title: "Amsterdam".into(),
                body: "Amsterdam 阿姆斯特丹 Qingtian PSB".into(),
                ..Default::default()
            },
        ]
    }

    #[test]
    fn chinese_words_are_found_as_words() {
        let index = SearchIndex::build(docs()).unwrap();
        let ids = |q: &str| -> Vec<String> {
            let mut ids: Vec<String> = index
                .search(&SearchQuery { text: q.into(), limit: 10, ..Default::default() })
                .unwrap()
                .hits
                .into_iter()
                .map(|h| h.id)
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(ids("福州"), ["publicbody-fuzhou-psb"]);
        assert_eq!(ids("公安局"), ["publicbody-fuzhou-psb", "publicbody-qingtian-psb"]);
        assert_eq!(ids("青田县公安局"), ["publicbody-qingtian-psb", "station-ST034"], "and Qingtian, by name");
        assert_eq!(ids("鹿特丹"), ["station-ST033"]);
        assert_eq!(ids("ROTTERDAM"), ["station-ST033"]);
        assert_eq!(ids("qingtian"), ["publicbody-qingtian-psb", "station-ST034"]);
    }

    #[test]
    fn a_name_in_either_script_finds_the_same_records() {
        let mut docs = docs();
        docs[0].names = vec!["Fuzhou Public Security Bureau".into(), "福州市公安局".into()];
        docs.push(SearchDoc {
            id: "station-ST039".into(),
            schema: "Station".into(),
            title: "Dublin".into(),
            title_zh: "都柏林".into(),
            body: "Run by Fuzhou Public Security Bureau.".into(),
            ..Default::default()
        });
        let index = SearchIndex::build(docs).unwrap();
        let ids = |q: &str| -> Vec<String> {
            let found = index.search(&SearchQuery { text: q.into(), limit: 10, ..Default::default() }).unwrap();
            let mut ids: Vec<String> = found.hits.into_iter().map(|h| h.id).collect();
            ids.sort();
            ids
        };
        assert_eq!(ids("福州"), ["publicbody-fuzhou-psb", "station-ST039"]);
        assert_eq!(ids("福州"), ids("Fuzhou"));
        let first = |q: &str| {
            index.search(&SearchQuery { text: q.into(), limit: 1, ..Default::default() }).unwrap().hits[0].id.clone()
        };
        assert_eq!(first("福州市公安局"), "publicbody-fuzhou-psb");
        assert_eq!(first("Fuzhou Public Security Bureau"), "publicbody-fuzhou-psb");
        assert_eq!(ids("都柏林"), ["station-ST039"], "titles in Chinese are searched");
        assert_eq!(ids("鹿特丹"), ids("rotterdam"));
        let hit = &index.search(&SearchQuery { text: "福州".into(), limit: 10, ..Default::default() }).unwrap().hits;
        let station = hit.iter().find(|h| h.id == "station-ST039").unwrap();
        assert!(station.snippet_html.contains("<mark>Fuzhou</mark>"), "{}", station.snippet_html);
        assert_eq!(station.title_zh, "都柏林");
    }

    #[test]
    fn filters_facets_snippets_and_hostile_queries() {
        let index = SearchIndex::build(docs()).unwrap();
        let r = index
            .search(&SearchQuery {
                text: "qingtian".into(),
                schema: Some("Station".into()),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(r.total, 1);
        assert_eq!(r.by_schema.get("PublicBody"), Some(&1), "facets count other schemata too");
        assert_eq!(r.by_country.get("NL"), Some(&1));
        let r = index.search(&SearchQuery { text: "dutch".into(), limit: 10, ..Default::default() }).unwrap();
        assert!(r.hits[0].snippet_html.contains("<mark>Dutch</mark>"));
        assert!(r.hits[0].snippet_html.contains("&lt;script&gt;"), "snippets are escaped");
        for hostile in ["\"unclosed", "AND OR NOT", "title:", "(((", "*", "a:b:c", "🙂"] {
            assert!(
                index.search(&SearchQuery { text: hostile.into(), limit: 10, ..Default::default() }).is_ok(),
                "{hostile}"
            );
        }
        assert!(index.search(&SearchQuery { text: "  ".into(), ..Default::default() }).is_err());
        assert!(index.search(&SearchQuery { text: "x".repeat(201), ..Default::default() }).is_err());
    }
}
