//! The command line: one file per command, each owning its arguments and what it prints. The
//! library below returns values and `Failed`; only this layer prints, and only [`main`] turns a
//! command's end into an exit code: 0 success, 1 the site or the deployed copy has problems,
//! 2 the command line asks for something impossible.

mod args;
mod build;
pub mod check;
mod clap_text;
mod desk;
mod new;
mod publish;
mod report;
mod review;
mod serve;
mod translations;
mod verify;

use args::{Format, SiteArgs, parse_lang, reader_lang};

use crate::error::Failed;
use crate::messages::{Lang, Text};
use clap::{FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "civic", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Build(build::BuildArgs),
    Serve(serve::ServeArgs),
    Check(check::CheckArgs),
    New(new::NewArgs),
    Translations(translations::TranslationsArgs),
    Verify(verify::VerifyArgs),
    Review(review::ReviewArgs),
    Publish(publish::PublishArgs),
    Desk(desk::DeskArgs),
}

impl Command {
    /// The reader's language as the command line gives it: `--lang` of the commands that have it
    /// (`civic new --lang` names the new page's language instead).
    fn lang_flag(&self) -> Option<Lang> {
        match self {
            Command::Build(args) => args.site.lang,
            Command::Serve(args) => args.site.lang,
            Command::Check(args) => args.site.lang,
            Command::Translations(args) => args.site.lang,
            Command::Verify(args) => args.lang,
            Command::Review(args) => args.site.lang,
            Command::Publish(args) => args.site.lang,
            Command::Desk(args) => args.site.lang,
            Command::New(_) => None,
        }
    }
}

/// Why a command stopped before it succeeded. [`main`] prints it and picks the exit code.
#[derive(Debug)]
pub enum Stop {
    /// The command line asks for something that cannot be done (exit 2).
    Usage { message: Text, help: Option<Text> },
    /// The command could not finish, for a reason outside the site's files (exit 1).
    Error { message: Text, help: Option<Text> },
    /// Problems in the site's files, shown with their source frames (exit 1).
    Problems(Failed),
    /// The command printed its own report, and the report is a failure (exit 1).
    Reported,
}

impl Stop {
    pub fn usage(message: Text) -> Stop {
        Stop::Usage {
            message,
            help: None,
        }
    }

    pub fn error(message: Text, help: Option<Text>) -> Stop {
        Stop::Error { message, help }
    }
}

impl From<Failed> for Stop {
    fn from(failed: Failed) -> Stop {
        Stop::Problems(failed)
    }
}

/// What every command returns.
pub type Outcome = Result<(), Stop>;

pub fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Before parsing, `--lang` is looked for in the raw arguments, so that `--help` and clap's
    // errors speak it; once parsed, the parsed flag decides.
    let early = reader_lang(clap_text::lang_flag(&argv));
    let cli = match clap_text::command(early)
        .try_get_matches_from(&argv)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return clap_text::exit(&e, early),
    };
    let lang = reader_lang(cli.command.lang_flag());
    let outcome = match cli.command {
        Command::Build(args) => build::run(&args, lang),
        Command::Serve(args) => serve::run(&args, lang),
        Command::Check(args) => check::run(&args, lang),
        Command::New(args) => new::run(&args, lang),
        Command::Translations(args) => translations::run(&args, lang),
        Command::Verify(args) => verify::run(&args, lang),
        Command::Review(args) => review::run(&args, lang),
        Command::Publish(args) => publish::run(&args, lang),
        Command::Desk(args) => desk::run(&args, lang),
    };
    exit(outcome, lang)
}

/// The one place a command's end becomes an exit code.
fn exit(outcome: Outcome, lang: Lang) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Stop::Usage { message, help }) => {
            report::print_error(message, help, lang);
            ExitCode::from(2)
        }
        Err(Stop::Error { message, help }) => {
            report::print_error(message, help, lang);
            ExitCode::from(1)
        }
        Err(Stop::Problems(Failed(problems))) => {
            let _ = report::print_sorted(problems, lang);
            ExitCode::from(1)
        }
        Err(Stop::Reported) => ExitCode::from(1),
    }
}
