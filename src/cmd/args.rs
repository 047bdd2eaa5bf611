//! Arguments shared by several commands.

use crate::messages::{Lang, Text};
use crate::pipeline::{self, BuildOptions};
use clap::Args;
use std::path::PathBuf;

/// How a command prints its report: for people, or for scripts.
#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// `--lang`'s value. Its error is in the language of a valid `--lang` elsewhere on the line or of
/// the locale, as clap's own errors are.
pub fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code)
        .ok_or_else(|| crate::text!("cli-lang-unknown", code = code).in_lang(terminal_lang()))
}

/// The reader's language before the command line is parsed (for value parsers' errors).
pub fn terminal_lang() -> Lang {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    reader_lang(super::clap_text::lang_flag(&argv))
}

/// The language to speak to the person at the terminal: `--lang` if the command has it, else the
/// locale, else the site's first language.
pub fn reader_lang(flag: Option<Lang>) -> Lang {
    crate::messages::reader_lang(flag, |k| std::env::var(k).ok(), Lang::DEFAULT)
}

/// The site a command works on and how to build it. Help texts: `clap_text`.
#[derive(Args, Debug, Clone)]
pub struct SiteArgs {
    #[arg(long, short = 'r', default_value = ".")]
    pub root: PathBuf,
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub base_url: Option<String>,
    #[arg(long)]
    pub drafts: bool,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    // A theme folder outside the site, trusted because it is named here (never from site.yaml).
    #[arg(long, value_name = "DIR")]
    pub theme_dir: Option<PathBuf>,
}

impl SiteArgs {
    pub fn options(&self) -> Result<BuildOptions, Text> {
        let date = pipeline::build_date(self.date.as_deref())?;
        if let Some(url) = &self.base_url {
            crate::config::check_base_url(url.trim_end_matches('/'))
                .map_err(|why| crate::text!("cli-base-url-invalid", url = url, why = why))?;
        }
        if let Some(dir) = self.theme_dir.as_deref().filter(|d| !d.is_dir()) {
            return Err(crate::text!("render-theme-dir-missing", folder = dir));
        }
        Ok(BuildOptions {
            root: self.root.clone(),
            output: self
                .output
                .clone()
                .unwrap_or_else(|| self.root.join("output")),
            base_url: self.base_url.clone(),
            drafts: self.drafts,
            date,
            theme_dir: self.theme_dir.clone(),
        })
    }

    /// [`SiteArgs::options`] for a command that writes the output folder: refuses an output that
    /// would replace the site's sources or a folder Civic did not create.
    pub fn writing_options(&self) -> Result<BuildOptions, Text> {
        let mut options = self.options()?;
        options.output = crate::output::place::check(&options.root, &options.output, self.force)?;
        Ok(options)
    }
}
