//! The private cluster Linli starts when no `DATABASE_URL` is set: nothing reaches it without
//! the generated password, and root can run it from a directory PostgreSQL's user cannot enter.

use std::os::unix::fs::PermissionsExt;
use std::str::FromStr;

use infra::pg_embedded::{ClusterOptions, PrivateCluster, SUPERUSER, SUPERUSER_PASSWORD_FILE};
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};

fn options() -> ClusterOptions {
    ClusterOptions {
        fsync: false,
        max_connections: 20,
    }
}

#[tokio::test]
async fn the_private_cluster_needs_its_password_and_root_may_keep_it_in_a_private_directory() {
    // A directory only its owner may enter, as a checkout under /root or a 0700 home is.
    let private =
        std::env::temp_dir().join(format!("linli-private-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&private).unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).unwrap();
    let data = private.join("pg");
    let cluster = tokio::task::spawn_blocking({
        let data = data.clone();
        move || PrivateCluster::start(&data, &options())
    })
    .await
    .unwrap()
    .expect("the cluster starts from a 0700 directory, as root or not");

    let pwfile = cluster.data_dir().join(SUPERUSER_PASSWORD_FILE);
    let mode = std::fs::metadata(&pwfile).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the password file is private");

    let bare = PgConnectOptions::new()
        .host("127.0.0.1")
        .port(cluster.port())
        .username(SUPERUSER)
        .database("postgres");
    let no_password = bare.clone().connect().await;
    assert!(
        no_password.is_err(),
        "a connection without password is refused"
    );
    let wrong = bare.clone().password("not-the-password").connect().await;
    assert!(wrong.is_err(), "a wrong password is refused");
    let mut right = PgConnectOptions::from_str(&cluster.url("postgres"))
        .unwrap()
        .connect()
        .await
        .expect("the generated password opens it");
    let method: String =
        sqlx::query_scalar("SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules")
            .fetch_one(&mut right)
            .await
            .unwrap();
    assert_eq!(method, "scram-sha-256", "no rule trusts anyone");
    right.close().await.unwrap();

    let real = cluster.data_dir().to_path_buf();
    drop(cluster);
    let _ = std::fs::remove_dir_all(&private);
    if !real.starts_with(&private) {
        // Relocated for the PostgreSQL user (we run as root).
        let _ = std::fs::remove_dir_all(&real);
        let _ = std::fs::remove_file(real.with_extension("log"));
    }
}
