//! `civic serve`.

use super::{Outcome, SiteArgs, Stop};
use crate::error::Failed;
use crate::messages::Lang;
use crate::serve::{ServeOptions, Stopped};
use clap::Args;

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
}

pub fn run(args: &ServeArgs, lang: Lang) -> Outcome {
    let build = args.site.writing_options().map_err(Stop::usage)?;
    crate::serve::run(ServeOptions {
        build,
        bind: args.bind,
        port: args.port,
        quiet: args.site.quiet,
        lang,
    })
    .map_err(|stopped| match stopped {
        Stopped::Unusable(message, help) => Stop::Usage { message, help },
        Stopped::Busy(problem) => Stop::Problems(Failed::from(problem)),
        Stopped::Failed(message) => Stop::error(message, None),
    })
}
