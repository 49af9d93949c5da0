//! Sources: where a statement comes from, and a guess at what kind of source a URL is.

use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;
use crate::{PartialDate, Reliability, SourceId};

vocabulary!(
    /// What kind of source this is; it bears on how far to trust it.
    SourceKind, "source kind" {
        /// A government, parliament or other public body speaking for itself.
        Official => "official",
        /// Court records.
        Court => "court",
        /// A report by a non-governmental organisation or research group.
        NgoReport => "ngo_report",
        /// A news outlet's own reporting.
        News => "news",
        /// A copy of someone else's text: aggregator, mirror, archive, translation farm.
        Repost => "repost",
        /// Social media, blogs, forums.
        Social => "social",
        /// A first-hand account.
        Testimony => "testimony",
        /// A reference work or dataset (GeoNames, an encyclopaedia).
        Reference => "reference",
        /// A file imported into Lookout, identified by its content.
        File => "file",
    }
);

/// A source of statements. Its original, when captured, is identified by `sha256` and never edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Deterministic id (from the URL).
    pub id: SourceId,
    /// Where it can be found.
    pub url: String,
    /// Title, where known.
    pub title: Option<String>,
    /// Publisher (for a web page, its host unless known better).
    pub publisher: Option<String>,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// Why the kind was chosen when it was guessed rather than judged by an analyst; `None` once judged.
    pub kind_guess: Option<String>,
    /// When it was published, where known.
    pub published: Option<PartialDate>,
    /// When it was retrieved, where known.
    pub retrieved: Option<PartialDate>,
    /// Language (BCP 47), where known.
    pub lang: Option<String>,
    /// SHA-256 (hex) of the captured original, where one was captured.
    pub sha256: Option<String>,
}

/// A person's judgement of a source: what kind it is, how reliable, and the original it copies.
/// Judgements are appended, never edited: a source's latest one holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceJudgement {
    /// The source judged.
    pub source: SourceId,
    /// Its kind (no longer a guess).
    pub kind: SourceKind,
    /// How reliable it is, when judged.
    pub reliability: Option<Reliability>,
    /// The source it is a copy of.
    pub copy_of: Option<SourceId>,
    /// Who judged (an account name, or the person a bundled table names).
    pub by: String,
    /// When (`YYYY-MM-DDTHH:MM:SSZ`); set by the store when writing.
    pub at: String,
}

impl Source {
    /// A web source at `url`, its kind and publisher guessed from the address.
    pub fn from_url(url: &str) -> Source {
        let url = url.trim();
        let host = host_of(url);
        let (kind, reason) = guess_kind(url);
        Source {
            id: SourceId::for_url(url),
            url: url.to_string(),
            title: None,
            publisher: host.map(str::to_string),
            kind,
            kind_guess: Some(reason),
            published: None,
            retrieved: None,
            lang: None,
            sha256: None,
        }
    }
}

/// The host of an `http(s)` URL without `www.` and port, lower-cased.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Sites that republish other outlets' articles (aggregators, mirrors, archives, content farms)
/// seen in the bundled data. A source on one of these is a copy: its original should replace it.
const REPOST_HOSTS: &[&str] = &[
    "liveactioneating.com",
    "nwostop.com",
    "defending-gibraltar.net",
    "biselliano.info",
    "news24x7world.com",
    "bobrtimes.com",
    "populistpress.com",
    "breakinglatest.news",
    "tellerreport.com",
    "r.genit.al",
    "megalodon.jp",
    "fnvaworld.org",
    "pledgetimes.com",
    "gettotext.com",
    "fastheadline.com",
    "aktiencheck.de",
    "newsbreakworld.com",
    "news.charm-retirement.com",
    "investmentwatchblog.com",
    "coinlib.io",
    "patriotnownews.com",
    "middleamericanews.com",
    "blackheritageradio.com",
    "fromthetrenchesworldreport.com",
    "stuff.pressreader.com",
    "en.wiki.x.io",
    "netherlandsnewslive.com",
    "thegoaspotlight.com",
    "openkamer.org",
    "kildarestreet.com",
    "a24now.com",
    "idomavoice.com",
    "wtvbam.com",
    "kfiam640.iheart.com",
    "finance.yahoo.com",
    "latestly.com",
];

/// Non-governmental organisations and research groups whose own site publishes their reports.
const NGO_HOSTS: &[&str] = &["safeguarddefenders.com", "sinopsis.cz", "jamestown.org"];

/// Guesses a source's kind from its URL, with the reason; a guess, to be confirmed by an analyst.
pub fn guess_kind(url: &str) -> (SourceKind, String) {
    let Some(host) = host_of(url).map(str::to_ascii_lowercase) else {
        return (SourceKind::News, "no web address; assumed news".into());
    };
    let labels: Vec<&str> = host.split('.').collect();
    let is_official = labels.iter().any(|l| {
        matches!(
            *l,
            "gov"
                | "gouv"
                | "gob"
                | "govt"
                | "mil"
                | "gc"
                | "admin"
                | "bund"
                | "parliament"
                | "parlament"
                | "europarl"
                | "riksdagen"
                | "senate"
                | "congress"
        )
    }) || host.ends_with("europa.eu")
        || host.ends_with("government.nl")
        || host.ends_with("rijksoverheid.nl")
        || host.ends_with("canada.ca");
    if is_official && !host.ends_with("go.com") {
        return (SourceKind::Official, format!("{host} is a government or parliament domain"));
    }
    if REPOST_HOSTS.iter().any(|h| host == *h || host.ends_with(&format!(".{h}"))) {
        return (SourceKind::Repost, format!("{host} is a known aggregator, mirror or archive"));
    }
    if host.ends_with(".pages.dev") {
        return (SourceKind::Repost, format!("{host} is a static mirror site"));
    }
    if NGO_HOSTS.contains(&host.as_str()) {
        return (SourceKind::NgoReport, format!("{host} publishes its own NGO reports"));
    }
    if host.ends_with("wikipedia.org") {
        return (SourceKind::Reference, format!("{host} is an encyclopaedia"));
    }
    if host.ends_with("blogspot.com")
        || host.starts_with("bbs.")
        || matches!(host.as_str(), "twitter.com" | "x.com" | "facebook.com" | "brighteon.com" | "weibo.com")
    {
        return (SourceKind::Social, format!("{host} is a blog, forum or social platform"));
    }
    (SourceKind::News, format!("{host}: no evidence of another kind; assumed news"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_is_extracted_without_www_and_port() {
        assert_eq!(host_of("https://www.Example.com:443/a?b"), Some("Example.com"));
        assert_eq!(host_of("https://dialogo-americas.com:443/x"), Some("dialogo-americas.com"));
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn kinds_are_guessed_from_evident_domains() {
        let kind = |u: &str| guess_kind(u).0;
        assert_eq!(kind("https://hansard.parliament.uk/commons/2022"), SourceKind::Official);
        assert_eq!(kind("https://www.justice.gov/opa/pr/x"), SourceKind::Official);
        assert_eq!(kind("https://www.europarl.europa.eu/doceo"), SourceKind::Official);
        assert_eq!(kind("https://liveactioneating.com/2022/10/20/x"), SourceKind::Repost);
        assert_eq!(kind("https://godudunews.pages.dev/x"), SourceKind::Repost);
        assert_eq!(kind("https://safeguarddefenders.com/en/blog"), SourceKind::NgoReport);
        assert_eq!(kind("https://abcnews.go.com/US/x"), SourceKind::News);
        assert_eq!(kind("https://www.bbc.co.uk/news/x"), SourceKind::News);
    }

    #[test]
    fn a_guess_says_why() {
        let s = Source::from_url("https://pledgetimes.com/x");
        assert_eq!(s.kind, SourceKind::Repost);
        assert!(s.kind_guess.unwrap().contains("pledgetimes.com"));
        assert_eq!(s.publisher.as_deref(), Some("pledgetimes.com"));
    }
}
