//! Embeds every built-in catalog file into the binary, so `tradeoff` needs no files beside it.
//!
//! Each file is embedded twice: as written (TOML, for `catalog check` and error messages) and
//! converted to JSON, which deserializes several times faster: the catalog is loaded on every
//! run, and TOML parsing was the largest cost of a `tradeoff decide`. The catalog version (a hash
//! of the TOML files) is computed here too; a unit test checks it matches the run-time hash.

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

/// Catalog folders embedded, with the name each file is reported (and hashed) under; must match
/// `BUILTIN_DIRS` in src/catalog/load.rs.
const DIRS: [&str; 3] = ["catalog/frameworks", "catalog/generated", "catalog"];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // (reported name, path), sorted by reported name as the run-time content hash sorts them.
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    for dir in DIRS {
        let path = root.join(dir);
        println!("cargo:rerun-if-changed={}", path.display());
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.filter_map(|entry| entry.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".toml") && entry.path().is_file() {
                files.push((format!("{dir}/{name}"), entry.path()));
            }
        }
    }
    files.sort();
    let mut code = String::from(
        "/// Built-in catalog files: (name as reported, TOML as written, the same as JSON), sorted by name.\npub static BUILTIN_FILES: &[(&str, &str, &str)] = &[\n",
    );
    let mut hasher = Sha256::new();
    for (index, (name, path)) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path).expect("catalog files are UTF-8");
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
        // A file that is not valid TOML still builds: the run-time loader reports it precisely.
        let json = match text.parse::<toml::Value>() {
            Ok(value) => serde_json::to_string(&value).expect("TOML values serialize as JSON"),
            Err(_) => String::new(),
        };
        let json_path = Path::new(&out_dir).join(format!("catalog-{index}.json"));
        std::fs::write(&json_path, json).expect("OUT_DIR is writable");
        writeln!(
            code,
            "    ({name:?}, include_str!({:?}), include_str!({:?})),",
            path.display().to_string(),
            json_path.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let version: String = hasher.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    writeln!(code, "/// Content hash of the built-in files, as `content_hash` computes it.\npub static BUILTIN_VERSION: &str = {version:?};").expect("write");
    std::fs::write(Path::new(&out_dir).join("builtin_catalog.rs"), code).expect("OUT_DIR is writable");
}
