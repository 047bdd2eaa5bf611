//! The typed references a job's inputs hold to pages and sections, and the record of them. Their
//! fields are private to this file: a reference is made only through [`Reads`], which records it.

use crate::site::{PageId, SectionId};

/// A page a job shows as more than a link (its card, its body, a feed entry): anything that
/// changes on the page changes the job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Card(PageId);

/// A page a job shows only as a link: its title (a chapter's short title) and URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(PageId);

/// A section whose own content a job shows: its text, subsections, filters and page count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shown(SectionId);

impl Card {
    pub fn id(self) -> PageId {
        self.0
    }
}

impl Label {
    pub fn id(self) -> PageId {
        self.0
    }
}

impl Shown {
    pub fn id(self) -> SectionId {
        self.0
    }
}

/// Every page and section a job's inputs refer to, recorded while they are worked out. It is
/// the only way to make a [`Card`], [`Label`] or [`Shown`], so the fingerprint, which hashes what
/// is recorded here, cannot miss one the renderer shows.
#[derive(Debug, Default)]
pub struct Reads {
    cards: Vec<PageId>,
    labels: Vec<PageId>,
    sections: Vec<SectionId>,
}

impl Reads {
    /// The pages shown as more than a link, in the order they were read.
    pub fn cards_read(&self) -> &[PageId] {
        &self.cards
    }
    /// The pages shown as links.
    pub fn labels_read(&self) -> &[PageId] {
        &self.labels
    }
    /// The sections whose own content is shown.
    pub fn sections_read(&self) -> &[SectionId] {
        &self.sections
    }

    pub(super) fn card(&mut self, id: PageId) -> Card {
        self.cards.push(id);
        Card(id)
    }
    pub(super) fn cards(&mut self, ids: impl IntoIterator<Item = PageId>) -> Vec<Card> {
        ids.into_iter().map(|id| self.card(id)).collect()
    }
    pub(super) fn label(&mut self, id: PageId) -> Label {
        self.labels.push(id);
        Label(id)
    }
    pub(super) fn labels(&mut self, ids: &[PageId]) -> Vec<Label> {
        ids.iter().map(|id| self.label(*id)).collect()
    }
    pub(super) fn section(&mut self, id: SectionId) -> Shown {
        self.sections.push(id);
        Shown(id)
    }
}
