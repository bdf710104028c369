//! Partners: 校社联动 and the 共建 network.
//!
//! Owns partner organisations and their teams (platform records: one university partners with
//! many communities), the partnerships districts and communities approve, and teams' bookings
//! of spaces (through `spaces`); the configurable kinds of the "three lists" (需求 / 资源 /
//! 项目). Agreements, micro-venture calls, list entries and resident demands come with the rest
//! of the partners issue.

pub mod access;
pub mod agreements;
pub mod demands;
pub mod error;
pub mod graphql;
pub mod lists;
pub mod organisations;
pub mod ventures;

/// Text between `min` and `max` characters once trimmed, or the caller's mistake (named in
/// Chinese and English).
pub(crate) fn text<'a>(
    s: &'a str,
    min: usize,
    max: usize,
    zh: &str,
    en: &str,
) -> infra::AppResult<&'a str> {
    let t = s.trim();
    if (min..=max).contains(&t.chars().count()) {
        Ok(t)
    } else {
        Err(infra::AppError::bad_input(
            format!("{zh}须为 {min} 到 {max} 个字"),
            format!("{en} must be {min} to {max} characters"),
        ))
    }
}
