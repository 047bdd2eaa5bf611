//! `civic-bench corpus DIR` writes a generated site; `civic-bench edit` times serve's one-page
//! edit path; `civic-bench hostile` times issue 24's hostile inputs at two sizes. Both are for `benches/run.sh` and people measuring Civic, so they speak English.

use civic::pipeline::BuildOptions;
use civic_bench::{corpus, draft, edit, hostile};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "civic-bench", about = "Benchmark tooling for Civic")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a generated bilingual site (site.yaml and content/)
    Corpus {
        /// Folder to write site.yaml and content/ into
        dir: PathBuf,
        /// Logical documents (each written in Chinese and English)
        #[arg(long, default_value_t = 1000)]
        docs: usize,
        /// Seed of the deterministic generator
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Write Hugo front matter instead of Civic's (same Markdown bodies)
        #[arg(long)]
        hugo: bool,
    },
    /// Build a site, then time one-page edits through serve's incremental path
    Edit {
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where the built site goes [default: ROOT/output]
        #[arg(long)]
        output: Option<PathBuf>,
        /// Build as of this date (YYYY-MM-DD)
        #[arg(long)]
        date: Option<String>,
        /// The page to edit, e.g. content/role-models/li-mei.md
        #[arg(long)]
        page: String,
        /// How many edits to time
        #[arg(long, default_value_t = 10)]
        runs: usize,
    },
    /// Build each hostile input of issue 24 at half its size and at its size; print the times
    Hostile {
        /// Multiply every size by this (0.1 for a quick look)
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        /// Builds of each size; the best time counts
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Only the inputs whose name contains this (e.g. footnotes)
        #[arg(long)]
        only: Option<String>,
    },
    /// Build a site, then time the desk's preview of unsaved text (POST /desk/draft's work)
    Draft {
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where the built site goes [default: ROOT/.civic/desk-preview]
        #[arg(long)]
        output: Option<PathBuf>,
        /// Build as of this date (YYYY-MM-DD)
        #[arg(long)]
        date: Option<String>,
        /// The page typed into, e.g. content/role-models/li-mei.md
        #[arg(long)]
        page: String,
        /// How many refreshes to time
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Corpus {
            dir,
            docs,
            seed,
            hugo,
        } => write_corpus(&dir, docs, seed, hugo),
        Command::Edit {
            root,
            output,
            date,
            page,
            runs,
        } => options(root, output, "output", date, false)
            .and_then(|options| edit::measure(options, &page, runs)),
        Command::Hostile { scale, runs, only } => hostile::run(scale, runs, only.as_deref()),
        Command::Draft {
            root,
            output,
            date,
            page,
            runs,
        } => options(root, output, ".civic/desk-preview", date, true)
            .and_then(|options| draft::measure(options, &page, runs)),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// The build options of a benchmark: the site at `root`, its output (`ROOT/DEFAULT_OUTPUT` unless
/// given), the build date (today in China unless given).
fn options(
    root: PathBuf,
    output: Option<PathBuf>,
    default_output: &str,
    date: Option<String>,
    drafts: bool,
) -> Result<BuildOptions, String> {
    let date = civic::pipeline::build_date(date.as_deref()).map_err(|e| e.to_string())?;
    Ok(BuildOptions {
        output: output.unwrap_or_else(|| root.join(default_output)),
        root,
        base_url: None,
        drafts,
        date,
        theme_dir: None,
    })
}

fn write_corpus(dir: &std::path::Path, docs: usize, seed: u64, hugo: bool) -> Result<(), String> {
    let written = if hugo {
        corpus::generate_hugo(dir, docs, seed)
    } else {
        corpus::generate(dir, docs, seed)
    };
    let s = written.map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
    eprintln!(
        "Wrote {} files ({:.1} MB) → {}: {} role models, {} handbook chapters, {} PSAs ({} active), {} news; {} pages per language",
        s.files,
        s.bytes as f64 / 1e6,
        dir.display(),
        s.role_models,
        s.handbook,
        s.psas,
        s.psas_active,
        s.news,
        s.pages_per_lang
    );
    Ok(())
}
