//! Attachments that would fail an inspection: a file whose contents are not what its extension
//! says (a renamed Word file, an HTML error page saved as .pdf), a broken DOCX/XLSX/PDF that will
//! not open, one above the size limit — and personal data or secret markings inside the text of
//! attached PDF, DOCX and XLSX files. (A link to a file that does not exist is `broken-link`.)

use super::extract::{self, Format};
use crate::error::Problem;
use crate::site::Site;
use std::path::Path;

/// The leading bytes each extension's files start with.
fn signature(ext: &str) -> Option<&'static [&'static [u8]]> {
    Some(match ext {
        "pdf" => &[b"%PDF-"],
        "docx" | "xlsx" | "pptx" | "zip" => &[b"PK\x03\x04"],
        "doc" | "xls" | "ppt" => &[b"\xD0\xCF\x11\xE0"],
        "png" => &[b"\x89PNG"],
        "jpg" | "jpeg" => &[b"\xFF\xD8\xFF"],
        "gif" => &[b"GIF8"],
        "webp" => &[b"RIFF"],
        _ => return None,
    })
}

pub fn check(site: &Site, root: &Path, out: &mut Vec<Problem>) {
    let max = site.config.inspection.attachment_max_mb;
    for asset in &site.assets {
        let file = format!("{}/{}", crate::content::CONTENT_DIR, asset.rel);
        let ext = asset
            .rel
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let Some(signatures) = signature(&ext) else {
            continue;
        };
        let size = std::fs::metadata(&asset.path).map(|m| m.len()).unwrap_or(0);
        if size > max.saturating_mul(1024 * 1024) {
            out.push(
                super::warning(Problem::error(
                    "attachment-size",
                    crate::text!(
                        "inspect-attachment-size",
                        mb = (size / (1024 * 1024)) as i64,
                        limit = max as i64
                    ),
                ))
                .in_file(&file)
                .help(crate::text!("inspect-attachment-size-help")),
            );
            continue;
        }
        let Ok(bytes) = std::fs::read(root.join(crate::content::CONTENT_DIR).join(&asset.rel))
        else {
            continue;
        };
        if !signatures.iter().any(|s| bytes.starts_with(s)) {
            out.push(
                super::warning(Problem::error(
                    "attachment-type",
                    crate::text!("inspect-attachment-type", ext = ext.as_str()),
                ))
                .in_file(&file)
                .help(crate::text!("inspect-attachment-type-help")),
            );
            continue;
        }
        if let Some(format) = Format::of(&asset.rel) {
            contents(&file, format, &bytes, out);
        }
    }
}

/// Personal data and markings in an attachment's text; a file that does not open is broken.
fn contents(file: &str, format: Format, bytes: &[u8], out: &mut Vec<Problem>) {
    let text = match extract::text(format, bytes) {
        Ok(t) => t,
        Err(reason) => {
            out.push(
                Problem::error(
                    "attachment-broken",
                    crate::text!("inspect-attachment-broken", reason = reason),
                )
                .in_file(file)
                .help(crate::text!("inspect-attachment-broken-help")),
            );
            return;
        }
    };
    for f in super::personal::find(&text) {
        let p = super::personal::finding(&f, &[]).in_file(file);
        out.push(p.help(crate::text!(
            "inspect-personal-attachment-help",
            masked = super::personal::masked(&f.text)
        )));
    }
    for line in text.lines().take(20) {
        if let Some(m) = super::secrets::marking(line) {
            out.push(super::secrets::finding(m).in_file(file));
            break;
        }
    }
}
