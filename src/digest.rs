//! Content hashes as the manifest, the image cache, translation marks and the search index's
//! version write them: lowercase hexadecimal.

use sha2::{Digest, Sha256};

/// `bytes` as lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The SHA-256 of `bytes`, in hexadecimal (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_read_as_the_manifest_writes_them() {
        assert_eq!(super::hex(&[0x00, 0xab, 0x10]), "00ab10");
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
