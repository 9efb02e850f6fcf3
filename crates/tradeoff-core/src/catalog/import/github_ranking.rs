//! EvanLi/Github-Ranking daily snapshots, `Data/github-ranking-YYYY-MM-DD.csv`: the top 100
//! repositories by stars of each list (`item`: a language, or `top-100-stars`), with columns
//! `rank,item,repo_name,stars,forks,language,repo_url,username,issues,last_commit,description`.

use std::collections::BTreeMap;

use super::{Entries, ImportError, Input};
use crate::catalog::model::{Evidence, RepoSnapshot};

const HEADER: [&str; 11] = [
    "rank",
    "item",
    "repo_name",
    "stars",
    "forks",
    "language",
    "repo_url",
    "username",
    "issues",
    "last_commit",
    "description",
];

/// One parsed row.
struct Row {
    rank: u32,
    list: String,
    url: String,
    stars: u64,
    forks: u64,
    issues: u64,
    last_commit: String,
}

pub(super) fn import(
    inputs: &[Input],
    source: &str,
    entries: &Entries,
) -> Result<(BTreeMap<String, Evidence>, String), ImportError> {
    let mut snapshots: Vec<(String, &Input, Vec<Row>)> = Vec::new();
    for input in inputs {
        let date = date_of(input)?;
        if snapshots.iter().any(|(d, _, _)| *d == date) {
            return Err(ImportError::new(
                &input.name,
                "file name",
                format!("a second snapshot of {date}"),
            ));
        }
        snapshots.push((date, input, rows(input)?));
    }
    snapshots.sort_by(|a, b| a.0.cmp(&b.0));
    let mut evidence: BTreeMap<String, Evidence> = BTreeMap::new();
    for (catalog_id, entry) in entries.iter() {
        let Some(github) = &entry.github else { continue };
        let url = format!("https://github.com/{}", github.repo);
        for (date, input, rows) in &snapshots {
            let in_list: Vec<&Row> = rows.iter().filter(|r| r.list == github.list).collect();
            let Some(cutoff) = in_list.iter().map(|r| r.stars).min() else {
                return Err(ImportError::new(
                    &input.name,
                    "item",
                    format!(
                        "the snapshot has no `{}` list, so {} cannot be placed",
                        github.list, github.repo
                    ),
                ));
            };
            // Ranked in its language list, or (rarely) only in the overall top 100.
            let found = in_list
                .iter()
                .copied()
                .find(|r| r.url.eq_ignore_ascii_case(&url))
                .or_else(|| rows.iter().find(|r| r.url.eq_ignore_ascii_case(&url)));
            let cite = format!("{source}/{}", input.file_name());
            let snapshot = match found {
                Some(row) => RepoSnapshot {
                    repo: github.repo.clone(),
                    list: row.list.clone(),
                    stars: Some(row.stars),
                    stars_below: None,
                    rank: Some(row.rank),
                    forks: Some(row.forks),
                    open_issues: Some(row.issues),
                    last_commit: Some(row.last_commit.clone()),
                    source: cite,
                    as_of: date.clone(),
                    note: None,
                },
                None => RepoSnapshot {
                    repo: github.repo.clone(),
                    list: github.list.clone(),
                    stars: None,
                    stars_below: Some(cutoff),
                    rank: None,
                    forks: None,
                    open_issues: None,
                    last_commit: None,
                    source: cite,
                    as_of: date.clone(),
                    note: Some(format!(
                        "not among the top {} {} repositories: fewer stars than the last of them",
                        in_list.iter().map(|r| r.rank).max().unwrap_or(0),
                        github.list
                    )),
                },
            };
            evidence.entry(catalog_id.clone()).or_default().github.push(snapshot);
        }
    }
    let newest = snapshots.last().map(|(date, _, _)| date.clone()).unwrap_or_default();
    Ok((evidence, newest))
}

/// The snapshot's date, from the file name the project gives it.
fn date_of(input: &Input) -> Result<String, ImportError> {
    let name = input.file_name();
    name.strip_prefix("github-ranking-")
        .and_then(|rest| rest.strip_suffix(".csv"))
        .filter(|date| date.parse::<jiff::civil::Date>().is_ok())
        .map(str::to_string)
        .ok_or_else(|| {
            ImportError::new(
                &input.name,
                "file name",
                format!("`{name}` is not named github-ranking-YYYY-MM-DD.csv, so its date is unknown"),
            )
        })
}

fn rows(input: &Input) -> Result<Vec<Row>, ImportError> {
    let file = input.name.as_str();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(input.text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ImportError::new(file, "header", format!("cannot be read: {e}")))?;
    if header.iter().ne(HEADER) {
        return Err(ImportError::new(
            file,
            "header",
            format!("expected `{}`", HEADER.join(",")),
        ));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            ImportError::new(file, format!("line {line}"), format!("is not a valid CSV row: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let number = |column: usize| -> Result<u64, ImportError> {
            let text = record.get(column).unwrap_or_default();
            text.parse::<u64>().map_err(|_| {
                ImportError::new(
                    file,
                    format!("line {line}, column {}", HEADER[column]),
                    format!("`{text}` is not a count"),
                )
            })
        };
        let rank = number(0)?;
        let last_commit = record.get(9).unwrap_or_default();
        if last_commit.len() > 40
            || last_commit
                .get(..10)
                .and_then(|d| d.parse::<jiff::civil::Date>().ok())
                .is_none()
        {
            return Err(ImportError::new(
                file,
                format!("line {line}, column last_commit"),
                format!("`{last_commit}` is not a time"),
            ));
        }
        rows.push(Row {
            rank: u32::try_from(rank)
                .map_err(|_| ImportError::new(file, format!("line {line}, column rank"), "is too large"))?,
            list: record.get(1).unwrap_or_default().to_string(),
            url: record.get(6).unwrap_or_default().to_string(),
            stars: number(3)?,
            forks: number(4)?,
            issues: number(8)?,
            last_commit: last_commit.to_string(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Entries {
        Entries::from_toml(
            "[gin]\ngithub = { repo = \"gin-gonic/gin\", list = \"Go\" }\n[chi]\ngithub = { repo = \"go-chi/chi\", list = \"Go\" }\n",
        )
        .unwrap()
    }

    const SNAPSHOT: &str = "rank,item,repo_name,stars,forks,language,repo_url,username,issues,last_commit,description\n\
        1,Go,go,136031,19293,Go,https://github.com/golang/go,golang,9591,2026-08-22T01:56:30Z,The Go language\n\
        9,Go,gin,89099,8500,Go,https://github.com/gin-gonic/gin,gin-gonic,800,2026-08-20T10:00:00Z,\"Gin, a web framework\"\n\
        100,Go,last,28629,1000,Go,https://github.com/x/last,x,1,2026-08-01T00:00:00Z,\n";

    fn input(name: &str, text: &str) -> Input {
        Input {
            name: format!("Data/{name}"),
            text: text.into(),
        }
    }

    #[test]
    fn ranked_repositories_have_values_and_absent_ones_a_bound() {
        let files = [
            input("github-ranking-2026-08-22.csv", SNAPSHOT),
            input("github-ranking-2025-08-22.csv", &SNAPSHOT.replace("89099", "80000")),
        ];
        let (evidence, as_of) = import(&files, "https://example.org/Data", &entries()).unwrap();
        assert_eq!(as_of, "2026-08-22");
        let gin = &evidence["gin"].github;
        assert_eq!(gin.len(), 2);
        assert_eq!((gin[0].as_of.as_str(), gin[0].stars), ("2025-08-22", Some(80000)));
        assert_eq!(
            (gin[1].stars, gin[1].rank, gin[1].forks),
            (Some(89099), Some(9), Some(8500))
        );
        assert_eq!(gin[1].source, "https://example.org/Data/github-ranking-2026-08-22.csv");
        let chi = &evidence["chi"].github[1];
        assert_eq!((chi.stars, chi.stars_below), (None, Some(28629)));
    }

    #[test]
    fn malformed_snapshots_name_the_field() {
        let bad_name = import(&[input("ranking.csv", SNAPSHOT)], "https://x", &entries()).unwrap_err();
        assert_eq!(bad_name.field, "file name");
        let bad_header = SNAPSHOT.replacen("rank,item", "rank,list", 1);
        let error = import(
            &[input("github-ranking-2026-08-22.csv", &bad_header)],
            "https://x",
            &entries(),
        )
        .unwrap_err();
        assert_eq!(error.field, "header");
        let bad_stars = SNAPSHOT.replace("89099", "lots");
        let error = import(
            &[input("github-ranking-2026-08-22.csv", &bad_stars)],
            "https://x",
            &entries(),
        )
        .unwrap_err();
        assert_eq!(error.field, "line 3, column stars");
        let truncated = &SNAPSHOT[..SNAPSHOT.len() - 40];
        let error = import(
            &[input("github-ranking-2026-08-22.csv", truncated)],
            "https://x",
            &entries(),
        )
        .unwrap_err();
        assert!(error.field.starts_with("line 4"), "{error}");
        let no_go = SNAPSHOT.replace(",Go,", ",Rust,");
        let error = import(
            &[input("github-ranking-2026-08-22.csv", &no_go)],
            "https://x",
            &entries(),
        )
        .unwrap_err();
        assert_eq!(error.field, "item");
        let twice = [
            input("github-ranking-2026-08-22.csv", SNAPSHOT),
            input("github-ranking-2026-08-22.csv", SNAPSHOT),
        ];
        assert!(import(&twice, "https://x", &entries())
            .unwrap_err()
            .message
            .contains("second snapshot"));
    }
}
