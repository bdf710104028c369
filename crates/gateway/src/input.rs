//! Text input is checked where it enters, once for every field: the request's variables are
//! cleaned (`infra::input::clean`: control characters and bidirectional overrides refused with
//! `BAD_USER_INPUT`, line breaks normalised) and the string literals of the document checked.

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Request, ServerResult, Value, Variables};
use infra::input::clean;

/// Literals of the document cannot be rewritten in place, so they are only checked (with
/// variables standing in as null).
macro_rules! literals_ok {
    ($args:expr) => {
        $args.iter().all(|(_, v)| {
            v.node
                .clone()
                .into_const_with(|_| Ok::<_, ()>(Value::Null))
                .is_ok_and(|c| clean(c).is_ok())
        })
    };
}

fn selection_ok(set: &SelectionSet) -> bool {
    set.items.iter().all(|s| match &s.node {
        Selection::Field(f) => {
            literals_ok!(f.node.arguments)
                && f.node
                    .directives
                    .iter()
                    .all(|d| literals_ok!(d.node.arguments))
                && selection_ok(&f.node.selection_set.node)
        }
        Selection::InlineFragment(fr) => selection_ok(&fr.node.selection_set.node),
        Selection::FragmentSpread(_) => true,
    })
}

fn document_ok(doc: &ExecutableDocument) -> bool {
    doc.operations.iter().all(|(_, op)| {
        selection_ok(&op.node.selection_set.node)
            && op.node.variable_definitions.iter().all(|d| {
                d.node
                    .default_value
                    .as_ref()
                    .is_none_or(|v| clean(v.node.clone()).is_ok())
            })
    }) && doc
        .fragments
        .values()
        .all(|f| selection_ok(&f.node.selection_set.node))
}

/// Clean the request's variables in place and check the string literals of its (parsed)
/// document; run before execution, so no resolver ever sees unchecked text.
pub fn admit(request: &mut Request) -> ServerResult<()> {
    let vars = std::mem::take(&mut request.variables).into_value();
    request.variables = Variables::from_value(clean(vars)?);
    if !document_ok(request.parsed_query()?) {
        return Err(infra::input::refused());
    }
    Ok(())
}
