//! Personal data protection (PIPL): phone and ID numbers are encrypted at rest with AES-256-GCM
//! and found again through a keyed hash (HMAC-SHA256), so the database never holds them in
//! clear and an equality lookup needs no decryption. Keys derive from one master secret;
//! the token-signing key may come from a secret of its own, so that signing keys can rotate
//! (logging everyone out) without losing the encrypted phone numbers.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD_NO_PAD as B64, URL_SAFE_NO_PAD as B64URL};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone)]
pub struct Secrets {
    field_key: [u8; 32],
    lookup_key: [u8; 32],
    token_key: [u8; 32],
    signing_key: [u8; 32],
}

fn derive(master: &[u8], label: &str) -> [u8; 32] {
    let mut mac = <HmacSha256 as Mac>::new_from_slice(master).expect("hmac takes any key length");
    mac.update(label.as_bytes());
    mac.finalize().into_bytes().into()
}

/// The shortest master or token secret accepted: anything shorter is guessable or a mistake.
pub const MIN_SECRET_LEN: usize = 32;

/// Refuse an empty or short secret (by its length in bytes, after trimming).
pub fn check_secret(what: &str, secret: &str) -> Result<(), String> {
    let n = secret.trim().len();
    if n < MIN_SECRET_LEN {
        return Err(format!(
            "{what} is {n} bytes long; at least {MIN_SECRET_LEN} are required"
        ));
    }
    Ok(())
}

impl Secrets {
    /// Replace the token-signing key by one derived from its own secret.
    pub fn with_token_secret(mut self, token_secret: &[u8]) -> Self {
        self.token_key = derive(token_secret, "linli/token-signing/v2");
        self
    }

    /// The password of the gateway's serving database login (hex, 64 characters): derived,
    /// so every gateway of a deployment knows it and none is stored.
    pub fn database_password(&self) -> String {
        hex::encode(derive(&self.lookup_key, "linli/db-serving-password/v1"))
    }

    pub fn from_master(master: &[u8]) -> Self {
        Secrets {
            field_key: derive(master, "linli/field-encryption/v1"),
            lookup_key: derive(master, "linli/lookup-hash/v1"),
            token_key: derive(master, "linli/token-signing/v1"),
            signing_key: derive(master, "linli/signed-payloads/v1"),
        }
    }

    /// A fresh random master secret, base64, for a data directory that has none yet.
    pub fn generate_master() -> String {
        let mut buf = [0u8; 32];
        rand::rng().fill_bytes(&mut buf);
        B64.encode(buf)
    }

    pub fn token_key(&self) -> &[u8] {
        &self.token_key
    }

    /// A MAC over `payload` for one `purpose` (QR check-in codes, say): a tag made for one
    /// purpose never verifies for another.
    pub fn sign(&self, purpose: &str, payload: &[u8]) -> [u8; 32] {
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.signing_key).expect("any key length");
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(payload);
        mac.finalize().into_bytes().into()
    }

    /// Constant-time check of a tag made by `sign`.
    pub fn verify(&self, purpose: &str, payload: &[u8], tag: &[u8]) -> bool {
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.signing_key).expect("any key length");
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(payload);
        mac.verify_slice(tag).is_ok()
    }

    /// `base64url(payload).base64url(tag)`: a code that carries its own payload (a QR code's,
    /// say), readable by anyone and made only with the master secret.
    pub fn signed_token(&self, purpose: &str, payload: &str) -> String {
        let tag = self.sign(purpose, payload.as_bytes());
        format!("{}.{}", B64URL.encode(payload), B64URL.encode(tag))
    }

    /// The payload of a token made by `signed_token` for `purpose`; `None` for an edited token,
    /// one made for another purpose, and anything else.
    pub fn open_signed_token(&self, purpose: &str, token: &str) -> Option<String> {
        let (p, t) = token.trim().split_once('.')?;
        let payload = B64URL.decode(p).ok()?;
        let tag = B64URL.decode(t).ok()?;
        if !self.verify(purpose, &payload, &tag) {
            return None;
        }
        String::from_utf8(payload).ok()
    }

    /// `v1:` + base64(nonce || ciphertext).
    pub fn encrypt(&self, plain: &str) -> String {
        let cipher = Aes256Gcm::new((&self.field_key).into());
        let mut nonce = [0u8; 12];
        rand::rng().fill_bytes(&mut nonce);
        let ct = cipher
            .encrypt(&Nonce::from(nonce), plain.as_bytes())
            .expect("AES-GCM encryption does not fail for in-memory input");
        let mut out = nonce.to_vec();
        out.extend(ct);
        format!("v1:{}", B64.encode(out))
    }

    pub fn decrypt(&self, sealed: &str) -> Option<String> {
        let raw = B64.decode(sealed.strip_prefix("v1:")?).ok()?;
        if raw.len() < 12 {
            return None;
        }
        let (nonce, ct) = raw.split_at(12);
        let cipher = Aes256Gcm::new((&self.field_key).into());
        let nonce: [u8; 12] = nonce.try_into().ok()?;
        let plain = cipher.decrypt(&Nonce::from(nonce), ct).ok()?;
        String::from_utf8(plain).ok()
    }

    /// Deterministic keyed hash for lookups by equality.
    pub fn lookup_hash(&self, value: &str) -> String {
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.lookup_key).expect("any key length");
        mac.update(value.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

/// 13812345678 → 138****5678; short values are masked whole.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypt_round_trips_and_is_randomised() {
        let s = Secrets::from_master(b"test master");
        let a = s.encrypt("13812345678");
        let b = s.encrypt("13812345678");
        assert_ne!(a, b, "each encryption uses a fresh nonce");
        assert!(!a.contains("13812345678"));
        assert_eq!(s.decrypt(&a).as_deref(), Some("13812345678"));
        let other = Secrets::from_master(b"another master");
        assert_eq!(other.decrypt(&a), None, "a different key cannot read it");
    }

    #[test]
    fn lookup_hash_is_stable_and_keyed() {
        let s = Secrets::from_master(b"k1");
        assert_eq!(s.lookup_hash("x"), s.lookup_hash("x"));
        assert_ne!(
            s.lookup_hash("x"),
            Secrets::from_master(b"k2").lookup_hash("x")
        );
    }

    #[test]
    fn token_key_rotates_without_touching_field_encryption() {
        let s = Secrets::from_master(b"master secret of thirty-two bytes");
        let sealed = s.encrypt("13812345678");
        let rotated = s.clone().with_token_secret(b"a new token secret");
        assert_ne!(s.token_key(), rotated.token_key());
        assert_eq!(rotated.decrypt(&sealed).as_deref(), Some("13812345678"));
    }

    #[test]
    fn short_secrets_are_refused() {
        assert!(check_secret("x", "").is_err());
        assert!(check_secret("x", "short").is_err());
        assert!(check_secret("x", &"k".repeat(32)).is_ok());
    }

    #[test]
    fn masks_phone_numbers() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("12345"), "*****");
    }
}
