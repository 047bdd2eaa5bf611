//! Only `~~text~~` strikes through. Chinese writers use `~` (and `～`) for ranges — `周一~周五`,
//! `9:00~17:00` — and the parser, following GitHub, also struck through text between single
//! tildes. The parser is asked to read single tildes as subscript, which it keeps apart from
//! `~~`, and every subscript is written back as the text it was, tildes included.

use comrak::Arena;
use comrak::nodes::{Ast, AstNode, LineColumn, NodeValue};
use std::cell::RefCell;

type Node<'a> = &'a AstNode<'a>;

/// Turns every single-tilde span back into `~`, its contents, `~`, joining the text around it.
pub(super) fn keep_single_tildes<'a>(root: Node<'a>, arena: &'a Arena<'a>) {
    let spans: Vec<Node<'a>> = root
        .descendants()
        .filter(|n| matches!(n.data().value, NodeValue::Subscript))
        .collect();
    // Innermost first, so an outer span never moves a node still to be unwrapped.
    for span in spans.into_iter().rev() {
        let tilde = || {
            arena.alloc(AstNode::new(RefCell::new(Ast::new(
                NodeValue::Text("~".into()),
                LineColumn::default(),
            ))))
        };
        let open: Node<'a> = tilde();
        span.insert_before(open);
        while let Some(child) = span.first_child() {
            span.insert_before(child);
        }
        let close: Node<'a> = tilde();
        span.insert_before(close);
        span.detach();
        if let Some(parent) = open.parent() {
            join_texts(parent);
        }
    }
}

/// Joins neighbouring text nodes among `parent`'s children, as the parser leaves them.
fn join_texts(parent: Node<'_>) {
    let mut child = parent.first_child();
    while let Some(node) = child {
        let next = node.next_sibling();
        if let Some(next) = next {
            let joined = match (&node.data().value, &next.data().value) {
                (NodeValue::Text(a), NodeValue::Text(b)) => Some(format!("{a}{b}")),
                _ => None,
            };
            if let Some(joined) = joined {
                node.data_mut().value = NodeValue::Text(joined.into());
                next.detach();
                continue;
            }
        }
        child = next;
    }
}
