//! How alike two words are: spelling (optimal string alignment), sound (a rough key that
//! transliterations agree on), diminutives (`Ted` = `Theodore`), initials.

use smallvec::SmallVec;

/// Common given-name diminutives: (short form, full form).
const NICKNAMES: &[(&str, &str)] = &[
    ("ben", "benjamin"),
    ("ted", "theodore"),
    ("ted", "edward"),
    ("ed", "edward"),
    ("bill", "william"),
    ("will", "william"),
    ("bob", "robert"),
    ("rob", "robert"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("mike", "michael"),
    ("tom", "thomas"),
    ("tony", "anthony"),
    ("alex", "alexander"),
    ("sasha", "alexander"),
    ("dave", "david"),
    ("dan", "daniel"),
    ("kate", "katherine"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("peggy", "margaret"),
    ("maggie", "margaret"),
    ("chris", "christopher"),
    ("nick", "nicholas"),
    ("steve", "stephen"),
    ("andy", "andrew"),
    ("sam", "samuel"),
    ("matt", "matthew"),
    ("pat", "patrick"),
    ("vova", "vladimir"),
    ("volodymyr", "vladimir"),
    ("misha", "mikhail"),
    ("kolya", "nikolai"),
    ("john", "juan"),
    ("john", "johannes"),
    ("john", "jean"),
    ("john", "jan"),
];

/// Whether one word is a diminutive of the other (`ted`, `theodore`).
fn nicknames_agree(a: &str, b: &str) -> bool {
    use std::sync::OnceLock;
    static PARTNERS: OnceLock<rustc_hash::FxHashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let partners = PARTNERS.get_or_init(|| {
        let mut partners: rustc_hash::FxHashMap<&'static str, Vec<&'static str>> = Default::default();
        for (short, full) in NICKNAMES {
            partners.entry(short).or_default().push(full);
            partners.entry(full).or_default().push(short);
        }
        partners
    });
    partners.get(a).is_some_and(|p| p.contains(&b))
}

/// A rough sound key: spellings that transliterations vary between made alike (ph/f, kh/h,
/// ou/u, y/i, w/v, z/s, c/k, doubled letters…).
pub(super) fn sound(word: &str) -> String {
    let mut key = SmallVec::new();
    sound_bytes_into(word, &mut key);
    String::from_utf8(key.into_vec()).expect("sound keys are whole characters")
}

/// [`sound`] for any word, a character at a time.
fn any_sound(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let b = word.as_bytes();
    let mut i = 0;
    // Doubled sounds count once: the last one pushed is remembered rather than read back.
    let mut last: Option<char> = None;
    let mut push = |c: char, out: &mut String| {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    };
    while i < b.len() {
        let pair = (b[i], b.get(i + 1).copied().unwrap_or(0));
        let (c, used) = match pair {
            (b'p', b'h') => ('f', 2),
            (b't', b'h') => ('t', 2),
            (b'k', b'h') => ('h', 2),
            (b'g', b'h') => ('g', 2),
            (b'd', b'h') => ('d', 2),
            (b'c', b'k') => ('k', 2),
            (b'o', b'u') | (b'o', b'o') => ('u', 2),
            (b'e', b'e') | (b'i', b'e') => ('i', 2),
            (b'y', _) => ('i', 1),
            (b'w', _) => ('v', 1),
            (b'z', _) => ('s', 1),
            (b'c', _) | (b'q', _) => ('k', 1),
            (b'x', _) => {
                push('k', &mut out);
                ('s', 1)
            }
            (x, _) if x.is_ascii() => (x as char, 1),
            _ => {
                // A non-ASCII letter (a script without romanisation here): kept whole.
                let c = word[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            }
        };
        push(c, &mut out);
        i += used;
    }
    out
}

/// Appends the [`sound`] key of `word` to `out`, as UTF-8 bytes (on the stack for most names).
pub(super) fn sound_bytes_into(word: &str, out: &mut SmallVec<[u8; 96]>) {
    if word.is_ascii() && word.len() <= 32 {
        let (key, n) = ascii_sound(word.as_bytes());
        out.extend_from_slice(&key[..n]);
    } else {
        out.extend_from_slice(any_sound(word).as_bytes());
    }
}

/// The [`sound`] key of an ASCII word of up to 32 letters, made on the stack: its bytes and length.
fn ascii_sound(b: &[u8]) -> ([u8; 64], usize) {
    // At most two sounds per letter (x → ks).
    let mut key = [0u8; 64];
    let mut n = 0;
    let mut push = |c: u8| {
        if n == 0 || key[n - 1] != c {
            key[n] = c;
            n += 1;
        }
    };
    let mut i = 0;
    while i < b.len() {
        let (c, used) = match (b[i], b.get(i + 1).copied().unwrap_or(0)) {
            (b'p', b'h') => (b'f', 2),
            (b't', b'h') => (b't', 2),
            (b'k', b'h') => (b'h', 2),
            (b'g', b'h') => (b'g', 2),
            (b'd', b'h') => (b'd', 2),
            (b'c', b'k') => (b'k', 2),
            (b'o', b'u') | (b'o', b'o') => (b'u', 2),
            (b'e', b'e') | (b'i', b'e') => (b'i', 2),
            (b'y', _) => (b'i', 1),
            (b'w', _) => (b'v', 1),
            (b'z', _) => (b's', 1),
            (b'c', _) | (b'q', _) => (b'k', 1),
            (b'x', _) => {
                push(b'k');
                (b's', 1)
            }
            (x, _) => (x, 1),
        };
        push(c);
        i += used;
    }
    (key, n)
}

/// 1 − (optimal string alignment distance ÷ length of the longer) when that is at least `least`;
/// 0 when it cannot be (the caller wants no more than to know).
pub(super) fn ratio(a: &Spelling<'_>, b: &Spelling<'_>, least: f64) -> f64 {
    if a.ascii && b.ascii {
        // Each letter one word has and the other lacks takes an edit: most pairs of different
        // words are told apart by their sets of letters, made once per word.
        let longest = a.chars.max(b.chars);
        let most = ((1.0 - least) * longest as f64 + 1e-6) as usize;
        let (only_a, only_b) = ((a.letters & !b.letters).count_ones(), (b.letters & !a.letters).count_ones());
        if only_a.max(only_b) as usize > most {
            return 0.0;
        }
        return ascii_ratio(a.text.as_bytes(), b.text.as_bytes(), least);
    }
    let longest = a.chars.max(b.chars);
    if longest == 0 {
        return 1.0;
    }
    1.0 - strsim::osa_distance(a.text, b.text) as f64 / longest as f64
}

/// A word as comparison needs it, measured once: its characters, whether it is ASCII, whether it
/// has digits, and the set of its letters (by their last five bits: a digit may share a bit with a
/// letter, which only makes the sets more alike).
#[derive(Debug, Clone, Copy)]
pub(super) struct Spelling<'a> {
    /// The word.
    pub(super) text: &'a str,
    chars: usize,
    ascii: bool,
    digits: bool,
    letters: u32,
}

impl<'a> Spelling<'a> {
    /// Measures a word.
    pub(super) fn of(text: &'a str) -> Spelling<'a> {
        let (mut high, mut digits, mut letters) = (0u8, false, 0u32);
        for b in text.bytes() {
            high |= b;
            digits |= b.is_ascii_digit();
            letters |= 1 << (b & 31);
        }
        let ascii = high < 0x80;
        Spelling { text, chars: if ascii { text.len() } else { text.chars().count() }, ascii, digits, letters }
    }
}

/// How many characters a word has (its length in bytes when ASCII, as words mostly are here).
pub(super) fn char_count(word: &str) -> usize {
    if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    }
}

/// At most the fewest edits two ASCII words (of up to 32 letters) can be apart by their letters
/// alone: each letter one word has more of than the other must be inserted, deleted or
/// substituted (a transposition keeps letters). Letters are counted by their last five bits, so
/// that a few digits share a count with letters: that only makes the bound lower.
fn letter_bound(a: &[u8], b: &[u8]) -> usize {
    let mut counts = [0i8; 32];
    for &c in a {
        counts[usize::from(c & 31)] += 1;
    }
    for &c in b {
        counts[usize::from(c & 31)] -= 1;
    }
    let (mut more_a, mut more_b) = (0usize, 0usize);
    for n in counts {
        if n > 0 {
            more_a += n as usize;
        } else {
            more_b += (-n) as usize;
        }
    }
    more_a.max(more_b)
}

/// [`ratio`] over ASCII bytes, on the stack for words up to 32 letters.
fn ascii_ratio(a: &[u8], b: &[u8], least: f64) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    // The most edits a pair at `least` can need (a hair over, so that rounding never cuts a pair
    // exactly at it): past it, the answer is 0 whatever the rest.
    let most = ((1.0 - least) * longest as f64 + 1e-6) as usize;
    if a.len().abs_diff(b.len()) > most {
        return 0.0;
    }
    if longest > 32 {
        let text = |x: &[u8]| String::from_utf8_lossy(x).into_owned();
        return 1.0 - strsim::osa_distance(&text(a), &text(b)) as f64 / longest as f64;
    }
    if letter_bound(a, b) > most {
        return 0.0;
    }
    // Three rows of the optimal string alignment table (values ≤ 32: bytes, cheap to copy).
    let mut before = [0u8; 33];
    let mut previous = [0u8; 33];
    let mut current = [0u8; 33];
    for (j, cell) in previous.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    let mut previous_min = 0;
    for i in 1..=a.len() {
        current[0] = i as u8;
        let mut row_min = i as u8;
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        // A row's least cell never falls below the least of the row before it and one more than
        // the row before that: two rows past the bound keep every later row past it.
        if usize::from(row_min) > most && previous_min > most {
            return 0.0;
        }
        previous_min = usize::from(row_min);
        before = previous;
        previous = current;
    }
    let distance = usize::from(previous[b.len()]);
    if distance > most {
        return 0.0;
    }
    1.0 - distance as f64 / longest as f64
}

/// How alike two words are, in [0, 1].
pub fn word_similarity(a: &str, b: &str) -> f64 {
    let (sound_a, sound_b) = (sound(a), sound(b));
    similarity(&Spelling::of(a), || Spelling::of(&sound_a), &Spelling::of(b), || Spelling::of(&sound_b), WORD_NEAR)
}

/// [`word_similarity`] with the words' sound keys already made: exact when at least `least`,
/// else some value below `least` (a pair that cannot reach it is not worth measuring).
pub(super) fn similarity<'s>(
    a: &Spelling<'_>,
    sound_a: impl FnOnce() -> Spelling<'s>,
    b: &Spelling<'_>,
    sound_b: impl FnOnce() -> Spelling<'s>,
    least: f64,
) -> f64 {
    if a.text == b.text {
        return 1.0;
    }
    if a.digits || b.digits {
        return 0.0;
    }
    if nicknames_agree(a.text, b.text) {
        return 0.9;
    }
    let (count_a, count_b) = (a.chars, b.chars);
    let (short, long, long_count) =
        if count_a <= count_b { (a.text, b.text, count_b) } else { (b.text, a.text, count_a) };
    if count_a.min(count_b) == 1 {
        return if long.starts_with(short) { 0.8 } else { 0.0 };
    }
    if long_count <= 3 {
        return 0.0;
    }
    let spelled = ratio(a, b, least);
    if spelled >= 0.95 {
        // No likeness of sound (at most 0.95) can say more.
        return spelled;
    }
    let (sound_a, sound_b) = (sound_a(), sound_b());
    let sounded = if sound_a.text == sound_b.text { 0.95 } else { ratio(&sound_a, &sound_b, least / 0.95) * 0.95 };
    spelled.max(sounded)
}

/// Least similarity for two words to be taken as the same word.
pub(super) const WORD_MIN: f64 = 0.8;
/// Least similarity for two long words to be taken as one word misspelt, when every other word agrees.
pub(super) const WORD_NEAR: f64 = 0.75;

/// Whether a word is a number, Arabic or Roman (`2004`, `iv`): a series or a unit, not a name.
pub(super) fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
        || (word.len() <= 4 && word.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) && word != "vi")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_ratio_agrees_with_strsim() {
        for (a, b) in
            [("scholz", "schloz"), ("donlad", "donald"), ("khodorkovsky", "khordorovsky"), ("ab", "ba"), ("", "x")]
        {
            let expected = 1.0 - strsim::osa_distance(a, b) as f64 / a.len().max(b.len()) as f64;
            for least in [WORD_NEAR, WORD_MIN] {
                let got = ascii_ratio(a.as_bytes(), b.as_bytes(), least);
                assert!(got == expected || (got == 0.0 && expected < least), "{a} {b}: {got} vs {expected}");
            }
        }
    }

    #[test]
    fn the_letter_bound_never_exceeds_the_distance() {
        for (a, b) in [("scholz", "schloz"), ("donald", "ronald"), ("x2004", "x2005"), ("abc", "xyz"), ("", "ab")] {
            assert!(letter_bound(a.as_bytes(), b.as_bytes()) <= strsim::osa_distance(a, b), "{a} {b}");
        }
        assert_eq!(letter_bound(b"abc", b"xyz"), 3);
    }

    #[test]
    fn sound_keys_on_the_stack_are_the_general_ones() {
        for word in ["khaled", "xuxiaoxi", "phillip", "moussa", "zzyzx", "qiqihar", "ieee", "a", ""] {
            let (key, n) = ascii_sound(word.as_bytes());
            assert_eq!(std::str::from_utf8(&key[..n]).unwrap(), any_sound(word), "{word}");
        }
        assert_eq!(sound("müller"), any_sound("müller"));
    }

    #[test]
    fn sound_keys_join_spellings() {
        assert_eq!(sound("khaled"), sound("haled"));
        assert_eq!(sound("philip"), sound("filip"));
        let mut both = SmallVec::new();
        sound_bytes_into("yusuf", &mut both);
        sound_bytes_into("joseph", &mut both);
        assert_eq!(both.as_slice(), format!("{}{}", sound("yusuf"), sound("joseph")).as_bytes());
        let s = Spelling::of;
        let jonson = similarity(&s("jonson"), || s("jonson"), &s("johnson"), || s("johnson"), WORD_MIN);
        assert!((jonson - 6.0 / 7.0).abs() < 1e-9, "{jonson}");
        assert!(similarity(&s("zhou"), || s("shu"), &s("zhao"), || s("shao"), WORD_MIN) < WORD_MIN);
        assert_eq!(ratio(&s("abcdef"), &s("uvwxyz"), WORD_NEAR), 0.0);
        assert!((ratio(&s("scholz"), &s("schloz"), WORD_NEAR) - 5.0 / 6.0).abs() < 1e-9);
    }
}
