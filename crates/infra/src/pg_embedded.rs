//! A private PostgreSQL cluster run from the system's PostgreSQL binaries, for a machine where
//! no `DATABASE_URL` is configured (first run, tests, CI).
//!
//! The postmaster is a child of a dedicated keeper thread that asks the kernel
//! (`PR_SET_PDEATHSIG`) to stop it with a fast shutdown if that thread, i.e. our process, dies:
//! a killed gateway or test binary never leaves a cluster behind. initdb refuses to run as root,
//! so as root the cluster runs as the `postgres` (or `nobody`) user.

use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const SUPERUSER: &str = "linli";

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
        fs::create_dir_all(data_dir)?;
        let data_dir = data_dir.canonicalize()?;
        fs::set_permissions(&data_dir, fs::Permissions::from_mode(0o700))?;
        let log_path = data_dir.with_extension("log");
        let as_owner = |cmd: &mut Command| {
            if let Some((uid, gid)) = owner {
                cmd.uid(uid).gid(gid);
            }
        };

        if !data_dir.join("PG_VERSION").exists() {
            if let Some((uid, gid)) = owner {
                chown_tree(&data_dir, uid, gid)?;
            }
            let mut cmd = Command::new(bin.join("initdb"));
            cmd.arg("-D")
                .arg(&data_dir)
                .args([
                    "-U",
                    SUPERUSER,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::piped());
            as_owner(&mut cmd);
            let out = cmd.output()?;
            if !out.status.success() {
                return Err(err(format!(
                    "initdb failed in {} (the directory and its parents must be reachable by the \
                     PostgreSQL user): {}",
                    data_dir.display(),
                    String::from_utf8_lossy(&out.stderr)
                )));
            }
        }

        // A second Linli command on the same data directory (say `linli migrate` while `linli
        // serve` runs) uses the running cluster instead of starting another.
        if let Some((pid, port)) = running_postmaster(&data_dir) {
            let cluster = PrivateCluster {
                data_dir,
                port,
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
            pid,
            exited: Some(exit_rx),
        };
        cluster.wait_ready(&bin, &log_path)?;
        Ok(cluster)
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

    /// `postgres://linli@127.0.0.1:PORT/DB`
    pub fn url(&self, database: &str) -> String {
        format!("postgres://{SUPERUSER}@127.0.0.1:{}/{database}", self.port)
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
