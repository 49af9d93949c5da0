//! Near-duplicate detection: a 64-bit SimHash of a text's shingles (three-word runs of Latin
//! words, two-character runs of Han characters). Reposts of one article — a different header,
//! a line added, punctuation changed — differ in a few bits; different articles in about half.

use lookout_text::is_han;

/// Most differing bits for two texts to be one text reposted. Unrelated texts differ in about 32
/// bits (binomial, σ = 4): 8 or fewer happens by chance about once in 10⁸ pairs, while a repost
/// with its own header and footer differs in 5 or so.
pub const NEAR: u32 = 8;

/// FNV-1a of a word, lower-cased on the way (ASCII; other letters as they are).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Mixes the hashes of a shingle's parts into one (order matters).
fn mix(a: u64, b: u64, c: u64) -> u64 {
    let mut h = a.rotate_left(21) ^ b.rotate_left(42) ^ c;
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// The SimHash of a text.
pub fn fingerprint(text: &str) -> u64 {
    let mut weights = [0i32; 64];
    let mut add = |h: u64| {
        for (bit, w) in weights.iter_mut().enumerate() {
            *w += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    };
    // Three-word shingles of the Latin words, two-character shingles of the Han characters.
    let (mut w1, mut w2, mut words) = (0u64, 0u64, 0usize);
    let mut previous_han: Option<char> = None;
    let mut word_start: Option<usize> = None;
    let mut take_word = |word: &str, add: &mut dyn FnMut(u64)| {
        let h = word_hash(word);
        if words >= 2 {
            add(mix(w1, w2, h));
        }
        w1 = w2;
        w2 = h;
        words += 1;
    };
    for (i, c) in text.char_indices() {
        if is_han(c) {
            if let Some(p) = previous_han {
                add(mix(u64::from(p as u32), u64::from(c as u32), 0x9e37_79b9));
            }
            previous_han = Some(c);
        } else {
            previous_han = None;
        }
        let in_word = c.is_alphanumeric() && !is_han(c);
        match (in_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                take_word(&text[s..i], &mut add);
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = word_start {
        take_word(&text[s..], &mut add);
    }
    weights.iter().enumerate().fold(0u64, |acc, (bit, w)| if *w > 0 { acc | 1 << bit } else { acc })
}

/// Bits that differ.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reposts_are_near_and_other_texts_are_not() {
        let article = "Investigators in Rotterdam said on 25 October 2022 that two offices had been run by the Fuzhou Public Security Bureau. The Dutch foreign ministry ordered them closed, and the police opened an inquiry into pressure on residents to return. A spokesman said more reports were expected. ".repeat(3);
        let repost = format!("REPOSTED from another site. {article} Share this story.");
        let other = "The Changle Association of America was named in a case in New York, where two men were arrested on 17 April 2023 and charged with acting as agents of a foreign government without notice. ".repeat(3);
        assert!(distance(fingerprint(&article), fingerprint(&repost)) <= NEAR);
        assert!(distance(fingerprint(&article), fingerprint(&other)) > NEAR * 2);
        let zh = "据报道，福州市公安局和青田县公安局在荷兰鹿特丹和阿姆斯特丹设立了海外服务站。2022年10月，荷兰外交部宣布调查，警方随后展开询问。".repeat(3);
        let zh_repost = format!("转载：{zh}（完）");
        assert!(distance(fingerprint(&zh), fingerprint(&zh_repost)) <= NEAR);
    }
}
