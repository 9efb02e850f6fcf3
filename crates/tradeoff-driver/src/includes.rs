//! Where a catalog include written in a spec points: one lexical rule for every source (the
//! working tree, a git revision), so an include is allowed or refused the same way everywhere.

use std::path::{Component, Path, PathBuf};

use crate::files::{project_root, root_relative};

/// Resolves `include` (as written in a spec at `spec_relative`) to a path from the project root,
/// without touching the file system: the file may exist only at the revision. Paths that leave
/// the project are refused, as for the working tree.
pub fn relative_to_root(spec_relative: &str, include: &str) -> Result<String, String> {
    let written = Path::new(include);
    if written.is_absolute() {
        return Err(format!(
            "catalog include `{include}` is absolute; write it relative to the spec"
        ));
    }
    let mut parts: Vec<String> = Vec::new();
    let spec_dir = Path::new(spec_relative).parent().unwrap_or(Path::new(""));
    for component in spec_dir.components().chain(written.components()) {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(format!("catalog include `{include}` resolves outside the project root"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!("catalog include `{include}` is absolute"));
            }
        }
    }
    Ok(parts.join("/"))
}

/// [`relative_to_root`] for a spec in the working tree, resolved to the file it names. Symbolic
/// links are followed, and refused if they lead out of the project.
pub fn resolve(spec: &Path, include: &str) -> Result<PathBuf, String> {
    let root = project_root(spec);
    let relative = relative_to_root(&root_relative(spec, spec), include)?;
    let resolved = std::fs::canonicalize(root.join(relative))
        .map_err(|e| format!("catalog include `{include}` cannot be read: {e}"))?;
    if !resolved.starts_with(&root) {
        return Err(format!(
            "catalog include `{include}` resolves outside the project root `{}`",
            root.display()
        ));
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn includes_resolve_lexically_inside_the_project() {
        assert_eq!(
            relative_to_root("specs/x.tradeoff", "../catalog/a.toml").as_deref(),
            Ok("catalog/a.toml")
        );
        assert_eq!(relative_to_root("x.tradeoff", "./a.toml").as_deref(), Ok("a.toml"));
        assert!(relative_to_root("specs/x.tradeoff", "../../etc/passwd").is_err());
        assert!(relative_to_root("specs/x.tradeoff", "/etc/passwd").is_err());
    }

    #[test]
    fn includes_outside_the_project_are_refused() {
        let project = tempfile::tempdir().unwrap();
        std::fs::create_dir(project.path().join(".git")).unwrap();
        std::fs::create_dir(project.path().join("specs")).unwrap();
        std::fs::write(project.path().join("extra.toml"), "").unwrap();
        let spec = project.path().join("specs/x.tradeoff");
        assert!(resolve(&spec, "../extra.toml").is_ok());
        let err = resolve(&spec, "../../../../../../etc/passwd").unwrap_err();
        assert!(err.contains("outside the project root"), "{err}");
        let err = resolve(&spec, "/etc/passwd").unwrap_err();
        assert!(err.contains("absolute"), "{err}");
    }
}
