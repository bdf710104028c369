//! Every operation of the schema, called with a token of community A and `X-Community: B`, is
//! refused with FORBIDDEN. The operations come from introspection, so an operation added later
//! is attacked without editing this test.

use serde_json::{Value, json};

use crate::{TestApp, code};

const INTROSPECTION: &str = r#"
query {
  __schema {
    queryType { name }
    mutationType { name }
    types {
      name kind
      fields { name args { name type { ...T } } type { ...T } }
      inputFields { name type { ...T } }
      enumValues { name }
    }
  }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
"#;

/// The schema's types, and which set of argument values to generate: 0 plausible, 1 hostile
/// (negative and huge numbers, empty strings, far dates), 2 control characters in every
/// string (NUL, BEL, ESC, a bidirectional override).
struct Types<'a>(&'a [Value], usize);

impl Types<'_> {
    fn get(&self, name: &str) -> &Value {
        self.0
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("type {name}"))
    }

    /// A literal for a value of this type; only required input fields are filled.
    fn literal(&self, ty: &Value, depth: usize) -> String {
        match ty["kind"].as_str().unwrap() {
            "NON_NULL" => self.literal(&ty["ofType"], depth),
            "LIST" => format!("[{}]", self.literal(&ty["ofType"], depth)),
            "ENUM" => self.get(ty["name"].as_str().unwrap())["enumValues"][0]["name"]
                .as_str()
                .unwrap()
                .to_string(),
            "INPUT_OBJECT" => {
                let t = self.get(ty["name"].as_str().unwrap());
                let fields: Vec<String> = t["inputFields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|f| f["type"]["kind"] == "NON_NULL" && depth < 5)
                    .map(|f| {
                        format!(
                            "{}: {}",
                            f["name"].as_str().unwrap(),
                            self.literal(&f["type"], depth + 1)
                        )
                    })
                    .collect();
                format!("{{{}}}", fields.join(", "))
            }
            _ => match ty["name"].as_str().unwrap() {
                "Int" if self.1 == 1 => "-2147483648".into(),
                "Float" if self.1 == 1 => "-1e300".into(),
                "DateTime" if self.1 == 1 => "\"+262142-12-31T23:59:59Z\"".into(),
                "Date" if self.1 == 1 => "\"+262142-12-31\"".into(),
                "String" if self.1 == 1 => "\"\"".into(),
                "String" | "ID" if self.1 == 2 => r#""名\u0000字\u0007\u001b[31m\u202e""#.into(),
                "Int" => "1".into(),
                "Float" => "1.5".into(),
                "Date" => "\"2026-11-22\"".into(),
                "Boolean" => "true".into(),
                "ID" => format!("\"{}\"", uuid::Uuid::new_v4()),
                "DateTime" => "\"2026-11-22T08:00:00Z\"".into(),
                _ => "\"x\"".into(),
            },
        }
    }

    fn is_composite(&self, ty: &Value) -> bool {
        match ty["kind"].as_str().unwrap() {
            "NON_NULL" | "LIST" => self.is_composite(&ty["ofType"]),
            k => matches!(k, "OBJECT" | "INTERFACE" | "UNION"),
        }
    }

    /// `op { field(args) { __typename } }` for every field of the root type `root`.
    fn operations(&self, root: &str, keyword: &str) -> Vec<(String, String)> {
        self.get(root)["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let name = f["name"].as_str().unwrap();
                let args: Vec<String> = f["args"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| {
                        format!(
                            "{}: {}",
                            a["name"].as_str().unwrap(),
                            self.literal(&a["type"], 0)
                        )
                    })
                    .collect();
                let args = if args.is_empty() {
                    String::new()
                } else {
                    format!("({})", args.join(", "))
                };
                let sel = if self.is_composite(&f["type"]) {
                    " { __typename }"
                } else {
                    ""
                };
                (
                    name.to_string(),
                    format!("{keyword} {{ {name}{args}{sel} }}"),
                )
            })
            .collect()
    }
}

#[tokio::test]
async fn every_operation_with_a_token_of_a_is_refused_in_b() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let a_admin = app
        .member(&root, "alpha-admin", "COMMUNITY_ADMIN", "alpha")
        .await;
    let a_resident = app
        .member(&root, "alpha-resident", "RESIDENT", "alpha")
        .await;

    let schema = app.ok(Some(&a_admin), None, INTROSPECTION, json!({})).await;
    let types = schema["__schema"]["types"].as_array().unwrap().clone();
    let types = Types(&types, 0);
    let mut ops = types.operations("Query", "query");
    ops.extend(types.operations("Mutation", "mutation"));
    let controls = Types(types.0, 2);
    let mut with_controls = controls.operations("Query", "query");
    with_controls.extend(controls.operations("Mutation", "mutation"));
    assert!(
        ops.len() >= 20,
        "the walk found only {} operations",
        ops.len()
    );

    let pool = app.pool().await;
    let rows_in_b = || async {
        let n: i64 = sqlx::query_scalar(
            "SELECT (SELECT count(*) FROM c_beta.courtyards) + (SELECT count(*) FROM c_beta.course_categories)",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        n
    };
    let before = rows_in_b().await;

    for token in [&a_admin, &a_resident] {
        for (name, query) in ops.iter().chain(with_controls.iter()) {
            let r = app.gql(Some(token), Some("beta"), query, json!({})).await;
            assert_eq!(
                code(&r),
                "FORBIDDEN",
                "{name} reached community beta: {query} → {r}"
            );
            assert!(r["data"].is_null(), "{name} returned data: {r}");
        }
    }
    assert_eq!(rows_in_b().await, before, "nothing was written into beta");

    // The generated operations are real: the same walk in A's own community is not refused
    // by the gate (each may still fail its own checks, e.g. a resident creating a courtyard),
    // and no argument, plausible or hostile, makes any of them fail with INTERNAL.
    let mut hostile = Types(types.0, 1).operations("Query", "query");
    hostile.extend(Types(types.0, 1).operations("Mutation", "mutation"));
    // Signing out (or changing the password) would end the token the walk goes on with.
    let keeps_token =
        |(name, _): &(String, String)| !matches!(name.as_str(), "logout" | "changePassword");
    ops.retain(keeps_token);
    hostile.retain(keeps_token);
    with_controls.retain(keeps_token);
    for (name, query) in ops.iter().chain(hostile.iter()) {
        let r = app
            .gql(Some(&a_admin), Some("alpha"), query, json!({}))
            .await;
        if let Some(errors) = r["errors"].as_array() {
            for e in errors {
                assert_ne!(e["extensions"]["code"], "INTERNAL", "{name} in alpha: {r}");
            }
        }
    }
    // Control characters are refused where they enter, before any resolver runs: every
    // operation that takes a string answers BAD_USER_INPUT and writes nothing.
    for (name, query) in &with_controls {
        let r = app
            .gql(Some(&a_admin), Some("alpha"), query, json!({}))
            .await;
        if query.contains("\\u0000") {
            assert_eq!(code(&r), "BAD_USER_INPUT", "{name}: {query} → {r}");
            assert!(r["data"].is_null(), "{name} ran: {r}");
        }
    }
    // The same through variables; line breaks are kept, normalised.
    let create =
        "mutation($n: String!) { createCourtyard(input: {name: $n, kind: GRID}) { name } }";
    let r = app
        .gql(
            Some(&a_admin),
            Some("alpha"),
            create,
            json!({"n": "院\u{0}落"}),
        )
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "{r}");
    let r = app
        .gql(
            Some(&a_admin),
            Some("alpha"),
            create,
            json!({"n": "\u{202e}院落"}),
        )
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "{r}");
}
