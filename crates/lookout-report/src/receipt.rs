//! Receipt codes: 25 random decimal digits shown once as five groups of five (`40711 29384 …`),
//! about 83 bits; digits are easy to write down and read back in any language. The server keeps
//! only a digest: argon2id over the code with the installation's salt, from which two keys are
//! derived — one stored to find the report, one never stored that unlocks the report's reply key.

use zeroize::{Zeroize, Zeroizing};

use crate::ReportError;

/// Digits in a code.
pub const DIGITS: usize = 25;

/// A receipt code. `Debug` does not show it; it is wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct ReceiptCode(String);

impl std::fmt::Debug for ReceiptCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiptCode(…)")
    }
}

impl Drop for ReceiptCode {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl ReceiptCode {
    /// A new random code.
    pub fn generate() -> ReceiptCode {
        let mut digits = String::with_capacity(DIGITS);
        while digits.len() < DIGITS {
            // Rejection sampling keeps every digit uniform.
            for byte in crate::random_bytes::<32>() {
                if byte < 250 && digits.len() < DIGITS {
                    digits.push(char::from(b'0' + byte % 10));
                }
            }
        }
        ReceiptCode(digits)
    }

    /// Reads a code as a person typed it: spaces, dashes and full-width digits allowed.
    pub fn parse(typed: &str) -> Result<ReceiptCode, ReportError> {
        let mut digits = String::with_capacity(DIGITS);
        for c in typed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '０'..='９' => digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
                ' ' | '-' | '\u{3000}' | '\t' => {}
                _ => return Err(ReportError::MalformedReceipt),
            }
        }
        if digits.len() != DIGITS {
            digits.zeroize();
            return Err(ReportError::MalformedReceipt);
        }
        Ok(ReceiptCode(digits))
    }

    /// The code in five groups of five, for showing once.
    pub fn display(&self) -> String {
        self.0.as_bytes().chunks(5).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
    }

    /// The digest of the code: what is stored to find the report, and the key that unlocks its
    /// reply key (never stored). `salt` is the installation's, 16 bytes or more.
    pub fn derive(&self, salt: &[u8]) -> Result<ReceiptKeys, ReportError> {
        // argon2id, 19 MiB, 2 passes (the OWASP minimum for argon2id).
        let labels = [b"lookout receipt lookup".as_slice(), b"lookout receipt unlock"];
        let keys = crate::kdf::two_keys(self.0.as_bytes(), salt, 19 * 1024, 2, labels)?;
        Ok(ReceiptKeys { lookup: crate::hex(&keys.kept), unlock: keys.secret })
    }
}

/// What a receipt code derives.
pub struct ReceiptKeys {
    /// Stored with the report; finds it again.
    pub lookup: String,
    /// Unlocks the report's reply key; never stored.
    pub unlock: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for ReceiptKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiptKeys(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_random_readable_and_derive_stably() {
        let a = ReceiptCode::generate();
        let b = ReceiptCode::generate();
        assert_ne!(a, b);
        let shown = a.display();
        assert_eq!(shown.len(), 29, "{shown}");
        assert_eq!(ReceiptCode::parse(&shown).unwrap(), a);
        assert_eq!(format!("{a:?}"), "ReceiptCode(…)");
        let full_width: String = shown
            .chars()
            .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c })
            .collect();
        assert_eq!(ReceiptCode::parse(&full_width).unwrap(), a);
        assert!(ReceiptCode::parse("1234").is_err());
        assert!(ReceiptCode::parse(&format!("{shown}x")).is_err());
        let salt = [7u8; 16];
        let (k1, k2) = (a.derive(&salt).unwrap(), a.derive(&salt).unwrap());
        assert_eq!(k1.lookup, k2.lookup);
        assert_eq!(*k1.unlock, *k2.unlock);
        assert_ne!(k1.lookup, crate::hex(k1.unlock.as_ref()));
        assert_ne!(b.derive(&salt).unwrap().lookup, k1.lookup);
        assert_ne!(a.derive(&[8u8; 16]).unwrap().lookup, k1.lookup);
    }
}
