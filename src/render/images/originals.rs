//! Files beside the Markdown, as they are published. A picture is never copied byte for byte:
//! a phone photo carries where it was taken (EXIF GPS), the phone's model and more (XMP, IPTC),
//! and for a role model photographed at home that is where they live.
//!
//! - A page's `photo:` or `poster:` is published only in its resized forms, unless site.yaml
//!   says `images: { publish_originals: true }`; then the full-size picture is published too,
//!   encoded again without metadata.
//! - Any other JPEG, PNG or WebP (a picture shown in the text) is encoded again without metadata.
//! - Formats the build cannot decode and clean (HEIC, TIFF, …) are refused with a help line.
//! - Every other file (PDF, …) is copied as it is.

use super::{CACHE_DIR, ENCODING_VERSION, decode_upright, hex8};
use crate::built::OutputFile;
use crate::content::AssetFile;
use crate::error::Problem;
use crate::site::Site;
use image::{DynamicImage, ImageFormat};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// Quality of a re-encoded full-size JPEG: high, since it stands in for the original.
const ORIGINAL_QUALITY: u8 = 92;

/// Picture formats that can carry a location and that the build cannot decode to clean.
const UNCLEANABLE: &[&str] = &["heic", "heif", "avif", "tif", "tiff", "dng"];

/// The file to publish for `asset`, or `None` when it is withheld (a page's photo or poster
/// while the site does not publish originals). `figures` are the content-relative paths of
/// every page's photo and poster.
pub fn publish_asset(
    site: &Site,
    root: &Path,
    asset: &AssetFile,
    figures: &BTreeSet<&str>,
) -> Result<Option<OutputFile>, Problem> {
    let file = Path::new(crate::content::CONTENT_DIR).join(&asset.rel);
    let ext = asset
        .rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if UNCLEANABLE.contains(&ext.as_str()) {
        return Err(Problem::error(
            "unsafe-image",
            crate::text!("image-unsafe-format", ext = ext),
        )
        .in_file(&file)
        .help(crate::text!("image-unsafe-format-help")));
    }
    let format = match ext.as_str() {
        "jpg" | "jpeg" => ImageFormat::Jpeg,
        "png" => ImageFormat::Png,
        "webp" => ImageFormat::WebP,
        _ => {
            let bytes = std::fs::read(&asset.path)
                .map_err(|e| crate::error::unreadable(Path::new(&file), &e.to_string()))?;
            return Ok(Some(OutputFile {
                path: asset.rel.clone(),
                bytes,
            }));
        }
    };
    if figures.contains(asset.rel.as_str()) && !site.config.images.publish_originals {
        return Ok(None);
    }
    let bytes = std::fs::read(&asset.path)
        .map_err(|e| crate::error::unreadable(Path::new(&file), &e.to_string()))?;
    let cache = root.join(CACHE_DIR);
    let cached = cache.join(format!(
        "{}-full-{ENCODING_VERSION}.{ext}",
        hex8(&Sha256::digest(&bytes))
    ));
    let cleaned = match std::fs::read(&cached) {
        Ok(data) => data,
        Err(_) => {
            let data = decode_upright(&bytes)
                .and_then(|img| encode_clean(&img, format).map_err(super::said))
                .map_err(|e| {
                    Problem::error("image", crate::text!("image-unreadable", reason = e))
                        .in_file(&file)
                        .help(crate::text!("image-export-again"))
                })?;
            // The cache only saves time; a failure to write it is not a build failure.
            let _ = crate::paths::write_file_atomically(&cached, &data);
            data
        }
    };
    Ok(Some(OutputFile {
        path: asset.rel.clone(),
        bytes: cleaned,
    }))
}

/// The formats a picture is published in (and cleaned to): `jpg`, `jpeg`, `png`, `webp`.
pub fn picture_format(ext: &str) -> Option<ImageFormat> {
    match ext.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
        "png" => Some(ImageFormat::Png),
        "webp" => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// Whether the build refuses pictures with this extension (they can carry a location and it
/// cannot decode them to clean them).
pub fn uncleanable(ext: &str) -> bool {
    UNCLEANABLE.contains(&ext.to_ascii_lowercase().as_str())
}

/// `bytes` as the build publishes a full-size picture: decoded, turned upright by its EXIF
/// orientation, and encoded again in `format` with nothing but the pixels (no EXIF GPS, camera,
/// XMP or IPTC). The desk stores an uploaded photo this way.
pub fn clean_picture(bytes: &[u8], format: ImageFormat) -> Result<Vec<u8>, crate::messages::Text> {
    decode_upright(bytes).and_then(|img| encode_clean(&img, format).map_err(super::said))
}

/// The pixels alone in `format`: the encoders write no EXIF, XMP, IPTC or ICC block unless
/// asked to, and nothing here asks.
fn encode_clean(img: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, String> {
    let mut out = std::io::Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            let encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, ORIGINAL_QUALITY);
            DynamicImage::ImageRgb8(img.to_rgb8())
                .write_with_encoder(encoder)
                .map_err(|e| e.to_string())?;
        }
        // The WebP encoder takes 8-bit RGB(A) only.
        ImageFormat::WebP => DynamicImage::ImageRgba8(img.to_rgba8())
            .write_to(&mut out, format)
            .map_err(|e| e.to_string())?,
        _ => img.write_to(&mut out, format).map_err(|e| e.to_string())?,
    }
    Ok(out.into_inner())
}
