//! `civic new KIND TITLE`.

use super::{Outcome, Stop};
use crate::messages::Lang;
use crate::new::{NewLang, Refused, Request};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct NewArgs {
    pub kind: String,
    pub title: String,
    #[arg(long, short = 'r', default_value = ".")]
    pub root: PathBuf,
    #[arg(long)]
    pub slug: Option<String>,
    #[arg(long, value_enum, default_value_t = NewLang::Zh)]
    pub lang: NewLang,
    #[arg(long)]
    pub section: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
}

impl clap::ValueEnum for NewLang {
    fn value_variants<'a>() -> &'a [Self] {
        &[NewLang::Zh, NewLang::En, NewLang::Both]
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(match self {
            NewLang::Zh => "zh",
            NewLang::En => "en",
            NewLang::Both => "both",
        }))
    }
}

pub fn run(args: &NewArgs, lang: Lang) -> Outcome {
    let request = Request {
        kind: &args.kind,
        title: &args.title,
        root: &args.root,
        slug: args.slug.as_deref(),
        lang: args.lang,
        section: args.section.as_deref(),
        date: args.date.as_deref(),
    };
    let created = crate::new::create(&request).map_err(|refused| match refused {
        Refused::Request(message) => Stop::usage(message),
        Refused::Site(failed) => Stop::Problems(failed),
        Refused::Cannot(message, help) => Stop::error(message, help),
    })?;
    for note in &created.notes {
        eprintln!("{}", note.in_lang(lang));
    }
    for file in &created.files {
        println!("{}", file.display());
    }
    Ok(())
}
