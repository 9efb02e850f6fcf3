//! Link settings for the `tradeoff` binary: nothing is generated here.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // Packed relative relocations (DT_RELR). The position-independent binary has about 9,800
    // relative relocations; unpacked, the dynamic loader reads them from a 234 KB table and
    // applies them one by one on every start, which took 1.2 ms of the 2.2 ms CPU a
    // `tradeoff --version` cost on the reference machine (BENCHMARKS.md). Packed, the table is
    // 2.6 KB and the binary stays position-independent (address randomisation is kept, unlike a
    // non-PIE link).
    //
    // The linker then makes the binary require glibc's `GLIBC_ABI_DT_RELR` (glibc 2.36+), so
    // the option is used only when building for this same machine's x86_64 glibc and that
    // glibc has it: older systems (and cross builds) get the ordinary binary.
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    if target == "x86_64-unknown-linux-gnu" && target == host && glibc_loads_relr() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether the C library the binary will be linked against defines `GLIBC_ABI_DT_RELR`.
fn glibc_loads_relr() -> bool {
    const LIBC: [&str; 4] = [
        "/lib/x86_64-linux-gnu/libc.so.6",
        "/usr/lib/x86_64-linux-gnu/libc.so.6",
        "/lib64/libc.so.6",
        "/usr/lib64/libc.so.6",
    ];
    let Some(libc) = LIBC.iter().map(Path::new).find(|p| p.is_file()) else {
        return false;
    };
    println!("cargo:rerun-if-changed={}", libc.display());
    let needle = b"GLIBC_ABI_DT_RELR";
    std::fs::read(libc).is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle))
}
