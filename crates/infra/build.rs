// The migrations are embedded with include_dir!, which cargo does not track by itself.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
