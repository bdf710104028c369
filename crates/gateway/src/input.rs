//! Text input is checked where it enters, once for every field: the request's variables and
//! the string literals of the document. NUL and other control characters (which PostgreSQL
//! refuses, or which would hide in a name on a printed roster) and the bidirectional overrides
//! that can make text read other than it is stored are refused with `BAD_USER_INPUT`. Line
//! breaks are kept, with `\r\n` and a lone `\r` normalised to `\n`; tabs are kept.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Request, ServerError, ServerResult, Value, Variables};

pub struct TextInput;

impl ExtensionFactory for TextInput {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(TextInput)
    }
}

/// A character no text field of Linli accepts.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

fn refused() -> ServerError {
    let mut e = ServerError::new("输入中含有不允许的控制字符，请删除后再提交", None);
    let mut ext = async_graphql::ErrorExtensionValues::default();
    ext.set("code", "BAD_USER_INPUT");
    ext.set(
        "messageEn",
        "The input contains control characters that are not allowed; remove them and try again",
    );
    e.extensions = Some(ext);
    e
}

/// The same value with line breaks normalised, or an error when a string holds a forbidden
/// character (in keys of objects too).
fn clean(v: Value) -> Result<Value, ServerError> {
    Ok(match v {
        Value::String(s) => {
            let s = if s.contains('\r') {
                s.replace("\r\n", "\n").replace('\r', "\n")
            } else {
                s
            };
            if s.chars().any(forbidden) {
                return Err(refused());
            }
            Value::String(s)
        }
        Value::List(items) => Value::List(items.into_iter().map(clean).collect::<Result<_, _>>()?),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| {
                    if k.chars().any(forbidden) {
                        return Err(refused());
                    }
                    Ok((k, clean(v)?))
                })
                .collect::<Result<_, _>>()?,
        ),
        other => other,
    })
}

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

#[async_trait::async_trait]
impl Extension for TextInput {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let vars = std::mem::take(&mut request.variables).into_value();
        request.variables = Variables::from_value(clean(vars)?);
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        if !document_ok(&doc) {
            return Err(refused());
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_normalised_and_controls_refused() {
        let v = clean(Value::String("一\r\n二\r三\t四".into())).unwrap();
        assert_eq!(v, Value::String("一\n二\n三\t四".into()));
        for bad in ["a\0b", "\u{7}", "\u{1b}[31m", "\u{202E}txt.exe", "\u{85}"] {
            assert!(clean(Value::String(bad.into())).is_err(), "{bad:?}");
        }
        let nested = async_graphql::value!({"input": {"names": ["ok", "bad\u{0}"]}});
        assert!(clean(nested).is_err());
    }
}
