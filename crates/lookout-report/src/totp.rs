//! RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30-second steps), as every
//! authenticator app reads them from an `otpauth://` URI.

use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Seconds per step.
pub const STEP: u64 = 30;

/// A new 160-bit secret.
pub fn new_secret() -> [u8; 20] {
    crate::random_bytes::<20>()
}

/// RFC 4648 base32 without padding, as authenticator apps take secrets.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut acc, mut bits) = (0u32, 0);
    for b in bytes {
        acc = (acc << 8) | u32::from(*b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The code for a step (RFC 4226 dynamic truncation).
pub fn code_at(secret: &[u8], step: u64) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let n = u32::from_be_bytes([digest[offset] & 0x7f, digest[offset + 1], digest[offset + 2], digest[offset + 3]]);
    format!("{:06}", n % 1_000_000)
}

/// The code now.
pub fn code_now(secret: &[u8]) -> String {
    code_at(secret, now() / STEP)
}

/// The time step now.
pub fn current_step() -> u64 {
    now() / STEP
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// Whether `code` is right for now, a step either side allowed for clock drift. Returns the step
/// matched, so that a caller can refuse a code used twice.
pub fn verify(secret: &[u8], code: &str) -> Option<u64> {
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let step = now() / STEP;
    [step.saturating_sub(1), step, step + 1]
        .into_iter()
        .find(|s| crate::constant_time_eq(code_at(secret, *s).as_bytes(), code.as_bytes()))
}

/// The URI an authenticator app scans or takes by hand.
pub fn otpauth_uri(account: &str, secret: &[u8]) -> String {
    let safe: String = account.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')).collect();
    format!("otpauth://totp/Lookout:{safe}?secret={}&issuer=Lookout&algorithm=SHA1&digits=6&period=30", base32(secret))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_test_vectors() {
        // RFC 6238 appendix B, SHA1 key "12345678901234567890" (8-digit codes; these are the last 6).
        let key = b"12345678901234567890";
        assert_eq!(code_at(key, 59 / 30), "287082");
        assert_eq!(code_at(key, 1_111_111_109 / 30), "081804");
        assert_eq!(code_at(key, 1_234_567_890 / 30), "005924");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
        let secret = new_secret();
        assert!(verify(&secret, &code_now(&secret)).is_some());
        assert!(verify(&secret, "12345").is_none());
        assert!(otpauth_uri("ana", &secret).starts_with("otpauth://totp/Lookout:ana?secret="));
    }
}
