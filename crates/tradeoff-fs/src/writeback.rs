//! Starting a file's write-back early: a hint to the kernel, never a guarantee (the flush that
//! makes contents durable is still `fsync`).

use std::fs::File;

/// Asks the kernel to start writing `file`'s dirty pages to disk now, without waiting, so that
/// a later `fsync` finds them written or on their way. Where the hint is unavailable (or fails:
/// it changes nothing a later `fsync` does), nothing happens.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
pub(crate) fn start(file: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: sync_file_range reads no memory of ours; the descriptor is open for the whole
    // call (borrowed from `file`), and an invalid one would only make it fail with EBADF.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn start(_file: &File) {}
