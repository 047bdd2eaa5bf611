//! The command line's own words, `--help` and clap's parse errors, from the message catalogue in
//! the reader's language. clap's built-in texts are English only, so every help line comes from
//! the tables below (a test checks that each visible argument has one) and errors are put into
//! words here from what clap found.

use super::Cli;
use crate::messages::{Lang, Text};
use crate::text;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory};
use std::ffi::OsString;
use std::process::ExitCode;

/// The value of `--lang` on the command line, read before clap parses it, so that clap's own
/// errors and `--help` speak the reader's language. `civic new --lang` names the new page's
/// language, not the reader's.
pub fn lang_flag(argv: &[OsString]) -> Option<Lang> {
    let args: Vec<&str> = argv.iter().skip(1).filter_map(|a| a.to_str()).collect();
    if args.iter().find(|a| !a.starts_with('-')) == Some(&"new") {
        return None;
    }
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::from_code(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::from_code),
            None => None,
        })
}

/// The command line with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    localize(Cli::command(), "", lang)
}

fn localize(command: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let words = |t: Text| t.in_lang(lang);
    let mut command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}\n\n{{all-args}}{{after-help}}",
            words(text!("cli-usage", usage = "{usage}"))
        ))
        .subcommand_help_heading(words(text!("cli-commands-heading")))
        .subcommand_value_name(words(text!("cli-command-value")))
        .disable_help_subcommand(true)
        .disable_help_flag(true);
    if let Some(about) = about(path) {
        command = command.about(words(about));
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let help = arg_help(path, &id).map(words);
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                text!("cli-arguments-heading")
            } else {
                text!("cli-options-heading")
            };
            let mut arg = arg.help_heading(words(heading));
            if arg.get_action().takes_values() {
                // The catalogue's help line says the default and the values, in the reader's words.
                arg = arg.hide_default_value(true).hide_possible_values(true);
            }
            match &help {
                Some(help) => arg.help(help.clone()),
                None => arg,
            }
        });
    }
    // Last, so that a command's own arguments and their headings come first.
    command = command.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(words(text!("cli-flag-help")))
            .help_heading(words(text!("cli-options-heading"))),
    );
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words(text!("cli-flag-version")))
                .help_heading(words(text!("cli-options-heading"))),
        );
    }
    let names: Vec<String> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(&name, |s| localize(s, &sub_path, lang));
    }
    command
}

/// What a command does, by its path (`""` for `civic` itself, `translations mark`).
pub(super) fn about(path: &str) -> Option<Text> {
    Some(match path {
        "" => text!("about-civic"),
        "build" => text!("about-build"),
        "serve" => text!("about-serve"),
        "check" => text!("about-check"),
        "new" => text!("about-new"),
        "translations" => text!("about-translations"),
        "translations mark" => text!("about-translations-mark"),
        "translations diff" => text!("about-translations-diff"),
        "verify" => text!("about-verify"),
        "review" => text!("about-review"),
        "review status" => text!("about-review-status"),
        "review sign" => text!("about-review-sign"),
        "review show" => text!("about-review-show"),
        "review register" => text!("about-review-register"),
        "publish" => text!("about-publish"),
        "desk" => text!("about-desk"),
        "desk add-user" => text!("about-desk-add-user"),
        _ => return None,
    })
}

/// The help line of argument `id` of the command at `path`. Arguments shared through
/// `SiteArgs` say the same in every command; the others are named with their command.
pub(super) fn arg_help(path: &str, id: &str) -> Option<Text> {
    Some(match (path, id) {
        ("new", "kind") => text!("arg-new-kind"),
        ("new", "title") => text!("arg-new-title"),
        ("new", "root") => text!("arg-new-root"),
        ("new", "slug") => text!("arg-new-slug"),
        ("new", "lang") => text!("arg-new-lang"),
        ("new", "section") => text!("arg-new-section"),
        ("new", "date") => text!("arg-new-date"),
        ("serve", "port") => text!("arg-serve-port"),
        ("serve", "bind") => text!("arg-serve-bind"),
        ("check", "format") => text!("arg-check-format"),
        ("check", "strict") => text!("arg-check-strict"),
        ("check", "allow") => text!("arg-check-allow"),
        ("check", "inspection") => text!("arg-check-inspection"),
        ("review sign", "file") | ("review show", "file") => text!("arg-review-file"),
        ("review sign", "level") => text!("arg-review-level"),
        ("review sign", "name") => text!("arg-review-name"),
        ("review register", "out") => text!("arg-review-out"),
        ("translations", "format") => text!("arg-translations-format"),
        ("translations mark", "files") => text!("arg-translations-mark-files"),
        ("translations mark", "all") => text!("arg-translations-mark-all"),
        ("translations diff", "file") => text!("arg-translations-diff-file"),
        ("verify", "target") => text!("arg-verify-target"),
        ("verify", "manifest") => text!("arg-verify-manifest"),
        ("verify", "format") => text!("arg-verify-format"),
        ("verify", "concurrency") => text!("arg-verify-concurrency"),
        ("verify", "timeout") => text!("arg-verify-timeout"),
        ("verify", "deadline") => text!("arg-verify-deadline"),
        ("verify", "retries") => text!("arg-verify-retries"),
        ("verify", "sample") => text!("arg-verify-sample"),
        ("verify", "since") => text!("arg-verify-since"),
        ("verify", "seed") => text!("arg-verify-seed"),
        ("verify", "quiet") => text!("arg-verify-quiet"),
        ("publish", "target") => text!("arg-publish-target"),
        ("publish", "rollback") => text!("arg-publish-rollback"),
        ("publish", "to") => text!("arg-publish-to"),
        ("publish", "list") => text!("arg-publish-list"),
        ("publish", "dry_run") => text!("arg-publish-dry-run"),
        ("publish", "yes") => text!("arg-publish-yes"),
        ("publish", "no_build") => text!("arg-publish-no-build"),
        ("publish", "no_verify") => text!("arg-publish-no-verify"),
        ("publish", "sample") => text!("arg-publish-sample"),
        ("publish", "format") => text!("arg-publish-format"),
        ("desk", "port") => text!("arg-desk-port"),
        ("desk", "bind") => text!("arg-desk-bind"),
        ("desk add-user", "name") => text!("arg-desk-user-name"),
        ("desk add-user", "roles") => text!("arg-desk-user-roles"),
        (_, "root") => text!("arg-root"),
        (_, "output") => text!("arg-output"),
        (_, "base_url") => text!("arg-base-url"),
        (_, "drafts") => text!("arg-drafts"),
        (_, "date") => text!("arg-date"),
        (_, "quiet") => text!("arg-quiet"),
        (_, "force") => text!("arg-force"),
        (_, "lang") => text!("arg-lang"),
        (_, "theme_dir") => text!("arg-theme-dir"),
        _ => return None,
    })
}

/// End the program on a parse error or a help/version request, in the reader's language.
pub fn exit(error: &clap::Error, lang: Lang) -> ExitCode {
    let code = u8::try_from(error.exit_code()).unwrap_or(2);
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // Help is already in `lang` (see `localize`).
        let _ = error.print();
        return ExitCode::from(code);
    }
    let (message, help) = explain(error);
    super::report::print_error(message, help, lang);
    let usage = context(error, ContextKind::Usage);
    if let Some(usage) = usage.as_deref() {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        eprintln!("\n{}", text!("cli-usage", usage = usage).in_lang(lang));
        // `civic build --force` (clap's usage names the suggested flag): the command is `civic build`.
        let command: Vec<&str> = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['-', '[', '<']))
            .collect();
        let command = command.join(" ");
        eprintln!(
            "\n{}",
            text!("cli-more-info", command = command).in_lang(lang)
        );
    }
    ExitCode::from(code)
}

/// What went wrong on the command line, and what to do.
fn explain(error: &clap::Error) -> (Text, Option<Text>) {
    let arg = context(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(error, ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = context(error, ContextKind::SuggestedArg)
        .or_else(|| context(error, ContextKind::SuggestedSubcommand))
        .or_else(|| context(error, ContextKind::SuggestedValue))
        .map(|guess| text!("cli-did-you-mean", guess = guess));
    match error.kind() {
        ErrorKind::UnknownArgument => (text!("cli-unknown-argument", arg = arg), suggestion),
        ErrorKind::InvalidSubcommand => {
            let command = context(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            (text!("cli-unknown-command", command = command), suggestion)
        }
        ErrorKind::InvalidValue => {
            let valid = context(error, ContextKind::ValidValue).unwrap_or_default();
            let help = suggestion.or(Some(text!("cli-valid-values", values = valid)));
            (text!("cli-invalid-value", arg = arg, value = value), help)
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            (text!("cli-value-rejected", arg = arg, why = why), None)
        }
        ErrorKind::MissingRequiredArgument => (text!("cli-missing-argument", arg = arg), None),
        ErrorKind::ArgumentConflict => {
            let other = context(error, ContextKind::PriorArg).unwrap_or_default();
            (text!("cli-conflict", arg = arg, other = other), None)
        }
        _ => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            let first = first.trim_start_matches("error:").trim().to_string();
            (text!("cli-unreadable", detail = first), None)
        }
    }
}

/// One piece of what clap found, as words (several values joined by commas).
fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_lang_flag_is_read_before_parsing_except_for_new() {
        assert_eq!(
            lang_flag(&os(&["civic", "build", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_flag(&os(&["civic", "check", "--lang=zh-CN"])),
            Some(Lang::Zh)
        );
        assert_eq!(
            lang_flag(&os(&["civic", "new", "news", "x", "--lang", "en"])),
            None
        );
        assert_eq!(lang_flag(&os(&["civic", "build"])), None);
    }

    /// Every argument a reader can see has a help line in the catalogue, in both languages.
    #[test]
    fn every_visible_command_and_argument_has_words() {
        fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
            if about(path).is_none() {
                missing.push(format!("about of `civic {path}`"));
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if !matches!(id, "help" | "version") && arg_help(path, id).is_none() {
                    missing.push(format!("`{id}` of `civic {path}`"));
                }
            }
            for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
                let sub_path = format!("{path} {}", sub.get_name());
                walk(sub, sub_path.trim(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no help text for: {missing:#?}");
    }

    #[test]
    fn the_command_line_is_well_formed_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            command(lang).debug_assert();
        }
    }
}
