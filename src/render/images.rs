//! Photos and posters resized at build time to a few widths for `srcset`, with width and height
//! known so pages do not shift while images load. Resized files are cached under
//! `.civic-cache/` keyed by the source's hash, so rebuilds and `serve` skip the work.
//!
//! Every published picture is decoded and encoded again: a phone photo's EXIF (GPS position,
//! phone model), XMP and IPTC never reach the site. The EXIF orientation is applied first, so a
//! portrait photo stays portrait once the tag that said so is gone.

mod originals;
pub use originals::{clean_picture, picture_format, publish_asset, uncleanable};

use crate::built::OutputFile;
use crate::error::{Failed, Problem};
use crate::site::Site;
use crate::text;
use fast_image_resize::{PixelType, Resizer, images::Image};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageEncoder};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

pub const CACHE_DIR: &str = ".civic-cache/images";

/// Part of every cached file's name: files made before orientation was applied (or by any other
/// earlier way of encoding) have another name, so a rebuild never reuses them.
const ENCODING_VERSION: &str = "v2";

#[derive(Clone, Debug, Serialize)]
pub struct ImageSet {
    pub src: String,
    pub srcset: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// Resize every figure (photo or poster) the site uses. Returns the sets by content-relative
/// path and the resized files to publish.
pub fn process(
    site: &Site,
    root: &Path,
) -> Result<(HashMap<String, ImageSet>, Vec<OutputFile>), Failed> {
    let files: BTreeSet<&str> = site.shown_pictures();
    let cache = root.join(CACHE_DIR);
    type Processed = Result<(String, ImageSet, Vec<OutputFile>), Problem>;
    let results: Vec<Processed> = files
        .par_iter()
        .map(|rel| variants(site, root, &cache, rel).map(|(set, out)| (rel.to_string(), set, out)))
        .collect();
    let mut sets = HashMap::new();
    let mut outputs = Vec::new();
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok((rel, set, mut out)) => {
                sets.insert(rel, set);
                outputs.append(&mut out);
            }
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok((sets, outputs))
    } else {
        Err(Failed(problems))
    }
}

fn variants(
    site: &Site,
    root: &Path,
    cache: &Path,
    rel: &str,
) -> Result<(ImageSet, Vec<OutputFile>), Problem> {
    let file = format!("{}/{rel}", crate::content::CONTENT_DIR);
    let bytes = std::fs::read(root.join(&file)).map_err(|e| {
        Problem::error("image", text!("image-unreadable", reason = e.to_string())).in_file(&file)
    })?;
    let quality = site.config.images.quality.clamp(30, 95);
    let hash = hex8(&Sha256::digest(&bytes));
    let (width, height) = upright_dimensions(&bytes).ok_or_else(|| {
        Problem::error("image", text!("image-not-an-image"))
            .in_file(&file)
            .help(text!("image-export-again"))
    })?;
    let mut widths: Vec<u32> = site
        .config
        .images
        .widths
        .iter()
        .copied()
        .filter(|w| *w < width)
        .collect();
    widths.push(
        width.min(
            site.config
                .images
                .widths
                .iter()
                .copied()
                .max()
                .unwrap_or(width),
        ),
    );
    widths.sort_unstable();
    widths.dedup();
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .rsplit_once('.')
        .map_or(rel, |(s, _)| s);
    let mut decoded: Option<DynamicImage> = None;
    let mut outputs = Vec::new();
    let mut srcset = Vec::new();
    for &w in &widths {
        let h = ((u64::from(height) * u64::from(w)) / u64::from(width.max(1))).max(1) as u32;
        let name = format!("{hash}-{w}-q{quality}-{ENCODING_VERSION}.jpg");
        let cached = cache.join(&name);
        let data = match std::fs::read(&cached) {
            Ok(data) => data,
            Err(_) => {
                if decoded.is_none() {
                    decoded = Some(decode_upright(&bytes).map_err(|e| {
                        Problem::error("image", text!("image-undecodable", reason = e))
                            .in_file(&file)
                    })?);
                }
                let img = decoded.as_ref().ok_or_else(|| {
                    Problem::error("image", text!("image-undecodable", reason = "")).in_file(&file)
                })?;
                let data = resize_jpeg(img, w, h, quality).map_err(|e| {
                    Problem::error("image", text!("image-unresizable", reason = e.to_string()))
                        .in_file(&file)
                })?;
                // The cache only saves time; a failure to write it is not a build failure.
                let _ = crate::paths::write_file_atomically(&cached, &data);
                data
            }
        };
        let out_path = format!("img/{stem}-{hash}-{w}.jpg");
        srcset.push(format!("{} {w}w", site.url(&format!("/{out_path}"))));
        outputs.push(OutputFile {
            path: out_path,
            bytes: data,
        });
    }
    let src_width = widths
        .iter()
        .copied()
        .filter(|w| *w <= 720)
        .max()
        .unwrap_or(widths[0]);
    let set = ImageSet {
        src: site.url(&format!("/img/{stem}-{hash}-{src_width}.jpg")),
        srcset: srcset.join(", "),
        width: src_width,
        height: ((u64::from(height) * u64::from(src_width)) / u64::from(width.max(1))).max(1)
            as u32,
        alt: String::new(),
    };
    Ok((set, outputs))
}

/// A body's HTML with each picture it shows replaced by its resized set: `srcset`, a `src` of
/// at most 720 pixels, `sizes` no wider than that, and the width and height.
pub fn with_srcset<'h>(
    html: &'h str,
    pictures: &[crate::markdown::Picture],
    sets: &HashMap<String, ImageSet>,
) -> std::borrow::Cow<'h, str> {
    let mut out = std::borrow::Cow::Borrowed(html);
    for picture in pictures {
        let Some(set) = sets.get(&picture.file) else {
            continue;
        };
        let written = format!("src=\"{}\"", picture.src);
        let resized = format!(
            "src=\"{}\" srcset=\"{}\" sizes=\"(max-width: {w}px) 100vw, {w}px\" width=\"{w}\" height=\"{}\" loading=\"lazy\"",
            crate::escape::markup(&set.src),
            crate::escape::markup(&set.srcset),
            set.height,
            w = set.width,
        );
        if out.contains(&written) {
            out = std::borrow::Cow::Owned(out.replace(&written, &resized));
        }
    }
    out
}

fn resize_jpeg(img: &DynamicImage, w: u32, h: u32, quality: u8) -> Result<Vec<u8>, String> {
    let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
    let mut dst = Image::new(w, h, PixelType::U8x3);
    Resizer::new()
        .resize(&rgb, &mut dst, None)
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(dst.buffer(), w, h, image::ExtendedColorType::Rgb8)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The most pixels a picture may have to be decoded: 100 megapixels (a phone photo has 12 to
/// 50) is 300 MB decoded; a 30000×30000 PNG of 2.6 MB would take 5.3 GB (issue 24).
const MAX_PIXELS: u64 = 100_000_000;

/// What the image library said, as the reason of a message.
fn said(e: impl std::fmt::Display) -> crate::messages::Text {
    text!("image-library-said", reason = e.to_string())
}

/// The picture decoded and turned as its EXIF orientation says, ready to publish without it.
/// Its size is read from the header first, and a picture of more than [`MAX_PIXELS`] is refused
/// before any decoding.
fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, crate::messages::Text> {
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(said)?
        .into_decoder()
        .map_err(said)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(text!(
            "image-too-many-pixels",
            width = w,
            height = h,
            megapixels = MAX_PIXELS / 1_000_000
        ));
    }
    // A broken EXIF block is no reason to refuse the photo: it is published as stored.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(said)?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// Width and height as the picture is shown (after its EXIF orientation), read from the
/// header alone so that cached sizes need no decoding.
fn upright_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?
        .into_decoder()
        .ok()?;
    let (w, h) = decoder.dimensions();
    let turned = matches!(
        decoder.orientation().unwrap_or(Orientation::NoTransforms),
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    Some(if turned { (h, w) } else { (w, h) })
}

/// The first five bytes of a digest in hexadecimal: enough to tell cached images apart.
fn hex8(digest: &[u8]) -> String {
    crate::digest::hex(&digest[..digest.len().min(5)])
}
