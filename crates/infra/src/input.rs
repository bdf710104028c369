//! The one check of text input, applied by the gateway to every request's variables and
//! document literals: control characters (NUL, which PostgreSQL refuses; escapes that would
//! hide in a name on a printed roster) and bidirectional overrides (which make text read other
//! than it is stored) are refused; line breaks are normalised to `\n`; tabs are kept.

use async_graphql::{ServerError, Value};

/// A character no text field of Linli accepts.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

fn refused_text() -> crate::AppError {
    crate::AppError::bad_input(
        "输入中含有不允许的控制字符，请删除后再提交",
        "The input contains control characters that are not allowed; remove them and try again",
    )
}

pub fn refused() -> ServerError {
    refused_text().into()
}

/// Text between `min` and `max` characters once trimmed — the one length rule of every field a
/// person types — or the caller's mistake, naming the field in Chinese and English.
pub fn text<'a>(
    s: &'a str,
    min: usize,
    max: usize,
    zh: &str,
    en: &str,
) -> Result<&'a str, crate::AppError> {
    let t = s.trim();
    if (min..=max).contains(&t.chars().count()) {
        Ok(t)
    } else {
        Err(crate::AppError::bad_input(
            format!("{zh}须为 {min} 到 {max} 个字"),
            format!("{en} must be {min} to {max} characters"),
        ))
    }
}

/// One string under the rule: line breaks normalised, or a coded error. Also for text that
/// enters from a file (an import) rather than a request.
pub fn clean_text(s: &str) -> Result<String, crate::AppError> {
    let s = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    };
    if s.chars().any(forbidden) {
        return Err(refused_text());
    }
    Ok(s)
}

/// The same value with line breaks normalised, or an error when a string holds a forbidden
/// character (in keys of objects too).
pub fn clean(v: Value) -> Result<Value, ServerError> {
    Ok(match v {
        Value::String(s) => Value::String(clean_text(&s).map_err(ServerError::from)?),
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
