//! A private PostgreSQL cluster run from the system's PostgreSQL binaries, for a machine where
//! no `DATABASE_URL` is configured (first run, tests, CI).
//!
//! The postmaster is a child of a dedicated keeper thread that asks the kernel
//! (`PR_SET_PDEATHSIG`) to stop it with a fast shutdown if that thread, i.e. our process, dies:
//! a killed gateway or test binary never leaves a cluster behind. initdb refuses to run as root,
//! so as root the cluster runs as the `postgres` (or `nobody`) user; when that user cannot
//! reach the data directory (a checkout under `/root`, any 0700 parent), the cluster is kept in
//! `/var/lib/linli/pg-<hash>` instead, with the data directory a symbolic link to it.
//!
//! Nothing is reachable without a secret: the cluster listens on loopback only (no Unix socket)
//! and asks every connection for a SCRAM-SHA-256 password. The superuser's password is
//! generated at initdb and kept in `SUPERUSER_PASSWORD_FILE` inside the cluster directory, mode
//! 0600, readable only by the cluster's user (and root).

use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const SUPERUSER: &str = "linli";
/// Inside the cluster directory; PostgreSQL ignores files it does not know.
pub const SUPERUSER_PASSWORD_FILE: &str = "linli-superuser.password";

#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Off only for throw-away test clusters.
    pub fsync: bool,
    pub max_connections: u32,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            fsync: true,
            max_connections: 200,
        }
    }
}

pub struct PrivateCluster {
    data_dir: PathBuf,
    port: u16,
    password: String,
    pid: i32,
    /// `None` when we attached to a cluster another Linli process of this data directory runs.
    exited: Option<mpsc::Receiver<()>>,
}

/// (pid, port) of a postmaster already running on `data_dir`, from its `postmaster.pid`.
fn running_postmaster(data_dir: &Path) -> Option<(i32, u16)> {
    let text = fs::read_to_string(data_dir.join("postmaster.pid")).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let pid: i32 = lines.first()?.trim().parse().ok()?;
    let port: u16 = lines.get(3)?.trim().parse().ok()?;
    // SAFETY: signal 0 only checks that the process exists.
    let alive = unsafe { libc::kill(pid, 0) } == 0;
    alive.then_some((pid, port))
}

fn err(msg: impl Into<String>) -> io::Error {
    io::Error::other(msg.into())
}

/// The directory holding `initdb`, `postgres` and `pg_isready`: PATH first, then the newest
/// /usr/lib/postgresql/*/bin.
pub fn find_bin_dir() -> Option<PathBuf> {
    let has_all = |d: &Path| {
        ["initdb", "postgres", "pg_isready"]
            .iter()
            .all(|b| d.join(b).is_file())
    };
    if let Some(path) = std::env::var_os("PATH") {
        for d in std::env::split_paths(&path) {
            if has_all(&d) {
                return Some(d);
            }
        }
    }
    let mut candidates: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, d)| has_all(d))
        .collect();
    candidates.sort();
    candidates.pop().map(|(_, d)| d)
}

/// (uid, gid) to run PostgreSQL as when we are root.
fn unprivileged_user() -> io::Result<Option<(u32, u32)>> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    let passwd = fs::read_to_string("/etc/passwd")?;
    for wanted in ["postgres", "nobody"] {
        for line in passwd.lines() {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() > 3 && f[0] == wanted {
                let uid = f[2].parse().map_err(|_| err("bad /etc/passwd"))?;
                let gid = f[3].parse().map_err(|_| err("bad /etc/passwd"))?;
                return Ok(Some((uid, gid)));
            }
        }
    }
    Err(err(
        "running as root and no postgres or nobody user exists to run PostgreSQL",
    ))
}

fn chown_tree(path: &Path, uid: u32, gid: u32) -> io::Result<()> {
    std::os::unix::fs::chown(path, Some(uid), Some(gid))?;
    if path.is_dir() {
        for e in fs::read_dir(path)? {
            chown_tree(&e?.path(), uid, gid)?;
        }
    }
    Ok(())
}

/// Can `uid`/`gid` enter every directory from the root down to `dir`? PostgreSQL changes into
/// its data directory, so each ancestor needs the search bit for it.
fn reachable_by(dir: &Path, uid: u32, gid: u32) -> bool {
    use std::os::unix::fs::MetadataExt;
    dir.ancestors().all(|d| {
        let Ok(m) = fs::metadata(d) else { return false };
        let mode = m.mode();
        if m.uid() == uid {
            mode & 0o100 != 0
        } else if m.gid() == gid {
            mode & 0o010 != 0
        } else {
            mode & 0o001 != 0
        }
    })
}

/// Where a cluster lives whose data directory the PostgreSQL user cannot reach: a directory of
/// its own under `/var/lib/linli`, named after the data directory so each checkout keeps its own.
fn relocated_dir(data_dir: &Path) -> PathBuf {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(data_dir.as_os_str().as_encoded_bytes());
    PathBuf::from("/var/lib/linli").join(format!("pg-{}", &hex::encode(digest)[..16]))
}

/// The directory PostgreSQL will use for `data_dir`: itself, or (as root, when the PostgreSQL
/// user cannot reach it) a relocated directory that `data_dir` links to.
fn prepare_data_dir(data_dir: &Path, owner: Option<(u32, u32)>) -> io::Result<PathBuf> {
    let parent = data_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let parent = parent.canonicalize()?;
    let link = parent.join(
        data_dir
            .file_name()
            .ok_or_else(|| err("bad data directory"))?,
    );
    let is_link = fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink());
    if let Some((uid, gid)) = owner
        && !is_link
        && !link.join("PG_VERSION").exists()
        && !reachable_by(&parent, uid, gid)
    {
        // An empty directory left by an earlier failed start gives way to the link.
        let _ = fs::remove_dir(&link);
        let real = relocated_dir(&link);
        fs::create_dir_all(&real)?;
        std::os::unix::fs::symlink(&real, &link)?;
    }
    fs::create_dir_all(&link)?;
    link.canonicalize()
}

/// A random password of 32 hex characters (no quoting needed anywhere).
pub fn generate_password() -> String {
    use rand::RngCore;
    let mut buf = [0u8; 16];
    rand::rng().fill_bytes(&mut buf);
    hex::encode(buf)
}

/// Write `contents` to a new file readable by its owner only.
fn write_secret(path: &Path, contents: &str, owner: Option<(u32, u32)>) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(contents.as_bytes())?;
    if let Some((uid, gid)) = owner {
        std::os::unix::fs::chown(path, Some(uid), Some(gid))?;
    }
    Ok(())
}

fn free_port() -> io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

impl PrivateCluster {
    /// Initialise `data_dir` if it holds no cluster yet, then start PostgreSQL on a free
    /// loopback port and wait until it accepts connections.
    pub fn start(data_dir: &Path, opts: &ClusterOptions) -> io::Result<PrivateCluster> {
        let bin = find_bin_dir().ok_or_else(|| {
            err(
                "no PostgreSQL binaries found (initdb, postgres on PATH or under \
                 /usr/lib/postgresql/*/bin); install PostgreSQL or set DATABASE_URL",
            )
        })?;
        let owner = unprivileged_user()?;
        let data_dir = prepare_data_dir(data_dir, owner)?;
        fs::set_permissions(&data_dir, fs::Permissions::from_mode(0o700))?;
        let log_path = data_dir.with_extension("log");
        let password_path = data_dir.join(SUPERUSER_PASSWORD_FILE);
        let as_owner = |cmd: &mut Command| {
            if let Some((uid, gid)) = owner {
                cmd.uid(uid).gid(gid);
            }
        };

        let mut upgrade_auth = false;
        if !data_dir.join("PG_VERSION").exists() {
            if let Some((uid, gid)) = owner {
                chown_tree(&data_dir, uid, gid)?;
            }
            // initdb wants an empty directory: the password file waits beside it meanwhile.
            let pwfile = data_dir.with_extension("pwfile");
            let _ = fs::remove_file(&pwfile);
            write_secret(&pwfile, &generate_password(), owner)?;
            let mut cmd = Command::new(bin.join("initdb"));
            cmd.arg("-D")
                .arg(&data_dir)
                .args([
                    "-U",
                    SUPERUSER,
                    "--auth=scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ])
                .arg(format!("--pwfile={}", pwfile.display()))
                .stdout(Stdio::null())
                .stderr(Stdio::piped());
            as_owner(&mut cmd);
            let out = cmd.output();
            let moved = out.as_ref().is_ok_and(|o| o.status.success())
                && fs::rename(&pwfile, &password_path).is_ok();
            let _ = fs::remove_file(&pwfile);
            let out = out?;
            if !out.status.success() || !moved {
                return Err(err(format!(
                    "initdb failed in {}: {}",
                    data_dir.display(),
                    String::from_utf8_lossy(&out.stderr)
                )));
            }
        } else if !password_path.exists() {
            // A cluster initialised by an earlier Linli with trust authentication: give the
            // superuser a password and switch to SCRAM once it runs (below).
            write_secret(&password_path, &generate_password(), owner)?;
            upgrade_auth = true;
        }
        let password = fs::read_to_string(&password_path)?.trim().to_string();

        // A second Linli command on the same data directory (say `linli migrate` while `linli
        // serve` runs) uses the running cluster instead of starting another.
        if let Some((pid, port)) = running_postmaster(&data_dir) {
            let cluster = PrivateCluster {
                data_dir,
                port,
                password,
                pid,
                exited: None,
            };
            cluster.wait_ready(&bin, &log_path)?;
            return Ok(cluster);
        }

        let port = free_port()?;
        let log = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)?;
        let mut cmd = Command::new(bin.join("postgres"));
        cmd.arg("-D")
            .arg(&data_dir)
            .arg("-p")
            .arg(port.to_string())
            .args([
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=",
            ])
            // Touching hundreds of schemas in one transaction (migrate --check, pg_dump) needs
            // far more than the default 64 locks per transaction.
            .args(["-c", "max_locks_per_transaction=1024"])
            // One machine's cluster, backed up logically (`linli backup`, `communities backup`),
            // never replicated: minimal WAL. A new community's ~300 indexes are then built
            // without an fsync each (PostgreSQL 15 syncs every index it builds under
            // `replica`); the files made in the onboarding transaction are WAL-logged at its
            // commit instead. Onboarding takes about half the time (docs/PERFORMANCE.md,
            // "Scale"). A replicated deployment configures its own PostgreSQL (DATABASE_URL).
            .args(["-c", "wal_level=minimal", "-c", "max_wal_senders=0"])
            .arg("-c")
            .arg(format!("max_connections={}", opts.max_connections))
            .arg("-c")
            .arg(format!("fsync={}", if opts.fsync { "on" } else { "off" }))
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        as_owner(&mut cmd);
        // SAFETY: prctl is async-signal-safe; it runs in the child after fork (and after the
        // uid switch, which would otherwise clear it).
        unsafe {
            cmd.pre_exec(|| {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGINT) != 0 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }

        let (pid_tx, pid_rx) = mpsc::channel();
        let (exit_tx, exit_rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("postgres-keeper".into())
            .spawn(move || {
                match cmd.spawn() {
                    Ok(mut child) => {
                        let _ = pid_tx.send(Ok(child.id() as i32));
                        let _ = child.wait();
                    }
                    Err(e) => {
                        let _ = pid_tx.send(Err(e));
                    }
                }
                let _ = exit_tx.send(());
            })?;
        let pid = pid_rx
            .recv()
            .map_err(|_| err("postgres keeper thread died"))??;
        let cluster = PrivateCluster {
            data_dir,
            port,
            password,
            pid,
            exited: Some(exit_rx),
        };
        cluster.wait_ready(&bin, &log_path)?;
        if upgrade_auth {
            cluster.require_passwords(&bin)?;
        }
        Ok(cluster)
    }

    /// Set the superuser's password (still trusted) and turn every `trust` rule of
    /// `pg_hba.conf` into `scram-sha-256`, then reload.
    fn require_passwords(&self, bin: &Path) -> io::Result<()> {
        let hba = self.data_dir.join("pg_hba.conf");
        let text = fs::read_to_string(&hba)?;
        let rewritten: String = text
            .lines()
            .map(|l| {
                if l.trim_start().starts_with('#') {
                    l.to_string()
                } else {
                    l.replace(" trust", " scram-sha-256")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let sql = format!("ALTER ROLE {SUPERUSER} PASSWORD '{}'", self.password);
        let psql = bin.join("psql");
        let status = Command::new(&psql)
            .args(["-q", "-h", "127.0.0.1", "-U", SUPERUSER, "-d", "postgres"])
            .arg("-p")
            .arg(self.port.to_string())
            .arg("-c")
            .arg(&sql)
            .stdout(Stdio::null())
            .status()?;
        if !status.success() {
            return Err(err("could not set the superuser password of the cluster"));
        }
        fs::write(&hba, rewritten + "\n")?;
        let status = Command::new(&psql)
            .args(["-q", "-h", "127.0.0.1", "-U", SUPERUSER, "-d", "postgres"])
            .arg("-p")
            .arg(self.port.to_string())
            .args(["-c", "SELECT pg_reload_conf()"])
            .env("PGPASSWORD", &self.password)
            .stdout(Stdio::null())
            .status()?;
        if !status.success() {
            return Err(err("could not reload the cluster's authentication rules"));
        }
        Ok(())
    }

    fn wait_ready(&self, bin: &Path, log_path: &Path) -> io::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if self.exited.as_ref().is_some_and(|e| e.try_recv().is_ok()) {
                let log = fs::read_to_string(log_path).unwrap_or_default();
                let tail: String = log.lines().rev().take(10).collect::<Vec<_>>().join("\n");
                return Err(err(format!("PostgreSQL exited during start-up:\n{tail}")));
            }
            let ok = Command::new(bin.join("pg_isready"))
                .args(["-q", "-h", "127.0.0.1", "-p", &self.port.to_string()])
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            if ok {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(err("PostgreSQL did not become ready within 60 s"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// `postgres://linli:PASSWORD@127.0.0.1:PORT/DB`: the superuser, for onboarding and
    /// migrations only.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://{SUPERUSER}:{}@127.0.0.1:{}/{database}",
            self.password, self.port
        )
    }

    /// Fast shutdown: sessions are closed, committed data is already durable in the WAL.
    /// Does nothing for a cluster we attached to.
    pub fn stop(&self) {
        let Some(exited) = &self.exited else { return };
        // SAFETY: sending a signal to our own child's pid.
        unsafe {
            libc::kill(self.pid, libc::SIGINT);
        }
        let _ = exited.recv_timeout(Duration::from_secs(30));
    }
}

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        self.stop();
    }
}
