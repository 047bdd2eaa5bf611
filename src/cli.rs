//! The command line. Exit codes: 0 success, 1 content errors, 2 usage errors.

use crate::error::{self, Failed, Problem};
use crate::messages::{Lang, Text};
use crate::pipeline::{self, BuildOptions};
use clap::{Args, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "civic", version, about = "Build bilingual civic information portals from Markdown", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

pub fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| crate::text!("cli-lang-unknown", code = code).to_string())
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into the output folder (replaced only if the build succeeds)
    Build(BuildArgs),
    /// Build, serve the site locally and rebuild + reload the browser as you edit
    Serve(ServeArgs),
    /// Check the site before publishing: everything build checks, plus links, anchors, alt text,
    /// translations, stale and empty sections
    Check(crate::check::CheckArgs),
    /// Start a new page of a kind (role_model, handbook, psa, news, page) with its fields filled in
    New(crate::new::NewArgs),
    /// List every page with its translation status and word counts; `mark` records a review
    Translations(crate::translations::TranslationsArgs),
    /// Measure serve's one-page edit path (hidden: for benches/run.sh)
    #[command(hide = true)]
    BenchEdit(BenchEditArgs),
    /// Prove a deployed copy is exactly what was built: compare a folder, or the live site as
    /// visitors and search crawlers get it, with the build's manifest
    Verify(crate::integrity::command::VerifyArgs),
    /// Write a generated benchmark corpus (hidden: for benches/run.sh and tests)
    #[command(hide = true)]
    BenchCorpus(BenchCorpusArgs),
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Port to listen on (0 picks a free one)
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on; use 0.0.0.0 to preview from a phone on the same network
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
}

#[derive(Args, Debug)]
pub struct BenchEditArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The page to edit, e.g. content/role-models/li-mei.md
    #[arg(long)]
    pub page: String,
    /// How many edits to time
    #[arg(long, default_value_t = 10)]
    pub runs: usize,
}

#[derive(Args, Debug)]
pub struct BenchCorpusArgs {
    /// Folder to write site.yaml and content/ into
    pub dir: PathBuf,
    /// Logical documents (each written in Chinese and English)
    #[arg(long, default_value_t = 1000)]
    pub docs: usize,
    /// Seed of the deterministic generator
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Write Hugo front matter instead of Civic's (same Markdown bodies)
    #[arg(long)]
    pub hugo: bool,
}

/// How a command prints its report: for people, or for scripts.
#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site's folder (holding site.yaml and content/)
    #[arg(long, short = 'r', default_value = ".")]
    pub root: PathBuf,
    /// Where the built site goes [default: ROOT/output]
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Publish at this address instead of site.yaml's base_url
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
    /// Build as of this date (YYYY-MM-DD): decides active ads; defaults to SOURCE_DATE_EPOCH or today
    #[arg(long)]
    pub date: Option<String>,
    /// Print only errors
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Replace an existing --output folder even though Civic did not create it
    #[arg(long)]
    pub force: bool,
    /// Language of messages: zh-CN or en [default: LC_ALL, LC_MESSAGES or LANG, else zh-CN]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
}

impl SiteArgs {
    pub fn options(&self) -> Result<BuildOptions, Text> {
        let date = pipeline::build_date(self.date.as_deref())?;
        if let Some(url) = &self.base_url {
            crate::config::check_base_url(url.trim_end_matches('/'))
                .map_err(|why| crate::text!("cli-base-url-invalid", url = url, why = why))?;
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

/// The language to speak to the person at the terminal: `--lang` if the command has it, else the
/// locale, else the site's first language.
pub fn reader_lang(flag: Option<Lang>) -> Lang {
    crate::messages::reader_lang(flag, |k| std::env::var(k).ok(), Lang::DEFAULT)
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = reader_lang(match &cli.command {
        Command::Build(args) => args.site.lang,
        Command::Serve(args) => args.site.lang,
        Command::Check(args) => args.site.lang,
        Command::Translations(args) => args.site.lang,
        Command::BenchEdit(args) => args.site.lang,
        Command::Verify(args) => args.lang,
        // `civic new --lang en` names the language of the new page; messages follow the locale.
        Command::New(_) | Command::BenchCorpus(_) => None,
    });
    match cli.command {
        Command::Build(args) => build(&args, lang),
        Command::Serve(args) => match args.site.writing_options() {
            Ok(build) => crate::serve::run(crate::serve::ServeOptions {
                build,
                bind: args.bind,
                port: args.port,
                quiet: args.site.quiet,
                lang,
            }),
            Err(e) => usage_error(&e, lang),
        },
        Command::Check(args) => crate::check::run(&args, lang),
        Command::New(args) => crate::new::run(&args, lang),
        Command::Translations(args) => crate::translations::run(&args, lang),
        Command::BenchEdit(args) => match args.site.options() {
            Ok(options) => crate::serve::bench_edit(options, &args.page, args.runs),
            Err(e) => usage_error(&e, lang),
        },
        Command::Verify(args) => crate::integrity::command::run(&args, lang),
        Command::BenchCorpus(args) => bench_corpus(&args),
    }
}

fn bench_corpus(args: &BenchCorpusArgs) -> ExitCode {
    let written = if args.hugo {
        crate::corpus::generate_hugo(&args.dir, args.docs, args.seed)
    } else {
        crate::corpus::generate(&args.dir, args.docs, args.seed)
    };
    match written {
        Ok(s) => {
            eprintln!(
                "Wrote {} files ({:.1} MB) → {}: {} role models, {} handbook chapters, {} PSAs ({} active), {} news; {} pages per language",
                s.files,
                s.bytes as f64 / 1e6,
                args.dir.display(),
                s.role_models,
                s.handbook,
                s.psas,
                s.psas_active,
                s.news,
                s.pages_per_lang
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", args.dir.display());
            ExitCode::from(1)
        }
    }
}

pub fn usage_error(message: &Text, lang: Lang) -> ExitCode {
    eprintln!(
        "{}",
        crate::text!("cli-usage-error", message = message.clone()).in_lang(lang)
    );
    ExitCode::from(2)
}

fn build(args: &BuildArgs, lang: Lang) -> ExitCode {
    let options = match args.site.writing_options() {
        Ok(o) => o,
        Err(e) => return usage_error(&e, lang),
    };
    if let Err(p) = crate::output::served::ServeLock::check_free(&options.output) {
        print_problems(&[p], lang);
        return ExitCode::from(1);
    }
    crate::output::interrupt::clean_up_on_signals(lang);
    match pipeline::build(&options) {
        Ok(report) => {
            print_problems(&report.warnings, lang);
            if !args.site.quiet {
                eprintln!("{}", report.summary(&options.output).in_lang(lang));
            }
            ExitCode::SUCCESS
        }
        Err(Failed(problems)) => {
            print_failure(problems, &options.output, lang);
            ExitCode::from(1)
        }
    }
}

pub fn print_problems(problems: &[Problem], lang: Lang) {
    let color = std::io::stderr().is_terminal();
    for p in problems {
        eprint!("{}", error::report(p, color, lang));
    }
}

pub fn print_failure(mut problems: Vec<Problem>, output: &std::path::Path, lang: Lang) {
    error::sort_and_dedup(&mut problems);
    print_problems(&problems, lang);
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let files: std::collections::BTreeSet<_> =
        problems.iter().filter_map(|p| p.file.as_deref()).collect();
    let summary = crate::text!(
        "cli-build-failed",
        errors = errors,
        files = files.len(),
        output = output
    );
    eprintln!("\n{}", summary.in_lang(lang));
}
