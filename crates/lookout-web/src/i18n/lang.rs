//! Which language a request gets: `?lang=` (remembered in a preference cookie), else the `lang`
//! cookie, else `Accept-Language`; English when none of them names one of ours.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use super::text::Text;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The BCP 47 tag for `lang=""` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The short code used in `?lang=` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The other language (for the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// Parses `en` or `zh` (and common variants).
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code == "en" || code.starts_with("en-") {
            Some(Lang::En)
        } else if code == "zh" || code.starts_with("zh-") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// The preferred of our languages in an `Accept-Language` header (English if none).
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag) {
                if best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, lang));
                }
            }
        }
        best.map_or(Lang::En, |(_, l)| l)
    }

    /// The language a request asks for: `?lang=`, then the cookie, then `Accept-Language`.
    pub fn of_request(query: Option<&str>, headers: &HeaderMap) -> Lang {
        if let Some(lang) = query.and_then(query_lang) {
            return lang;
        }
        let cookie = headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';'));
        for c in cookie {
            if let Some(lang) = c.trim().strip_prefix("lang=").and_then(Lang::parse) {
                return lang;
            }
        }
        headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Lang::En, Lang::from_accept_language)
    }
}

/// The `lang` parameter of a query string, if valid.
pub fn query_lang(query: &str) -> Option<Lang> {
    query.split('&').find_map(|kv| kv.strip_prefix("lang=")).and_then(Lang::parse)
}

/// The request's language, the interface text in it, and the link to this page in the other.
#[derive(Debug, Clone)]
pub struct Locale {
    /// The language.
    pub lang: Lang,
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Locale {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let lang = Lang::of_request(parts.uri.query(), &parts.headers);
        let kept: Vec<&str> = parts
            .uri
            .query()
            .unwrap_or("")
            .split('&')
            .filter(|kv| !kv.is_empty() && !kv.starts_with("lang="))
            .collect();
        let mut query = kept.join("&");
        if !query.is_empty() {
            query.push('&');
        }
        let switch_href = format!("{}?{query}lang={}", parts.uri.path(), lang.other().code());
        Ok(Locale { lang, t: Text::of(lang), switch_href })
    }
}

impl Text {
    /// The text of a language.
    pub fn of(lang: Lang) -> &'static Text {
        match lang {
            Lang::En => &super::en::EN,
            Lang::Zh => &super::zh::ZH,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"), Lang::Zh);
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9,zh;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("fr-FR,zh-TW;q=0.7"), Lang::Zh);
        assert_eq!(Lang::from_accept_language("de"), Lang::En);
        assert_eq!(Lang::from_accept_language(""), Lang::En);
    }

    #[test]
    fn query_beats_cookie_beats_header() {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, "zh-CN".parse().unwrap());
        assert_eq!(Lang::of_request(None, &headers), Lang::Zh);
        headers.insert(header::COOKIE, "a=b; lang=en".parse().unwrap());
        assert_eq!(Lang::of_request(None, &headers), Lang::En);
        assert_eq!(Lang::of_request(Some("country=NL&lang=zh"), &headers), Lang::Zh);
        assert_eq!(Lang::of_request(Some("lang=xx"), &headers), Lang::En);
    }
}
