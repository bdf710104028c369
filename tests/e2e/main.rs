//! End-to-end tests: the real `linli` binary, over HTTP, against a real PostgreSQL and the S3
//! server it runs. Each test gets its own database and its own gateway process.

mod api;
mod cli;
mod console;
mod console_browser;
mod console_camera;
mod console_select;
mod corrections;
mod courses;
mod dashboards;
mod demo_faithful;
mod deploy;
mod erasure;
mod erasure_paths;
mod family_help;
mod footprint;
mod governance;
mod isolation_walk;
mod journey_check_in;
mod journey_college;
mod journey_demands;
mod journey_district;
mod journey_erasure;
mod journey_family;
mod journey_farm;
mod journey_funds;
mod journey_governance;
mod journey_grid;
mod journey_guardian;
mod journey_lists;
mod journey_officer;
mod journey_partners_work;
mod journey_phone;
mod journey_phone_more;
mod journey_platform;
mod journey_resident;
mod journey_spaces;
mod journey_staff;
mod journey_teacher;
mod journey_term;
mod journey_timebank;
mod journey_university;
mod layout;
mod limits;
mod moving;
mod ops;
mod partner_abuse;
mod partner_access;
mod partners;
mod privacy;
mod registry_abuse;
mod request_keys;
mod restore_checks;
mod retention;
mod sign_up;
mod spaces;
mod spares;
mod survey_reach;
mod timebank;
mod timebank_abuse;
mod timebank_settings;
mod timetable;
mod worker_due;

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub const ROOT_PASSWORD: &str = "root-password-1";
pub const E2E_MASTER_SECRET: &str = "e2e master secret, thirty-two bytes or more";

/// A gateway's environment for counting its statements (`TestApp::spawn_counting_sql`).
pub const COUNTING_SQL: &[(&str, &str)] = &[
    ("LINLI_COUNT_SQL", "true"),
    ("LINLI_WORKER_INTERVAL_SECS", "0"),
    ("LINLI_DB_BACKEND_MEMORY_MB", "0"),
];

pub fn linli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_linli"))
}

pub fn temp_dir(tag: &str) -> PathBuf {
    static CLEANED: std::sync::Once = std::sync::Once::new();
    CLEANED.call_once(|| infra::testing::remove_stale_temp_dirs("linli-e2e-"));
    let dir =
        std::env::temp_dir().join(format!("linli-e2e-{tag}-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub struct TestApp {
    pub url: String,
    pub metrics_url: String,
    pub database_url: String,
    pub data_dir: PathBuf,
    pub child: Child,
    pub http: reqwest::Client,
}

/// Wait for the line the gateway prints once it listens; return the GraphQL URL.
pub async fn wait_listening(child: &mut Child) -> String {
    wait_listening_with_metrics(child).await.0
}

/// The GraphQL URL and the metrics URL (printed on the line before).
pub async fn wait_listening_with_metrics(child: &mut Child) -> (String, String) {
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let found = tokio::time::timeout(Duration::from_secs(120), async {
        let mut metrics = String::new();
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("Metrics on ") {
                metrics = url.trim().to_string();
            }
            if let Some(url) = line.strip_prefix("Linli listening on ") {
                return Some((url.trim().to_string(), metrics));
            }
        }
        None
    })
    .await
    .expect("gateway did not start within 120 s")
    .expect("gateway exited before listening");
    // Keep draining stdout so the child never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    found
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

impl TestApp {
    /// A gateway on a fresh database, with a platform admin `root`.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(&[]).await
    }

    /// A gateway counting its SQL statements (`linli_sql_statements_total`), with the
    /// background worker and the pool's memory check (one return in 64) off: their statements
    /// would be counted too.
    pub async fn spawn_counting_sql() -> TestApp {
        TestApp::spawn_with(COUNTING_SQL).await
    }

    /// The same, with extra environment variables for the gateway.
    pub async fn spawn_with(env: &[(&str, &str)]) -> TestApp {
        Self::spawn_on(infra::testing::fresh_database().await, env).await
    }

    /// A gateway with a platform admin `root` on the (empty) database at `database_url`.
    pub async fn spawn_on(database_url: String, env: &[(&str, &str)]) -> TestApp {
        let data_dir = temp_dir("app");
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_linli"))
            .args(["admin", "create", "--login", "root", "--password-stdin"])
            .envs(Self::env_for(&database_url, &data_dir))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin
                    .take()
                    .unwrap()
                    .write_all(format!("{ROOT_PASSWORD}\n").as_bytes())?;
                c.wait()
            })
            .unwrap();
        assert!(status.success(), "linli admin create failed");
        Self::start_with(database_url, data_dir, env).await
    }

    pub fn env_for(database_url: &str, data_dir: &std::path::Path) -> Vec<(String, String)> {
        vec![
            ("DATABASE_URL".into(), database_url.into()),
            ("LINLI_DATA_DIR".into(), data_dir.display().to_string()),
            ("LINLI_MASTER_SECRET".into(), E2E_MASTER_SECRET.into()),
            ("LINLI_LISTEN".into(), "127.0.0.1:0".into()),
            ("LINLI_METRICS_LISTEN".into(), "127.0.0.1:0".into()),
            ("LINLI_GRAPHIQL".into(), "false".into()),
            // Schemas built ahead cost each gateway's start a build; tests that want them say so.
            ("LINLI_SPARE_COMMUNITIES".into(), "0".into()),
        ]
    }

    /// Start (or restart) a gateway on an existing database.
    pub async fn start(database_url: String, data_dir: PathBuf) -> TestApp {
        Self::start_with(database_url, data_dir, &[]).await
    }

    /// Start a gateway with extra environment variables.
    pub async fn start_with(
        database_url: String,
        data_dir: PathBuf,
        env: &[(&str, &str)],
    ) -> TestApp {
        Self::launch(&["serve"], database_url, data_dir, env).await
    }

    /// Start `linli serve --demo` on a fresh database: the seed reports' communities.
    pub async fn start_demo(database_url: String, data_dir: PathBuf) -> TestApp {
        Self::launch(&["serve", "--demo"], database_url, data_dir, &[]).await
    }

    async fn launch(
        args: &[&str],
        database_url: String,
        data_dir: PathBuf,
        env: &[(&str, &str)],
    ) -> TestApp {
        let log = std::fs::File::create(data_dir.join("gateway.log")).unwrap();
        let mut child = linli()
            .args(args)
            .envs(Self::env_for(&database_url, &data_dir))
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let (url, metrics_url) = wait_listening_with_metrics(&mut child).await;
        TestApp {
            url,
            metrics_url,
            database_url,
            data_dir,
            child,
            http: reqwest::Client::new(),
        }
    }

    pub fn base(&self) -> String {
        self.url.trim_end_matches("/graphql").to_string()
    }

    /// The Prometheus text of `/metrics` (on its own listener).
    pub async fn metrics(&self) -> String {
        self.http
            .get(&self.metrics_url)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// A counter of `/metrics` (0 when absent), e.g. `linli_sql_statements_total`.
    pub async fn counter(&self, name: &str) -> u64 {
        self.metrics()
            .await
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
            .map(|v| v.trim().parse::<f64>().unwrap() as u64)
            .unwrap_or(0)
    }

    /// The files of a zip an export links to: path → bytes.
    pub async fn zip_at(&self, url: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
        use std::io::Read;
        let bytes = self
            .http
            .get(url)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut b = Vec::new();
                f.read_to_end(&mut b).unwrap();
                (f.name().to_string(), b)
            })
            .collect()
    }

    pub async fn pool(&self) -> sqlx::PgPool {
        sqlx::PgPool::connect(&self.database_url).await.unwrap()
    }

    /// POST a GraphQL request; returns the whole JSON response.
    pub async fn gql(
        &self,
        token: Option<&str>,
        community: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Value {
        self.gql_lang(token, community, None, query, variables)
            .await
    }

    pub async fn gql_lang(
        &self,
        token: Option<&str>,
        community: Option<&str>,
        lang: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Value {
        let mut req = self
            .http
            .post(&self.url)
            .json(&json!({"query": query, "variables": variables}));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(c) = community {
            req = req.header("x-community", c);
        }
        if let Some(l) = lang {
            req = req.header("accept-language", l);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 200, "GraphQL answers 200 even with errors");
        resp.json().await.unwrap()
    }

    /// The data of a request that must succeed.
    pub async fn ok(
        &self,
        token: Option<&str>,
        community: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Value {
        let r = self.gql(token, community, query, variables).await;
        assert!(
            r.get("errors").is_none(),
            "unexpected errors for {query}: {r}"
        );
        r["data"].clone()
    }

    pub async fn login(&self, login: &str, password: &str) -> String {
        let d = self
            .ok(
                None,
                None,
                "mutation($l: String!, $p: String!) { login(loginName: $l, password: $p) { token } }",
                json!({"l": login, "p": password}),
            )
            .await;
        d["login"]["token"].as_str().unwrap().to_string()
    }

    pub async fn root(&self) -> String {
        self.login("root", ROOT_PASSWORD).await
    }

    /// A district 510109 with communities `alpha` and `beta`; returns the root token.
    pub async fn two_communities(&self) -> String {
        let root = self.root().await;
        self.ok(
            Some(&root),
            None,
            r#"mutation { createDistrict(input: {code: "510109", name: "成都高新区"}) { id } }"#,
            json!({}),
        )
        .await;
        for slug in ["alpha", "beta"] {
            self.ok(
                Some(&root),
                None,
                "mutation($s: String!) { onboardCommunity(input: {districtCode: \"510109\", slug: $s, name: \"社区\", kind: OLD_COURTYARD}) { created } }",
                json!({"s": slug}),
            )
            .await;
        }
        root
    }

    /// A new account holding `role` in community `slug`; returns its token.
    pub async fn member(&self, root: &str, login: &str, role: &str, slug: &str) -> String {
        self.named_member(root, login, "张三", role, slug).await
    }

    /// A new account with its own display name, holding `role` in `slug`; its token.
    pub async fn named_member(
        &self,
        root: &str,
        login: &str,
        name: &str,
        role: &str,
        slug: &str,
    ) -> String {
        let d = self
            .ok(
                Some(root),
                None,
                "mutation($l: String!, $n: String!) { createAccount(input: {loginName: $l, displayName: $n, password: \"password-123\", phone: \"13812345678\"}) { id } }",
                json!({"l": login, "n": name}),
            )
            .await;
        let id = d["createAccount"]["id"].as_str().unwrap().to_string();
        self.ok(
            Some(root),
            None,
            &format!(
                "mutation($id: ID!, $s: String!) {{ grantRole(input: {{accountId: $id, role: {role}, communitySlug: $s}}) }}"
            ),
            json!({"id": id, "s": slug}),
        )
        .await;
        self.login(login, "password-123").await
    }

    /// A new account holding the district role `role` in district `code`; its token.
    pub async fn district_member(&self, root: &str, login: &str, role: &str, code: &str) -> String {
        let d = self
            .ok(
                Some(root),
                None,
                "mutation($l: String!) { createAccount(input: {loginName: $l, displayName: \"区县干部\", password: \"password-123\"}) { id } }",
                json!({"l": login}),
            )
            .await;
        self.ok(
            Some(root),
            None,
            &format!(
                "mutation($id: ID!, $c: String!) {{ grantRole(input: {{accountId: $id, role: {role}, districtCode: $c}}) }}"
            ),
            json!({"id": d["createAccount"]["id"], "c": code}),
        )
        .await;
        self.login(login, "password-123").await
    }
}

impl TestApp {
    /// A GraphQL multipart request (`operations` + `map`, the spec's shape) sending `file` as
    /// the variable `f`; the whole JSON response.
    pub async fn upload(
        &self,
        token: &str,
        community: &str,
        query: &str,
        mut variables: Value,
        file: Vec<u8>,
        name: &str,
    ) -> Value {
        variables["f"] = Value::Null;
        let form = reqwest::multipart::Form::new()
            .text(
                "operations",
                json!({"query": query, "variables": variables}).to_string(),
            )
            .text("map", json!({"0": ["variables.f"]}).to_string())
            .part(
                "0",
                reqwest::multipart::Part::bytes(file).file_name(name.to_string()),
            );
        self.http
            .post(&self.url)
            .bearer_auth(token)
            .header("x-community", community)
            .multipart(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// A grid worker of `slug` serving a new grid named `grid`, which `staff` create and
    /// assign: (token, the grid's id).
    pub async fn grid_worker(
        &self,
        root: &str,
        staff: &str,
        login: &str,
        slug: &str,
        grid: &str,
    ) -> (String, Value) {
        let token = self.member(root, login, "GRID_WORKER", slug).await;
        let account = self
            .ok(Some(&token), None, "{ me { account { id } } }", json!({}))
            .await["me"]["account"]["id"]
            .clone();
        let grid = self
            .ok(
                Some(staff),
                Some(slug),
                "mutation($n: String!) { createCourtyard(input: {name: $n, kind: GRID}) { id } }",
                json!({"n": grid}),
            )
            .await["createCourtyard"]["id"]
            .clone();
        self.ok(
            Some(staff),
            Some(slug),
            "mutation($a: ID!, $g: ID!) { assignGrids(accountId: $a, courtyardIds: [$g]) }",
            json!({"a": account, "g": grid}),
        )
        .await;
        (token, grid)
    }

    /// A function room of community `slug` open all day every day (staff); its id.
    pub async fn open_space(&self, staff: &str, slug: &str, name: &str) -> Value {
        let space = self
            .ok(
                Some(staff),
                Some(slug),
                "mutation($n: String!) { createSpace(name: $n, kind: FUNCTION_ROOM, capacity: 40) { id } }",
                json!({"n": name}),
            )
            .await["createSpace"]["id"]
            .clone();
        let spans: Vec<Value> = (1..=7)
            .map(|d| json!({"weekday": d, "opens": "00:00", "closes": "23:59"}))
            .collect();
        self.ok(
            Some(staff),
            Some(slug),
            "mutation($s: ID!, $h: [OpeningSpanInput!]!) { setOpeningHours(spaceId: $s, spans: $h) { weekday } }",
            json!({"s": space, "h": spans}),
        )
        .await;
        space
    }
}

/// 02:00 UTC (10:00 in the communities) the day after tomorrow, as RFC 3339: inside every
/// test space's opening hours and booking window.
pub fn two_days_ahead() -> String {
    (chrono::Utc::now() + chrono::Duration::days(2))
        .date_naive()
        .and_hms_opt(2, 0, 0)
        .unwrap()
        .and_utc()
        .to_rfc3339()
}

/// `extensions.code` of the first error.
pub fn code(resp: &Value) -> &str {
    resp["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {resp}"))
}
