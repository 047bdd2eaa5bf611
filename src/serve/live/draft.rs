//! A page as it would be built from text not saved yet: the desk's preview while the editor
//! types. The text is read and validated as an edit is ([`Live::apply`]'s path, with the text
//! instead of the file), the page (and the English twin that inherits from it) is swapped into
//! the model, its job is rendered from the same declared inputs a build renders from, and the
//! model is put back as it was. Nothing is written: not to content/, not to the output.

use super::{Live, Model, writes::with_prepared};
use crate::error::Problem;
use crate::lang::Lang;
use crate::render::{Job, partial};
use crate::site::PageId;
use crate::site::patch::{self, Patch, Replacement};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// One twin of the page, rendered from the unsaved text.
#[derive(Debug)]
pub struct DraftPage {
    pub lang: Lang,
    /// The page's address in the preview site.
    pub url: String,
    pub html: String,
}

/// What a draft renders to.
#[derive(Debug)]
pub enum Drafted {
    /// The page and, for a Chinese page, its English twin.
    Pages(Vec<DraftPage>),
    /// The text has errors, as a build would report them: nothing was rendered.
    Problems(Vec<Problem>),
    /// The change alters the site's shape (its address, a draft flag, aliases, another photo
    /// file, a page the model does not have yet): it is shown once it is saved.
    AfterSave,
}

#[derive(Debug)]
pub struct Draft {
    pub drafted: Drafted,
    pub elapsed: Duration,
}

impl Live {
    /// Renders content-relative `rel` (`role-models/li-mei.md`) as if the file held `text`.
    pub fn render_draft(&mut self, rel: &str, text: &str) -> Draft {
        let started = Instant::now();
        let drafted = self.draft(rel, text);
        Draft {
            drafted,
            elapsed: started.elapsed(),
        }
    }

    fn draft(&mut self, rel: &str, text: &str) -> Drafted {
        let known = self
            .model
            .as_ref()
            .is_some_and(|m| m.by_rel.contains_key(rel));
        if self.stale || !known {
            return Drafted::AfterSave;
        }
        let replacements = match self.prepare_edit(rel, Some(text), &mut BTreeSet::new()) {
            Ok(r) => r,
            Err(Patch::Problems(mut p)) => {
                crate::error::sort_and_dedup(&mut p);
                return Drafted::Problems(p);
            }
            Err(Patch::Reload) => return Drafted::AfterSave,
        };
        match self.model.as_mut() {
            Some(model) => render_swapped(model, replacements),
            None => Drafted::AfterSave,
        }
    }
}

/// Swaps `replacements` into the model, renders their pages, and swaps the old pages back.
fn render_swapped(model: &mut Model, replacements: Vec<Replacement>) -> Drafted {
    let ids: Vec<PageId> = replacements.iter().map(Replacement::id).collect();
    let (olds, clashes) = patch::swap(&mut model.site, replacements);
    let old_summaries: Vec<tera::Value> = ids
        .iter()
        .map(|id| {
            let new = partial::summary_value(&model.site, model.site.page(*id), &model.images);
            std::mem::replace(&mut model.summaries[id.0], new)
        })
        .collect();
    let drafted = if clashes.is_empty() {
        render_pages(model, &ids)
    } else {
        Drafted::Problems(clashes)
    };
    for (id, summary) in ids.iter().zip(old_summaries) {
        model.summaries[id.0] = summary;
    }
    // Putting the old pages back cannot clash: it is the site as it was.
    let _ = patch::swap(&mut model.site, olds);
    drafted
}

fn render_pages(model: &mut Model, ids: &[PageId]) -> Drafted {
    let rendered: Result<Vec<Vec<crate::built::OutputFile>>, Problem> = with_prepared(model, |p| {
        ids.iter()
            .map(|id| crate::render::jobs::render_job(p, &Job::Page(*id)))
            .collect()
    });
    match rendered {
        Ok(files) => Drafted::Pages(
            ids.iter()
                .zip(files)
                .map(|(id, files)| {
                    let page = model.site.page(*id);
                    DraftPage {
                        lang: page.lang(),
                        url: page.url.clone(),
                        html: files
                            .into_iter()
                            .next()
                            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
                            .unwrap_or_default(),
                    }
                })
                .collect(),
        ),
        Err(p) => Drafted::Problems(vec![p]),
    }
}
