//! Latin letters from any spelling: accents and compatibility forms dropped, Cyrillic romanised.

use unicode_normalization::UnicodeNormalization;

/// Cyrillic letters in a common romanisation (Russian, Ukrainian, Belarusian, Mongolian).
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ў' => "u",
        'ү' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// ASCII lower case: compatibility forms decomposed, accents dropped, Cyrillic romanised.
pub fn ascii_fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(folded) = common_folds().get((c as u32).wrapping_sub(FOLDS_FROM) as usize) {
            out.push_str(folded);
        } else {
            fold_char(c, &mut out);
        }
    }
    out
}

/// The characters whose folds are made once, ahead: Latin-1, Latin Extended-A and -B, Cyrillic.
const FOLDS_FROM: u32 = 0xC0;
const FOLDS_TO: u32 = 0x4FF;

/// [`fold_char`] of every character from [`FOLDS_FROM`] to [`FOLDS_TO`] (decomposing a character
/// costs more than the rest of reading a name).
fn common_folds() -> &'static [String] {
    static FOLDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FOLDS.get_or_init(|| {
        (FOLDS_FROM..=FOLDS_TO)
            .map(|c| {
                let mut out = String::new();
                if let Some(c) = char::from_u32(c) {
                    fold_char(c, &mut out);
                }
                out
            })
            .collect()
    })
}

/// One character folded: lower case, romanised if Cyrillic (before decomposition, so that й stays
/// y rather than и with a breve), else decomposed with its accents dropped. Characters fold one
/// by one: the accents a decomposition reorders are all dropped.
fn fold_char(c: char, out: &mut String) {
    for c in c.to_lowercase() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(latin) = cyrillic(c) {
            out.push_str(latin);
        } else {
            for c in std::iter::once(c).nfkd().flat_map(char::to_lowercase) {
                fold_letter(c, out);
            }
        }
    }
}

/// Drops accents and tone marks, keeping case (`Lǚ Liáng` → `Lu Liang`).
pub fn strip_marks(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    text.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect()
}

/// One decomposed, lower-case character onto ASCII.
fn fold_letter(c: char, out: &mut String) {
    {
        if c.is_ascii() {
            out.push(c);
        } else {
            match c {
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'đ' | 'ð' => out.push('d'),
                'ł' => out.push('l'),
                'ı' => out.push('i'),
                'þ' => out.push_str("th"),
                c if unicode_normalization::char::is_combining_mark(c) => {}
                c if c.is_alphanumeric() => out.push(c),
                _ => out.push(' '),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fold as first written: the whole name lower-cased, then each character.
    fn whole_name_fold(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_ascii() {
                out.push(c);
            } else if let Some(latin) = cyrillic(c) {
                out.push_str(latin);
            } else {
                for c in std::iter::once(c).nfkd().flat_map(char::to_lowercase) {
                    fold_letter(c, &mut out);
                }
            }
        }
        out
    }

    #[test]
    fn folding_by_character_is_folding_the_name() {
        let every: String = (0xA0..=0x52F).filter_map(char::from_u32).collect();
        assert_eq!(ascii_fold(&every), whole_name_fold(&every));
        for name in ["Ãlvaro Nuñez-Ōtsuka", "İLHAN Ömer", "Łukasz Żółć", "Sergeĭ Лавров", "Đặng Thị Ngọc", "ǅ ǈ ǋ"]
        {
            assert_eq!(ascii_fold(name), whole_name_fold(name), "{name}");
        }
    }

    #[test]
    fn folds_accents_and_cyrillic() {
        assert_eq!(ascii_fold("François Pérez"), "francois perez");
        assert_eq!(ascii_fold("Сергей Лавров"), "sergey lavrov");
        assert_eq!(strip_marks("Lǚ Liáng"), "Lu Liang");
    }
}
