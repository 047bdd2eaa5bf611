//! `civic desk`: start the editor's desk, or add an account for signing in to it.

use super::{Outcome, SiteArgs, Stop};
use crate::desk::accounts::{self, Role};
use crate::messages::Lang;
use crate::text;
use clap::{Args, Subcommand};

#[derive(Args, Debug)]
pub struct DeskArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long, short = 'p', default_value_t = 1112)]
    pub port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    #[command(subcommand)]
    pub action: Option<DeskAction>,
}

#[derive(Subcommand, Debug)]
pub enum DeskAction {
    AddUser {
        name: String,
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
    },
}

pub fn run(args: &DeskArgs, lang: Lang) -> Outcome {
    if let Some(DeskAction::AddUser { name, roles }) = &args.action {
        return add_user(args, name, roles, lang);
    }
    let build = args.site.options().map_err(Stop::usage)?;
    let quiet = args.site.quiet;
    crate::desk::run(crate::desk::DeskOptions {
        build,
        bind: args.bind,
        port: args.port,
        lang,
        on_listen: Box::new(move |address| {
            if !quiet {
                eprintln!(
                    "{}",
                    text!("desk-listening", address = address).in_lang(lang)
                );
            }
            println!("{address}");
        }),
    })
    .map_err(|m| Stop::error(m, None))
}

/// The password is read from standard input (one line), never from the command line, where
/// other users of the machine and the shell's history would see it.
fn add_user(args: &DeskArgs, name: &str, roles: &[String], lang: Lang) -> Outcome {
    let mut parsed = Vec::new();
    for r in roles {
        let role = Role::parse(r).ok_or_else(|| {
            let all: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
            Stop::usage(text!(
                "desk-role-unknown",
                role = r.as_str(),
                roles = all.join(", ")
            ))
        })?;
        parsed.push(role);
    }
    eprintln!("{}", text!("desk-password-prompt").in_lang(lang));
    let mut password = String::new();
    std::io::stdin()
        .read_line(&mut password)
        .map_err(|e| Stop::error(text!("desk-failed", why = e.to_string()), None))?;
    let password = password.trim_end_matches(['\n', '\r']);
    accounts::add(&args.site.root, name, &parsed, password).map_err(|m| Stop::error(m, None))?;
    println!("{}", text!("desk-user-added", name = name).in_lang(lang));
    Ok(())
}
