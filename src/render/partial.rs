//! Rendering some jobs of a model that lives on between builds (`civic serve`). The page summaries
//! are kept with the model and updated page by page, instead of being built again for every edit.

use super::images::ImageSet;
use super::{Prepared, Renderer, jobs, view};
use crate::lang::Lang;
use crate::site::{Page, Site};
use std::collections::HashMap;
use tera::Value;

impl<'a> Prepared<'a> {
    /// Prepare rendering with summaries kept from an earlier build.
    pub fn from_parts(
        site: &'a Site,
        renderer: &'a Renderer,
        images: HashMap<String, ImageSet>,
        summaries: Vec<Value>,
        indexer: Option<&'a crate::search::Indexer>,
    ) -> Prepared<'a> {
        let base = Lang::ALL
            .iter()
            .map(|&lang| (lang, jobs::base_context(site, renderer, lang)))
            .collect();
        Prepared {
            site,
            renderer,
            images,
            summaries,
            indexer,
            base,
        }
    }

    /// Take the images and summaries back, to keep them for the next edit.
    pub fn into_parts(self) -> (HashMap<String, ImageSet>, Vec<Value>) {
        (self.images, self.summaries)
    }
}

/// The template value of one page's summary card.
pub fn summary_value(site: &Site, page: &Page, images: &HashMap<String, ImageSet>) -> Value {
    Value::from_serializable(&view::summary(site, page, images))
}
