//! The theme: templates, static files and interface strings. A site uses `themes/<name>/` from its
//! own folder when present; the default theme `civic` is also built into the binary. A site may
//! override any template (`templates/`) or static file (`static/`) of the theme.

use crate::error::{Failed, Problem};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// A file of the theme or of the site's overrides, with where it came from (for error messages).
#[derive(Clone, Debug)]
pub struct ThemeFile {
    pub origin: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug)]
pub struct Theme {
    /// `templates/…`, `static/…`, `i18n/…` → file. Site overrides already applied.
    pub files: BTreeMap<String, ThemeFile>,
    /// Keys (`templates/…`, `static/…`) of files the site provides over the theme's: the content
    /// guard treats them as site content, not as the theme's own code.
    pub overridden: Vec<String>,
}

impl Theme {
    /// The theme `name` of site.yaml from the site's `themes/` (or the built-in `civic`), or the
    /// folder named with `--theme-dir`, which alone may lie outside the site; then the site's own
    /// `templates/` and `static/` over it.
    pub fn load(root: &Path, name: &str, theme_dir: Option<&Path>) -> Result<Theme, Failed> {
        let mut files = match theme_dir {
            Some(dir) => named_theme(dir)?,
            None => site_theme(root, name)?,
        };
        let mut overridden = Vec::new();
        for sub in ["templates", "static"] {
            let site_dir = root.join(sub);
            refuse_outside(root, sub, crate::text!("render-folder-outside-help"))?;
            if site_dir.is_dir() {
                let mut site_files = BTreeMap::new();
                read_dir_into(&site_dir, sub, sub, &mut site_files)?;
                overridden.extend(site_files.keys().cloned());
                files.extend(site_files);
            }
        }
        Ok(Theme { files, overridden })
    }

    pub fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("templates/").map(|name| (name, f)))
    }

    pub fn static_files(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("static/").map(|name| (name, f)))
    }

    pub fn i18n(&self, code: &str) -> Option<&ThemeFile> {
        self.files.get(&format!("i18n/{code}.yaml"))
    }
}

type Files = BTreeMap<String, ThemeFile>;

/// `themes/<name>/` of the site, which must not lead outside it, else the built-in theme.
fn site_theme(root: &Path, name: &str) -> Result<Files, Failed> {
    let dir = root.join("themes").join(name);
    let help = crate::text!("render-theme-outside-help");
    refuse_outside(root, &format!("themes/{name}"), help)?;
    let mut files = BTreeMap::new();
    if dir.is_dir() {
        read_dir_into(&dir, "", &format!("themes/{name}"), &mut files)?;
    } else if name == "civic" {
        for (rel, bytes) in embedded::FILES {
            files.insert(
                rel.to_string(),
                ThemeFile {
                    origin: format!("(built-in theme)/{rel}"),
                    bytes: bytes.to_vec(),
                },
            );
        }
    } else {
        return Err(
            Problem::error("no-theme", crate::text!("render-no-theme", name = name))
                .in_file(crate::config::CONFIG_FILE)
                .help(crate::text!("render-no-theme-help"))
                .into(),
        );
    }
    Ok(files)
}

/// The theme folder named with `--theme-dir`: read where it is, since the person running the
/// command chose it (site.yaml, which an editor's account can change, never can). The command
/// line checked it is a folder; it may have gone since.
fn named_theme(dir: &Path) -> Result<Files, Failed> {
    let shown = crate::paths::display(dir);
    if !dir.is_dir() {
        return Err(Problem::error(
            "no-theme",
            crate::text!("render-theme-dir-missing", folder = shown.as_str()),
        )
        .in_file(dir)
        .into());
    }
    let mut files = BTreeMap::new();
    read_dir_into(dir, "", &shown, &mut files)?;
    Ok(files)
}

/// A theme or override folder that a symlink leads out of the site (`themes/evil` → `/etc`) is
/// refused: its files would be read and its `static/` published (issue 24).
fn refuse_outside(root: &Path, rel: &str, help: crate::messages::Text) -> Result<(), Failed> {
    match crate::paths::inside(root, Path::new(rel)) {
        Ok(_) => Ok(()),
        Err(target) => Err(Problem::error(
            "theme-outside",
            crate::text!(
                "render-folder-outside",
                folder = rel,
                target = crate::paths::display(&target)
            ),
        )
        .in_file(rel)
        .help(help)
        .into()),
    }
}

fn read_dir_into(
    dir: &Path,
    prefix: &str,
    origin: &str,
    files: &mut BTreeMap<String, ThemeFile>,
) -> Result<(), Failed> {
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| crate::error::unreadable(dir, &e.to_string()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel: PathBuf = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        let rel = crate::error::display_path(&rel);
        if rel.split('/').any(|p| p.starts_with('.')) {
            continue;
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|e| crate::error::unreadable(entry.path(), &e.to_string()))?;
        let key = if prefix.is_empty() {
            rel.clone()
        } else {
            format!("{prefix}/{rel}")
        };
        files.insert(
            key,
            ThemeFile {
                origin: format!("{origin}/{rel}"),
                bytes,
            },
        );
    }
    Ok(())
}
