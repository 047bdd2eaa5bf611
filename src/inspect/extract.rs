//! The text of attached files, for the personal-data and secret-marking checks: DOCX and XLSX
//! are ZIP archives of XML parts (read with `zip` and `quick-xml`: the document, headers,
//! footers and notes of a DOCX; the shared strings and every cell of an XLSX), PDF through
//! `lopdf`'s text extraction (it decodes the fonts' ToUnicode maps).

use quick_xml::events::Event;
use std::io::Read;

/// What kind of attachment a file name says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Docx,
    Xlsx,
    Pdf,
}

impl Format {
    pub fn of(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "docx" => Format::Docx,
            "xlsx" => Format::Xlsx,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }
}

/// Largest XML part read from an Office file (a ZIP bomb must not take the machine).
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The text of `bytes` as `format`, or why it cannot be read (the file is broken).
pub fn text(format: Format, bytes: &[u8]) -> Result<String, String> {
    match format {
        Format::Docx => office(bytes, |n| {
            n == "word/document.xml"
                || (n.starts_with("word/")
                    && ["header", "footer", "footnotes", "endnotes", "comments"]
                        .iter()
                        .any(|p| n[5..].starts_with(p)))
        }),
        Format::Xlsx => office(bytes, |n| {
            n == "xl/sharedStrings.xml" || (n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
        }),
        // A PDF reader meeting a file it was never meant for must not take the build down.
        Format::Pdf => std::panic::catch_unwind(|| pdf(bytes))
            .unwrap_or_else(|_| Err("the PDF reader gave up on this file".to_string())),
    }
}

fn office(bytes: &[u8], wanted: impl Fn(&str) -> bool) -> Result<String, String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = String::new();
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let mut parts = 0;
    for name in names.iter().filter(|n| wanted(n)) {
        let file = archive.by_name(name).map_err(|e| e.to_string())?;
        let mut xml = Vec::new();
        file.take(MAX_PART_BYTES)
            .read_to_end(&mut xml)
            .map_err(|e| format!("{name}: {e}"))?;
        xml_text(&xml, &mut out).map_err(|e| format!("{name}: {e}"))?;
        parts += 1;
    }
    if parts == 0 {
        return Err("no document part".to_string());
    }
    Ok(out)
}

/// Text nodes of an XML part, a paragraph, row or cell break between them so numbers in two
/// cells do not run together.
fn xml_text(xml: &[u8], out: &mut String) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Text(t)) => {
                let raw = String::from_utf8_lossy(&t).into_owned();
                let text =
                    quick_xml::escape::unescape(&raw).map_or(raw.clone(), |c| c.into_owned());
                out.push_str(&text);
            }
            Ok(Event::End(e)) => {
                if matches!(
                    e.local_name().as_ref(),
                    b"p" | b"c" | b"si" | b"row" | b"tc"
                ) {
                    out.push('\n');
                }
            }
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(e.to_string()),
        }
        buf.clear();
    }
}

fn pdf(bytes: &[u8]) -> Result<String, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Ok(String::new());
    }
    doc.extract_text(&pages).map_err(|e| e.to_string())
}
