//! The public record's tokenizer: jieba (the process's one dictionary, [`lookout_text::jieba`]) in
//! search mode.

use lookout_text::jieba;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The public record's tokenizer: jieba in search mode with its HMM (long words also give their
/// parts; words outside the dictionary are guessed), positions in characters.
#[derive(Clone, Default)]
pub struct JiebaTokenizer;

/// The tokens of one text, from jieba.
pub struct JiebaTokens<'a> {
    text: &'a str,
    tokens: std::vec::IntoIter<jieba_rs::Token<'a>>,
    token: Token,
}

impl TokenStream for JiebaTokens<'_> {
    fn advance(&mut self) -> bool {
        let Some(next) = self.tokens.next() else { return false };
        self.token.offset_from = next.word.as_ptr() as usize - self.text.as_ptr() as usize;
        self.token.offset_to = self.token.offset_from + next.word.len();
        self.token.position = next.start;
        self.token.position_length = next.end - next.start;
        self.token.text.clear();
        self.token.text.push_str(next.word);
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokens<'a> {
        let tokens = jieba().tokenize(text, jieba_rs::TokenizeMode::Search, true).into_iter();
        JiebaTokens { text, tokens, token: Token::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_give_their_parts_with_offsets() {
        let text = "福州市公安局 in Rotterdam";
        let mut tokenizer = JiebaTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut words = Vec::new();
        while stream.advance() {
            let t = stream.token();
            assert_eq!(&text[t.offset_from..t.offset_to], t.text);
            words.push(t.text.clone());
        }
        assert!(words.contains(&"公安局".to_string()) && words.contains(&"Rotterdam".to_string()), "{words:?}");
    }
}
