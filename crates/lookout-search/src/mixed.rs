//! The tokenizer of ingested documents' text: Latin words as they stand, and runs of Chinese
//! characters segmented by jieba (search mode: long words also give their parts, so 公安局 finds
//! 福州市公安局). jieba sees only the Chinese runs and without its HMM, which keeps indexing as
//! fast as documents are read.

use lookout_text::is_han;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Latin words and jieba's Chinese words.
#[derive(Clone, Default)]
pub struct MixedTokenizer;

/// The tokens of one text.
pub struct MixedTokens {
    tokens: Vec<Token>,
    next: usize,
    current: Token,
}

impl TokenStream for MixedTokens {
    fn advance(&mut self) -> bool {
        match self.tokens.get_mut(self.next) {
            Some(t) => {
                self.current = std::mem::take(t);
                self.next += 1;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

impl MixedTokenizer {
    fn push_word(tokens: &mut Vec<Token>, text: &str, from: usize, to: usize) {
        let position = tokens.len();
        tokens.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text: text[from..to].to_string(),
            position_length: 1,
        });
    }

    fn push_chinese(tokens: &mut Vec<Token>, text: &str, from: usize, to: usize) {
        let run = &text[from..to];
        for t in lookout_text::jieba().tokenize(run, jieba_rs::TokenizeMode::Search, false) {
            let offset = from + (t.word.as_ptr() as usize - run.as_ptr() as usize);
            let position = tokens.len();
            tokens.push(Token {
                offset_from: offset,
                offset_to: offset + t.word.len(),
                position,
                text: t.word.to_string(),
                position_length: 1,
            });
        }
    }
}

impl Tokenizer for MixedTokenizer {
    type TokenStream<'a> = MixedTokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MixedTokens {
        let mut tokens = Vec::new();
        // (start, whether the run is Chinese)
        let mut run: Option<(usize, bool)> = None;
        for (i, c) in text.char_indices() {
            let kind = if is_han(c) {
                Some(true)
            } else if c.is_alphanumeric() {
                Some(false)
            } else {
                None
            };
            match (run, kind) {
                (Some((_, han)), Some(k)) if han == k => {}
                (Some((start, han)), _) => {
                    if han {
                        Self::push_chinese(&mut tokens, text, start, i);
                    } else {
                        Self::push_word(&mut tokens, text, start, i);
                    }
                    run = kind.map(|k| (i, k));
                }
                (None, k) => run = k.map(|k| (i, k)),
            }
        }
        if let Some((start, han)) = run {
            if han {
                Self::push_chinese(&mut tokens, text, start, text.len());
            } else {
                Self::push_word(&mut tokens, text, start, text.len());
            }
        }
        MixedTokens { tokens, next: 0, current: Token::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_and_chinese_words_with_offsets() {
        let text = "The Fuzhou PSB, 福州市公安局在鹿特丹 ran 2 sites.";
        let mut t = MixedTokenizer;
        let mut stream = t.token_stream(text);
        let mut words = Vec::new();
        while stream.advance() {
            let tok = stream.token();
            assert_eq!(&text[tok.offset_from..tok.offset_to], tok.text);
            words.push(tok.text.clone());
        }
        for w in ["The", "Fuzhou", "PSB", "福州", "公安局", "鹿特丹", "ran", "2", "sites"] {
            assert!(words.contains(&w.to_string()), "{w} in {words:?}");
        }
        assert!(!words.iter().any(|w| w.trim().is_empty() || w == ","), "{words:?}");
    }
}
