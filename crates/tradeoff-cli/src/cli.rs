//! Command-line definitions (clap derive). Only the shape of the interface lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn "which backend framework should we use?" into a reviewed, reproducible decision.
///
/// Write a spec (specs/*.tradeoff) stating your requirements; tradeoff compiles it, scores the
/// frameworks of a sourced catalog against it, and writes an architecture decision record.
#[derive(Debug, Parser)]
#[command(name = "tradeoff", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// When to use colors in diagnostics (NO_COLOR is respected by `auto`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Print only errors and requested output
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print what is being done, step by step, on stderr
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile a spec and print its evaluation plan
    Plan(PlanArgs),
    /// Score the catalog's frameworks against a spec and show the ranking
    Score(ScoreArgs),
    /// Write the architecture decision record (Markdown + HTML) of each spec into reports/
    Decide(DecideArgs),
    /// Check that every spec's committed record is up to date (exit 1 if not)
    Check(CheckArgs),
    /// Give records that share a number after a merge their own numbers (the later one moves)
    Renumber(RenumberArgs),
    /// Print specs in canonical layout (in place), or check that they already are
    Fmt(FmtArgs),
    /// Inspect and validate the framework catalog
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Show why one framework got its scores, criterion by criterion, with the facts used
    Explain(ExplainArgs),
    /// Compare the evaluations of two specs, or of a spec and its version at a git revision
    Diff(DiffArgs),
    /// Scaffold a starter spec, reports/ and a GitHub Actions workflow in a project
    Init(InitArgs),
    /// Run the language server for editors (LSP over stdin/stdout; see editors/README.md)
    Lsp,
    /// Print a shell completion script to stdout
    Completions(CompletionsArgs),
    /// Print the man page (roff) to stdout
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The spec file to compile
    pub spec: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The spec to score
    pub spec: PathBuf,
    /// Output format; json is the full evaluation (matrix, weights, facts, sensitivity)
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Flag facts older than this many months at the decision date
    #[arg(long, value_name = "MONTHS", default_value_t = tradeoff_core::scoring::DEFAULT_STALE_AFTER_MONTHS)]
    pub stale_after: u32,
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// Spec files or folders of specs (default: the project's specs/)
    pub specs: Vec<PathBuf>,
    /// Folder the records and the decision log are written to (default: the project's reports/)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Folder of template overrides (default: templates/ if it exists)
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Overwrite records edited by hand outside their `## Notes` section (otherwise refused);
    /// every record is scored and rendered again, none trusted by its seal
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RenumberArgs {
    /// Folder holding the records (default: the project's reports/)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Folder of template overrides for the decision log (default: templates/ beside the folder)
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    /// GitHub Actions workflow commands, shown as annotations on pull requests
    Github,
    /// SARIF 2.1.0, for code-scanning upload
    Sarif,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Spec files or folders of specs (default: the project's specs/)
    pub specs: Vec<PathBuf>,
    /// Folder holding the committed records (default: the project's reports/)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Folder of template overrides (default: templates/ if it exists)
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Score and render every record again and compare bytes, instead of trusting a record
    /// whose seal shows it unchanged since written from the same inputs (for checks of
    /// tradeoff itself, whose version stays the same while its code changes)
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The spec the framework was scored against
    pub spec: PathBuf,
    /// Framework id (e.g. axum) or display name
    pub framework: String,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Flag facts older than this many months at the decision date
    #[arg(long, value_name = "MONTHS", default_value_t = tradeoff_core::scoring::DEFAULT_STALE_AFTER_MONTHS)]
    pub stale_after: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkdownOrJson {
    /// A summary fit for a pull-request comment
    Markdown,
    Json,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  tradeoff diff specs/old.tradeoff specs/new.tradeoff\n  \
                        tradeoff diff --git main specs/sensor-ingest.tradeoff")]
pub struct DiffArgs {
    /// OLD and NEW specs; with --git, the single spec to compare with its committed version
    #[arg(required = true, num_args = 1..=2, value_name = "SPEC")]
    pub specs: Vec<PathBuf>,
    /// Compare SPEC as it is in the working tree with its version at this git revision
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,
    #[arg(long, value_enum, default_value_t = MarkdownOrJson::Markdown)]
    pub format: MarkdownOrJson,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Project folder to scaffold (created if missing)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
    /// Git URL the generated workflow installs tradeoff from (`cargo install --git URL --tag
    /// vVERSION`, cached between runs)
    #[arg(long, value_name = "URL")]
    pub install_from: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Spec files or directories (searched for *.tradeoff); defaults to specs/
    pub paths: Vec<PathBuf>,
    /// Don't write; exit 1 and list the files that are not canonically formatted
    #[arg(long)]
    pub check: bool,
    /// Write the formatted spec to stdout instead of in place (single file only)
    #[arg(long, conflicts_with = "check")]
    pub stdout: bool,
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// List the frameworks in the catalog
    List {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Also load these catalog files (additions and overrides)
        #[arg(long = "include", value_name = "FILE")]
        includes: Vec<PathBuf>,
    },
    /// Show every fact about one framework, with sources and dates
    Show {
        /// Framework id (e.g. axum) or display name
        name: String,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Also load these catalog files (additions and overrides)
        #[arg(long = "include", value_name = "FILE")]
        includes: Vec<PathBuf>,
    },
    /// Validate catalog files (the built-in catalog when no file is given)
    Check {
        /// Catalog TOML files to validate
        files: Vec<PathBuf>,
    },
    /// Turn published benchmark results or ranking snapshots into a catalog overlay
    ///
    /// The overlay cites every figure with the file's public URL (`--source`), the benchmark
    /// entry and the date; include it from a spec with `catalog "FILE.toml"`. Nothing is
    /// written unless the whole input is valid.
    Import(ImportArgs),
    /// Which (framework, criterion) cells rest on a sourced figure, only on a bound, or on nothing
    Coverage {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Also load these catalog files (additions, overrides and overlays)
        #[arg(long = "include", value_name = "FILE")]
        includes: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    /// A TechEmpower Framework Benchmarks results.json (needs --round)
    Techempower,
    /// The data.json of the-benchmarker/web-frameworks
    WebFrameworks,
    /// github-ranking-YYYY-MM-DD.csv snapshots of EvanLi/Github-Ranking (one or more)
    GithubRanking,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The input's format
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// The published file(s), as downloaded
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Public URL of the folder the files are published in; each fact cites `<URL>/<file name>`
    #[arg(long, value_name = "URL")]
    pub source: String,
    /// TechEmpower round the results file belongs to (figures of different rounds are never compared)
    #[arg(long, value_name = "N")]
    pub round: Option<u32>,
    /// Write the overlay here (atomically) instead of to stdout
    #[arg(long, value_name = "FILE.toml")]
    pub out: Option<PathBuf>,
}
