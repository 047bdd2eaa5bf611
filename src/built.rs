//! What a build publishes, named below every stage that makes, checks or writes it: `render`
//! makes [`OutputFile`]s and `output` writes them; `site` keeps aliases off the manifest's name,
//! which `integrity` reads and `output` recognises a previous build by.

/// A file of the built site: path relative to the output root (`/`-separated) and its bytes.
#[derive(Clone, Debug)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The integrity manifest, written at the root of the output; never listed in itself.
pub const MANIFEST_FILE: &str = "civic-manifest.json";

/// A published file as the manifest records it: its SHA-256 and size.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct FileEntry {
    pub sha256: String,
    pub size: u64,
}

impl FileEntry {
    /// The entry of a file with these bytes.
    pub fn of(bytes: &[u8]) -> FileEntry {
        FileEntry {
            sha256: crate::digest::sha256_hex(bytes),
            size: bytes.len() as u64,
        }
    }
}
