//! Embeds the default theme (`themes/civic/`) in the binary, so a site that does not carry its own
//! copy of the theme still builds (tests, generated benchmark corpora, `civic new` sites).

use std::fmt::Write;
use std::path::Path;

fn main() {
    let theme = Path::new("themes/civic");
    println!("cargo:rerun-if-changed=themes/civic");
    let mut files = Vec::new();
    collect(theme, theme, &mut files);
    files.sort();
    let mut out = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in files {
        println!("cargo:rerun-if-changed={abs}");
        let _ = writeln!(out, "    ({rel:?}, include_bytes!({abs:?})),");
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default_theme.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let name = rel.to_string_lossy().replace('\\', "/");
            if name.split('/').any(|p| p.starts_with('.')) {
                continue;
            }
            let abs = std::fs::canonicalize(&path).unwrap_or(path.clone());
            files.push((name, abs.to_string_lossy().into_owned()));
        }
    }
}
