//! The process and its files kept to the user who runs Lookout: files and directories created
//! private (umask 077), those of an existing data directory made so, and no core dump (a dump
//! of the server would hold whatever report it was sealing).

use std::path::Path;

use anyhow::Context;

/// Every file and directory this process creates is its user's alone.
pub fn private_files() {
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
}

/// No core dump, and no other process of the same user may attach to this one.
pub fn no_dumps() {
    let _ = rustix::process::setrlimit(
        rustix::process::Resource::Core,
        rustix::process::Rlimit { current: Some(0), maximum: Some(0) },
    );
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

/// Makes the data directory, and everything in it, readable by its owner only (for directories
/// made before Lookout did this). Returns how many entries were changed.
pub fn tighten_data_dir(dir: &Path) -> anyhow::Result<usize> {
    use std::os::unix::fs::PermissionsExt;
    let mut changed = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::symlink_metadata(&path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.file_type().is_symlink() {
            continue;
        }
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode & 0o700))
                .with_context(|| format!("cannot make {} private", path.display()))?;
            changed += 1;
        }
        if meta.is_dir() {
            for entry in std::fs::read_dir(&path).with_context(|| format!("cannot read {}", path.display()))? {
                stack.push(entry?.path());
            }
        }
    }
    Ok(changed)
}
