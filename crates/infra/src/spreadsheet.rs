//! Text bound for a spreadsheet. A CSV cell starting with `=`, `+`, `-` or `@` (or a tab or
//! carriage return before one) is a formula to Excel and WPS: a community named
//! `=HYPERLINK(…)` would run in the officer's spreadsheet. Every text cell of every CSV the
//! platform writes goes through [`csv_text`]; numbers are written as numbers and need nothing.

use std::borrow::Cow;

/// The cell as a spreadsheet shows it, never read as a formula: a leading apostrophe (OWASP's
/// advice; Excel hides it) before text that starts like one.
pub fn csv_text(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::csv_text;

    #[test]
    fn formulas_become_text_and_plain_text_is_kept() {
        for hostile in [
            "=HYPERLINK(\"http://x\",\"点击\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(csv_text(hostile), format!("'{hostile}"));
        }
        for plain in ["新华社区", "xinhua", "2026年1月", "", "a=b"] {
            assert_eq!(csv_text(plain), plain);
        }
    }
}
