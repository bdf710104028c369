//! Validated platform types: parse once at the edge, then trust.

use crate::error::TenancyError;

macro_rules! string_newtype {
    ($name:ident) => {
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_newtype!(Slug);
string_newtype!(DistrictCode);
string_newtype!(LoginName);
string_newtype!(Name);
string_newtype!(Phone);

/// Community slug (社区标识): `^[a-z][a-z0-9-]{1,39}$`. Hyphens map to underscores in the
/// schema name, and underscores are not allowed, so two slugs never share a schema.
impl Slug {
    pub fn parse(s: &str) -> Result<Slug, TenancyError> {
        let s = s.trim();
        let ok = (2..=40).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(Slug(s.to_string()))
        } else {
            Err(TenancyError::InvalidSlug)
        }
    }

    pub fn schema_name(&self) -> String {
        format!("c_{}", self.0.replace('-', "_"))
    }
}

impl DistrictCode {
    pub fn parse(s: &str) -> Result<DistrictCode, TenancyError> {
        let s = s.trim();
        let ok = (2..=32).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if ok {
            Ok(DistrictCode(s.to_string()))
        } else {
            Err(TenancyError::InvalidDistrictCode)
        }
    }
}

impl LoginName {
    pub fn parse(s: &str) -> Result<LoginName, TenancyError> {
        let s = s.trim();
        let ok = (3..=64).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.@-".contains(c));
        if ok {
            Ok(LoginName(s.to_string()))
        } else {
            Err(TenancyError::InvalidLoginName)
        }
    }
}

impl Name {
    /// Display names and community names: 1–100 characters after trimming.
    pub fn parse(s: &str) -> Result<Name, TenancyError> {
        let s = s.trim();
        let n = s.chars().count();
        if (1..=100).contains(&n) && !s.chars().any(char::is_control) {
            Ok(Name(s.to_string()))
        } else {
            Err(TenancyError::InvalidName)
        }
    }
}

impl Phone {
    /// Mainland mobile numbers: 11 digits starting with 1; spaces and dashes are dropped.
    pub fn parse(s: &str) -> Result<Phone, TenancyError> {
        let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let digits = digits.strip_prefix("+86").unwrap_or(&digits).to_string();
        if digits.len() == 11
            && digits.starts_with('1')
            && digits.chars().all(|c| c.is_ascii_digit())
        {
            Ok(Phone(digits))
        } else {
            Err(TenancyError::InvalidPhone)
        }
    }
}

pub struct Password(String);

impl Password {
    pub fn parse(s: &str) -> Result<Password, TenancyError> {
        if s.chars().count() >= 8 {
            Ok(Password(s.to_string()))
        } else {
            Err(TenancyError::WeakPassword)
        }
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

pub use crate::accounts::model::{Account, Membership};
pub use crate::communities::model::{Community, CommunityKind, CommunityStatus};
pub use crate::districts::model::District;
pub use crate::grids::model::{Courtyard, CourtyardKind};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_map_to_distinct_schemas() {
        assert_eq!(Slug::parse("xin-hua").unwrap().schema_name(), "c_xin_hua");
        assert!(
            Slug::parse("xin_hua").is_err(),
            "underscore would collide with hyphen"
        );
        assert!(Slug::parse("1abc").is_err());
        assert!(Slug::parse("a").is_err());
        assert!(Slug::parse("Abc").is_err());
        assert!(Slug::parse(&"a".repeat(41)).is_err());
    }

    #[test]
    fn phones_are_normalised() {
        assert_eq!(
            Phone::parse("+86 138-1234-5678").unwrap().as_str(),
            "13812345678"
        );
        assert!(Phone::parse("12345").is_err());
    }
}
