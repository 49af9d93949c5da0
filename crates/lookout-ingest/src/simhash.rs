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

/// Each byte value spread over the bytes of a word, one bit a byte: byte `k` of `SPREAD[b]` is bit
/// `k` of `b`.
const SPREAD: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut k = 0;
        while k < 8 {
            if b >> k & 1 == 1 {
                table[b] |= 1 << (8 * k);
            }
            k += 1;
        }
        b += 1;
    }
    table
};

/// How many of the hashes added had each of the 64 bits set: eight counters a word, one a byte,
/// added to eight at a time, emptied into the totals before a byte can overflow (the hash of
/// every shingle of every document is counted: one bit at a time was a measurable share of
/// ingest).
struct BitCounts {
    packed: [u64; 8],
    pending: u32,
    totals: [u32; 64],
    added: u32,
}

impl BitCounts {
    fn new() -> BitCounts {
        BitCounts { packed: [0; 8], pending: 0, totals: [0; 64], added: 0 }
    }

    fn add(&mut self, h: u64) {
        for (j, word) in self.packed.iter_mut().enumerate() {
            *word += SPREAD[usize::from((h >> (8 * j)) as u8)];
        }
        self.added += 1;
        self.pending += 1;
        if self.pending == 255 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (j, word) in self.packed.iter_mut().enumerate() {
            for k in 0..8 {
                self.totals[8 * j + k] += u32::from((*word >> (8 * k)) as u8);
            }
            *word = 0;
        }
        self.pending = 0;
    }

    /// The bits set in more of the hashes than not.
    fn majority(mut self) -> u64 {
        self.flush();
        let added = self.added;
        self.totals
            .iter()
            .enumerate()
            .fold(0u64, |acc, (bit, &ones)| if 2 * ones > added { acc | 1 << bit } else { acc })
    }
}

/// The SimHash of a text.
pub fn fingerprint(text: &str) -> u64 {
    let mut counts = BitCounts::new();
    let mut add = |h: u64| counts.add(h);
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
    counts.majority()
}

/// Bits that differ.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_the_byte_agree_with_counts_by_the_bit() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for n in [0usize, 1, 2, 254, 255, 256, 511, 1000] {
            let mut counts = BitCounts::new();
            let mut weights = [0i64; 64];
            for _ in 0..n {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Skewed bits, so that the majorities differ from bit to bit.
                let h = state & (state >> 3) | (state << 61);
                counts.add(h);
                for (bit, w) in weights.iter_mut().enumerate() {
                    *w += if h >> bit & 1 == 1 { 1 } else { -1 };
                }
            }
            let by_bit =
                weights.iter().enumerate().fold(0u64, |acc, (bit, w)| if *w > 0 { acc | 1 << bit } else { acc });
            assert_eq!(counts.majority(), by_bit, "{n} hashes");
        }
    }

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
