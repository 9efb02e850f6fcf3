//! Allocator settings for a short-lived process that renders many large strings.

/// glibc returns freed memory to the kernel eagerly (heap tops above 128 KiB are trimmed, and
/// blocks above a moving threshold are mapped and unmapped one by one). Rendering ~100 KB
/// records on several threads then page-faults the same memory back in over and over: `check`
/// over 1,000 specs spent a fifth of its time in the kernel. A process that lives for seconds
/// can keep what it freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn keep_freed_memory() {
    const MMAP_THRESHOLD: libc::c_int = 64 << 20;
    const TRIM_THRESHOLD: libc::c_int = 256 << 20;
    // SAFETY: mallopt only changes allocator tuning; it is called first thing in `main`,
    // before any other thread exists or allocates.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}

/// Other allocators need no help here.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn keep_freed_memory() {}
