//! Photos are published safely: no EXIF/GPS/XMP/IPTC in any published file, the original kept
//! out of the site unless site.yaml opts in, and a phone's portrait photo (stored landscape with
//! an EXIF orientation tag) published as portrait.
use crate::common;

use common::{Fixture, SITE_YAML, select};
use std::io::Cursor;

/// The GPS latitude as stored in the photo (three rationals: 36° 39' 12.34567"): bytes that
/// cannot appear by chance in an encoded picture.
pub(crate) fn gps_latitude() -> Vec<u8> {
    [36u32, 1, 39, 1, 1_234_567, 100_000]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect()
}

pub(crate) const PHONE_MODEL: &[u8] = b"CivicTestPhone\0";
const XMP_SECRET: &[u8] = b"<exif:GPSLatitude>36,39.2058N</exif:GPSLatitude>";
const IPTC_SECRET: &[u8] = b"Photoshop 3.0\0";

/// A TIFF-structured EXIF block (little-endian): IFD0 with Make, Orientation = 6 (turn 90°
/// clockwise to view) and a pointer to a GPS IFD with latitude and longitude.
fn exif_block() -> Vec<u8> {
    let mut t: Vec<u8> = b"II\x2a\x00".to_vec();
    t.extend(8u32.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, ty: u16, count: u32, value: u32| {
        t.extend(tag.to_le_bytes());
        t.extend(ty.to_le_bytes());
        t.extend(count.to_le_bytes());
        t.extend(value.to_le_bytes());
    };
    // IFD0 at 8: 3 entries -> 2 + 36 + 4 = 42 bytes, Make's text at 50, GPS IFD at 66.
    t.extend(3u16.to_le_bytes());
    entry(&mut t, 0x010F, 2, PHONE_MODEL.len() as u32, 50);
    entry(&mut t, 0x0112, 3, 1, 6);
    entry(&mut t, 0x8825, 4, 1, 66);
    t.extend(0u32.to_le_bytes());
    t.extend(PHONE_MODEL);
    t.push(0);
    assert_eq!(t.len(), 66);
    // GPS IFD at 66: 4 entries -> 54 bytes, latitude at 120, longitude at 144.
    t.extend(4u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0"));
    entry(&mut t, 0x0002, 5, 3, 120);
    entry(&mut t, 0x0003, 2, 2, u32::from_le_bytes(*b"E\0\0\0"));
    entry(&mut t, 0x0004, 5, 3, 144);
    t.extend(0u32.to_le_bytes());
    assert_eq!(t.len(), 120);
    t.extend(gps_latitude());
    for v in [117u32, 1, 8, 1, 7_654_321, 100_000] {
        t.extend(v.to_le_bytes());
    }
    t
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend(
        u16::try_from(payload.len() + 2)
            .expect("short")
            .to_be_bytes(),
    );
    s.extend(payload);
    s
}

/// A real JPEG as a phone writes it: pixels stored landscape (160×120, left half red, right half
/// blue), EXIF with GPS and orientation 6, an XMP packet and an IPTC block.
pub(crate) fn phone_photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(160, 120, |x, _| {
        if x < 80 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut plain = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut plain, image::ImageFormat::Jpeg)
        .expect("encode");
    let plain = plain.into_inner();
    assert_eq!(&plain[..2], &[0xFF, 0xD8]);
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(exif_block());
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend(XMP_SECRET);
    let mut iptc = IPTC_SECRET.to_vec();
    iptc.extend(b"8BIM\x04\x04\0\0\0\0\0\x0c\x1c\x02\x5a\0\x07Minghu!");
    let mut jpeg = plain[..2].to_vec();
    jpeg.extend(segment(0xE1, &exif));
    jpeg.extend(segment(0xE1, &xmp));
    jpeg.extend(segment(0xED, &iptc));
    jpeg.extend(&plain[2..]);
    jpeg
}

fn site_with_photo(extra_yaml: &str) -> Fixture {
    let f = Fixture::new();
    f.write("site.yaml", &format!("{SITE_YAML}{extra_yaml}"));
    f.write(
        "content/role-models/zhang.md",
        "---\ntitle: 张秀兰\nname: 张秀兰\ncategory: 助人为乐\nyear: 2025\nphoto: zhang.jpg\nphoto_alt: 张秀兰在社区\n---\n事迹。![院子](yard.jpg)\n",
    );
    f.write_bytes("content/role-models/zhang.jpg", &phone_photo());
    f.write_bytes("content/role-models/yard.jpg", &phone_photo());
    f
}

fn assert_no_metadata(f: &Fixture) {
    let secrets: [(&str, Vec<u8>); 5] = [
        ("GPS latitude", gps_latitude()),
        ("phone model", PHONE_MODEL.to_vec()),
        ("EXIF header", b"Exif\0\0".to_vec()),
        ("XMP packet", XMP_SECRET.to_vec()),
        ("IPTC block", IPTC_SECRET.to_vec()),
    ];
    let files = common::snapshot(&f.out());
    assert!(
        files.keys().any(|k| k.starts_with("img/")),
        "no resized images"
    );
    for (path, bytes) in &files {
        for (what, secret) in &secrets {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_slice()),
                "{path} carries the photo's {what}"
            );
        }
    }
}

fn dimensions(bytes: &[u8]) -> (u32, u32) {
    let img = image::load_from_memory(bytes).expect("decode published image");
    (img.width(), img.height())
}

#[test]
fn fixture_photo_carries_gps_and_orientation() {
    // The test is only worth something if the photo really carries what must not leak.
    let photo = phone_photo();
    let mut decoder = image::ImageReader::new(Cursor::new(&photo))
        .with_guessed_format()
        .expect("format")
        .into_decoder()
        .expect("decoder");
    use image::ImageDecoder;
    assert_eq!(
        decoder.orientation().expect("orientation"),
        image::metadata::Orientation::Rotate90
    );
    let exif = decoder.exif_metadata().expect("exif").expect("has exif");
    assert!(exif.windows(24).any(|w| w == gps_latitude().as_slice()));
    assert_eq!(dimensions(&photo), (160, 120));
}

#[test]
fn published_photos_carry_no_metadata_and_stand_upright() {
    let f = site_with_photo("");
    let out = f.build();
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_no_metadata(&f);
    // Neither original is published at its own path: the profile photo and the picture in the
    // text (issue 29) are both published only resized.
    assert!(!f.out().join("role-models/zhang.jpg").exists());
    assert!(!f.out().join("role-models/yard.jpg").exists());

    let page = f.html("role-models/zhang/index.html");
    let img = select(&page, ".profile-photo img");
    let img = img.first().expect("profile photo");
    let (w, h): (u32, u32) = (
        img.value()
            .attr("width")
            .expect("width")
            .parse()
            .expect("n"),
        img.value()
            .attr("height")
            .expect("height")
            .parse()
            .expect("n"),
    );
    assert!(h > w, "the page declares a landscape photo: {w}×{h}");
    let src = img.value().attr("src").expect("src");
    let rel = src.trim_start_matches('/');
    let published = std::fs::read(f.out().join(rel)).expect("published photo");
    let (pw, ph) = dimensions(&published);
    assert_eq!((pw, ph), (w, h));
    // Turned clockwise: the red left half of the stored pixels is now the top.
    let pixels = image::load_from_memory(&published)
        .expect("decode")
        .to_rgb8();
    let top = pixels.get_pixel(pw / 2, ph / 8);
    let bottom = pixels.get_pixel(pw / 2, ph * 7 / 8);
    assert!(top[0] > 150 && top[2] < 100, "top is not red: {top:?}");
    assert!(
        bottom[2] > 150 && bottom[0] < 100,
        "bottom is not blue: {bottom:?}"
    );
}

/// Issue 29: a picture in the body gets what a profile photo gets — resized variants in
/// `srcset`, a bounded `sizes`, its width and height, upright, without metadata.
#[test]
fn pictures_in_the_body_are_resized_like_profile_photos() {
    let f = site_with_photo("");
    let big = image::RgbImage::from_fn(2400, 1800, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut jpeg = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(big)
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .expect("encode");
    let big = jpeg.into_inner();
    f.write_bytes("content/role-models/big.jpg", &big);
    f.write(
        "content/role-models/wang.md",
        "---\ntitle: 王建国\nname: 王建国\ncategory: 敬业奉献\nyear: 2025\n---\n事迹。\n\n![志愿服务现场](big.jpg)\n\n[下载原图](big.jpg)\n",
    );
    let out = f.build();
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_no_metadata(&f);

    let page = f.html("role-models/zhang/index.html");
    let imgs = select(&page, "img[alt=院子]");
    let img = imgs.first().expect("the picture in the text");
    let attr = |name: &str| img.value().attr(name).unwrap_or_default().to_string();
    let srcset = attr("srcset");
    let srcset: Vec<&str> = srcset.split(", ").filter(|s| !s.is_empty()).collect();
    assert!(
        !srcset.is_empty() && srcset.iter().all(|s| s.starts_with("/img/yard-")),
        "{srcset:?}"
    );
    assert!(
        attr("sizes").contains("px"),
        "sizes is not bounded: {}",
        attr("sizes")
    );
    let (w, h): (u32, u32) = (
        attr("width").parse().expect("width"),
        attr("height").parse().expect("height"),
    );
    assert!(h > w, "the body picture is not upright: {w}×{h}");
    let published =
        std::fs::read(f.out().join(attr("src").trim_start_matches('/'))).expect("src published");
    assert_eq!(dimensions(&published), (w, h));

    // A large picture: no published variant is wider than the widest configured width, and
    // together they weigh less than the original; the file a link points to is still there.
    let wang = f.html("role-models/wang/index.html");
    let big_img = select(&wang, "img[alt=志愿服务现场]");
    let big_img = big_img.first().expect("big picture");
    for candidate in big_img.value().attr("srcset").expect("srcset").split(", ") {
        let url = candidate.split(' ').next().expect("url");
        let bytes = std::fs::read(f.out().join(url.trim_start_matches('/'))).expect("variant");
        assert!(dimensions(&bytes).0 <= 1080, "{url} is wider than 1080");
    }
    let src = big_img.value().attr("src").expect("src");
    let shown = std::fs::read(f.out().join(src.trim_start_matches('/'))).expect("src");
    assert!(
        shown.len() < big.len(),
        "the page's picture is not smaller than the original"
    );
    assert!(dimensions(&shown).0 <= 720);
    assert!(
        f.out().join("role-models/big.jpg").exists(),
        "a linked file must stay published"
    );
}

#[test]
fn originals_are_published_only_when_asked_and_then_cleaned() {
    let f = site_with_photo("images:\n  publish_originals: true\n");
    let out = f.build();
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_no_metadata(&f);
    let original = std::fs::read(f.out().join("role-models/zhang.jpg")).expect("original");
    assert_eq!(dimensions(&original), (120, 160));
}

#[test]
fn pictures_that_cannot_be_cleaned_are_refused() {
    let f = Fixture::new();
    f.write_bytes("content/role-models/from-phone.heic", b"\0\0\0\x18ftypheic");
    let out = f.build();
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("from-phone.heic"), "{err}");
    assert!(err.contains("export the photo as JPEG"), "{err}");
}
