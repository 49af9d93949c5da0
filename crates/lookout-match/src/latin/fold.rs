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
    // Romanised before decomposition, so that й stays y rather than и with a breve.
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if let Some(latin) = cyrillic(c) {
            out.push_str(latin);
            continue;
        }
        for c in std::iter::once(c).nfkd().flat_map(char::to_lowercase) {
            fold_letter(c, &mut out);
        }
    }
    out
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

    #[test]
    fn folds_accents_and_cyrillic() {
        assert_eq!(ascii_fold("François Pérez"), "francois perez");
        assert_eq!(ascii_fold("Сергей Лавров"), "sergey lavrov");
        assert_eq!(strip_marks("Lǚ Liáng"), "Lu Liang");
    }
}
