//! Writing the prepared tree as HTML: comrak's writer, with Civic's own headings (ids from the
//! prepare pass), highlighted code blocks, accessible task items, table alignment as classes (a
//! strict CSP blocks inline styles) and a labelled, translated footnote section.

use crate::escape::markup as escape;
use crate::lang::Lang;
use comrak::html::{ChildRendering, Context, format_document_with_formatter, format_node_default};
use comrak::nodes::{AstNode, NodeFootnoteDefinition, NodeValue, TableAlignment};
use comrak::options::Plugins;
use std::collections::VecDeque;
use std::fmt::{self, Write};

/// A heading's attributes, decided by the prepare pass.
pub(super) struct HeadingTag {
    pub id: String,
    pub classes: Vec<String>,
}

/// What the writer takes from the prepare pass, in document order.
pub(super) struct Extras {
    pub lang: Lang,
    pub headings: VecDeque<HeadingTag>,
    /// Highlighted `<pre>` blocks, one per code block.
    pub code: VecDeque<String>,
    cell: usize,
    footnotes: u32,
    backref_written: bool,
}

impl Extras {
    pub fn new(lang: Lang) -> Extras {
        Extras {
            lang,
            headings: VecDeque::new(),
            code: VecDeque::new(),
            cell: 0,
            footnotes: 0,
            backref_written: false,
        }
    }
}

/// A footnote's name as it appears in ids (`fn-公约`, `fnref-公约`): readable, as heading ids
/// are, with spaces (which an id cannot hold) turned into `-`.
pub(super) fn footnote_slug(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("-")
}

/// Id of the footnote section's heading, reserved on every page.
pub(super) const FOOTNOTES_LABEL: &str = "footnotes-label";

pub(super) fn html<'a>(root: &'a AstNode<'a>, options: &comrak::Options, extras: Extras) -> String {
    let mut out = String::new();
    let plugins = Plugins::default();
    // Writing into a String cannot fail.
    let _ = format_document_with_formatter(root, options, &mut out, &plugins, format_node, extras);
    out
}

type Done = Result<ChildRendering, fmt::Error>;

fn format_node<'a>(context: &mut Context<Extras>, node: &'a AstNode<'a>, entering: bool) -> Done {
    let data = node.data();
    match &data.value {
        NodeValue::Heading(heading) => write_heading(context, heading.level, entering),
        NodeValue::CodeBlock(_) => {
            if entering {
                context.cr()?;
                if let Some(block) = context.user.code.pop_front() {
                    context.write_str(&block)?;
                }
            }
            Ok(ChildRendering::Skip)
        }
        NodeValue::TaskItem(task) => {
            write_task_item(context, node, task.symbol.is_some(), entering)
        }
        NodeValue::TableRow(_) => {
            context.user.cell = 0;
            format_node_default(context, node, entering)
        }
        NodeValue::TableCell => write_table_cell(context, node, entering),
        NodeValue::FootnoteReference(reference) => {
            if entering {
                let slug = escape(&footnote_slug(&reference.name));
                let suffix = if reference.ref_num > 1 {
                    format!("-{}", reference.ref_num)
                } else {
                    String::new()
                };
                write!(
                    context,
                    "<sup class=\"footnote-ref\"><a href=\"#fn-{slug}\" id=\"fnref-{slug}{suffix}\" aria-describedby=\"{FOOTNOTES_LABEL}\">{}</a></sup>",
                    reference.ix
                )?;
            }
            Ok(ChildRendering::HTML)
        }
        NodeValue::FootnoteDefinition(definition) => write_footnote(context, definition, entering),
        NodeValue::Paragraph => {
            let in_footnote = node.parent().and_then(|parent| match &parent.data().value {
                NodeValue::FootnoteDefinition(d) => Some(d.clone()),
                _ => None,
            });
            match in_footnote {
                Some(definition) if node.next_sibling().is_none() && !entering => {
                    context.write_str(" ")?;
                    write_backrefs(context, &definition)?;
                    context.write_str("</p>")?;
                    context.lf()?;
                    Ok(ChildRendering::HTML)
                }
                _ => format_node_default(context, node, entering),
            }
        }
        NodeValue::Document if !entering && context.user.footnotes > 0 => {
            context.cr()?;
            context.write_str("</ol>\n</section>\n")?;
            Ok(ChildRendering::HTML)
        }
        _ => format_node_default(context, node, entering),
    }
}

fn write_heading(context: &mut Context<Extras>, level: u8, entering: bool) -> Done {
    if entering {
        context.cr()?;
        write!(context, "<h{level}")?;
        if let Some(tag) = context.user.headings.pop_front() {
            write!(context, " id=\"{}\"", escape(&tag.id))?;
            if !tag.classes.is_empty() {
                write!(context, " class=\"{}\"", escape(&tag.classes.join(" ")))?;
            }
        }
        context.write_str(">")?;
    } else {
        write!(context, "</h{level}>")?;
        context.lf()?;
    }
    Ok(ChildRendering::HTML)
}

fn write_task_item<'a>(
    context: &mut Context<Extras>,
    node: &'a AstNode<'a>,
    done: bool,
    entering: bool,
) -> Done {
    let in_list = node
        .parent()
        .is_some_and(|p| matches!(p.data().value, NodeValue::List(_)));
    if entering {
        context.cr()?;
        if in_list {
            context.write_str("<li>")?;
        }
        context.write_str(&task_marker(done, context.user.lang))?;
    } else if in_list {
        context.write_str("</li>")?;
        context.lf()?;
    }
    Ok(ChildRendering::HTML)
}

/// A checkbox readers can neither tick nor mistake for a form field: a symbol for the eye and
/// words for a screen reader.
fn task_marker(done: bool, lang: Lang) -> String {
    let (mark, label) = match (done, lang) {
        (true, Lang::Zh) => ("☑", "已完成"),
        (false, Lang::Zh) => ("☐", "未完成"),
        (true, Lang::En) => ("☑", "done"),
        (false, Lang::En) => ("☐", "to do"),
    };
    format!(
        "<span class=\"task\" aria-hidden=\"true\">{mark}</span><span class=\"task-label\">{label}: </span>"
    )
}

fn write_table_cell<'a>(
    context: &mut Context<Extras>,
    node: &'a AstNode<'a>,
    entering: bool,
) -> Done {
    let row = node.parent();
    let header = row.is_some_and(|r| matches!(r.data().value, NodeValue::TableRow(true)));
    let tag = if header { "th" } else { "td" };
    if entering {
        let column = context.user.cell;
        context.user.cell += 1;
        let alignment = row
            .and_then(|r| r.parent())
            .and_then(|table| match &table.data().value {
                NodeValue::Table(t) => t.alignments.get(column).copied(),
                _ => None,
            });
        context.cr()?;
        write!(context, "<{tag}")?;
        match alignment {
            Some(TableAlignment::Left) => context.write_str(" class=\"align-left\"")?,
            Some(TableAlignment::Center) => context.write_str(" class=\"align-center\"")?,
            Some(TableAlignment::Right) => context.write_str(" class=\"align-right\"")?,
            _ => {}
        }
        context.write_str(">")?;
    } else {
        write!(context, "</{tag}>")?;
        context.cr()?;
    }
    Ok(ChildRendering::HTML)
}

fn write_footnote(
    context: &mut Context<Extras>,
    definition: &NodeFootnoteDefinition,
    entering: bool,
) -> Done {
    if entering {
        if context.user.footnotes == 0 {
            let title = match context.user.lang {
                Lang::Zh => "注释",
                Lang::En => "Notes",
            };
            context.cr()?;
            write!(
                context,
                "<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"{FOOTNOTES_LABEL}\">\n\
                 <h2 id=\"{FOOTNOTES_LABEL}\" class=\"footnotes-title\">{title}</h2>\n<ol>\n"
            )?;
        }
        context.user.footnotes += 1;
        context.user.backref_written = false;
        context.cr()?;
        let slug = escape(&footnote_slug(&definition.name));
        write!(context, "<li id=\"fn-{slug}\">")?;
    } else {
        if !context.user.backref_written {
            write_backrefs(context, definition)?;
            context.lf()?;
        }
        context.write_str("</li>")?;
        context.lf()?;
    }
    Ok(ChildRendering::HTML)
}

/// `↩` links back to each place the footnote is referenced, labelled for screen readers.
fn write_backrefs(
    context: &mut Context<Extras>,
    definition: &NodeFootnoteDefinition,
) -> fmt::Result {
    context.user.backref_written = true;
    let number = context.user.footnotes;
    let slug = escape(&footnote_slug(&definition.name));
    let label = match context.user.lang {
        Lang::Zh => "返回正文引用处",
        Lang::En => "Back to reference",
    };
    for reference in 1..=definition.total_references {
        let suffix = if reference > 1 {
            context.write_str(" ")?;
            format!("-{reference}")
        } else {
            String::new()
        };
        write!(
            context,
            "<a href=\"#fnref-{slug}{suffix}\" class=\"footnote-backref\" aria-label=\"{label} {number}{suffix}\">↩"
        )?;
        if reference > 1 {
            write!(context, "<sup class=\"footnote-ref\">{reference}</sup>")?;
        }
        context.write_str("</a>")?;
    }
    Ok(())
}
