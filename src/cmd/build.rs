//! `civic build`.

use super::{Outcome, SiteArgs, Stop, report};
use crate::error::Failed;
use crate::messages::Lang;
use clap::Args;

#[derive(Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
}

pub fn run(args: &BuildArgs, lang: Lang) -> Outcome {
    let options = args.site.writing_options().map_err(Stop::usage)?;
    crate::output::served::ServeLock::check_free(&options.output).map_err(Failed::from)?;
    crate::output::interrupt::clean_up_on_signals(lang);
    match crate::pipeline::build(&options) {
        Ok(built) => {
            report::print_problems(&built.warnings, lang);
            if !args.site.quiet {
                eprintln!("{}", built.summary(&options.output).in_lang(lang));
            }
            Ok(())
        }
        Err(Failed(problems)) => {
            report::print_failure(problems, &options.output, lang);
            Err(Stop::Reported)
        }
    }
}
