//! Command-line arguments.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub mod desk;
pub mod operations;

pub use desk::{AccountAction, AuditAction, CountsAction, KeysAction, ReportAction};

/// Lookout: a sourced record of transnational repression — stations, bureaus, responses, figures.
#[derive(Debug, Parser)]
#[command(name = "lookout", version, about)]
pub struct Cli {
    /// Where Lookout keeps its database.
    #[arg(long, global = true, env = "LOOKOUT_DATA_DIR", default_value = "./lookout-data")]
    pub data_dir: PathBuf,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site; on an empty data directory, import the bundled dataset first.
    Serve {
        /// Address to listen on (port 0 picks a free port).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
    },
    /// Import files in one transaction: stations.csv, responses.csv, figures.csv (recognised by
    /// header) or FollowTheMoney JSON lines (.json, .jsonl, .ftm). Any bad row: nothing is written.
    Import {
        /// Files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Keep documents as evidence (content-addressed, never modified), find what they mention
    /// (places, organisations, figures, dates), group reposts, propose statements for review
    /// (`lookout review`) and index the text for search. Files and directories; .txt, .md, .html,
    /// .pdf. A sidecar NAME.meta.json may give url, published, kind, lang and restricted.
    Ingest {
        /// Files and directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// What the documents are.
        #[command(flatten)]
        source: SourceFlags,
        /// Who captures them.
        #[arg(long, env = "LOOKOUT_ANALYST", default_value = "lookout")]
        by: String,
        /// Print one JSON line per document: id, language and mentions with offsets.
        #[arg(long)]
        json: bool,
    },
    /// Statements proposed by `lookout ingest`: list them (the open ones by default), accept them
    /// (their statements join the record, quoting the document) or reject them. A proposal is
    /// reviewed once; nothing is deleted.
    Review {
        /// What to do (default: list the open proposals).
        #[command(subcommand)]
        action: Option<ReviewAction>,
    },
    /// Search the ingested documents, restricted ones included: the best passages, matches marked.
    Search {
        /// The words (English or Chinese).
        query: String,
        /// At most this many documents.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON lines.
        #[arg(long)]
        json: bool,
    },
    /// Export the public record (no restricted entities, accepted statements only).
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: Format,
        /// Output file (written atomically); standard output if absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Cut a signed, versioned release of the public record: every export, the changes since the
    /// previous release, a citation, a manifest of SHA-256 checksums and its minisign signature,
    /// kept in the data directory's `releases/` folder (listed on /data). The key's password is
    /// read from standard input. `release keygen` makes a key; `release verify` checks a release.
    #[command(subcommand_negates_reqs = true, args_conflicts_with_subcommands = true)]
    Release {
        /// Make a key or verify a release instead.
        #[command(subcommand)]
        action: Option<ReleaseAction>,
        /// Where releases are kept (default: the data directory's `releases/`, which `serve` lists).
        #[arg(long)]
        out: Option<PathBuf>,
        /// The secret key that signs it (from `lookout release keygen`).
        #[arg(long, env = "LOOKOUT_RELEASE_KEY", required = true)]
        key: Option<PathBuf>,
        /// Who publishes the release, named as its author in CITATION.cff.
        #[arg(long, env = "LOOKOUT_PUBLISHER", default_value = "Lookout contributors")]
        publisher: String,
        /// The site's public address (https://…), for the citation's link to the release.
        #[arg(long, env = "LOOKOUT_PUBLIC_URL")]
        url: Option<String>,
    },
    /// Compare two names across scripts (score and explanation), or score nomenklatura JudgedPair
    /// lines with --pairs (one `{"score", "match"}` line per pair, in order).
    Match {
        /// Two names.
        #[arg(num_args = 0..=2)]
        names: Vec<String>,
        /// What they name (Person, Organization, PublicBody…).
        #[arg(long)]
        schema: Option<String>,
        /// A file of JudgedPair JSON lines.
        #[arg(long, conflicts_with = "names")]
        pairs: Option<PathBuf>,
    },
    /// Find candidate duplicates in the store (a blocking index over words, pinyin and places),
    /// best first, leaving out pairs already decided.
    Xref {
        /// Schemata to cross-reference (comma-separated).
        #[arg(long, value_delimiter = ',', default_value = "Organization,PublicBody")]
        schema: Vec<String>,
        /// How many candidates to print.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Leave out pairs scoring below this.
        #[arg(long, default_value_t = 0.5)]
        min_score: f64,
        /// Print JSON lines.
        #[arg(long)]
        json: bool,
    },
    /// Record a decision on two entities: match, no-match or unsure. Decisions are never changed;
    /// a later one on the same pair is in force.
    Decide {
        /// One entity id.
        a: String,
        /// The other.
        b: String,
        /// What was decided.
        #[arg(value_enum)]
        judgement: JudgementArg,
        /// Who decided.
        #[arg(long, env = "LOOKOUT_ANALYST")]
        by: String,
    },
    /// Undo the decision in force on two entities (a merge undone splits them).
    Undo {
        /// One entity id.
        a: String,
        /// The other.
        b: String,
        /// Who undid it.
        #[arg(long, env = "LOOKOUT_ANALYST")]
        by: String,
    },
    /// List the canonical entities that match decisions have made.
    Clusters {
        /// Print JSON lines.
        #[arg(long)]
        json: bool,
    },
    /// Reviewer, analyst and admin accounts of protected reporting.
    Account {
        /// What to do.
        #[command(subcommand)]
        action: AccountAction,
    },
    /// Age keys of accounts.
    Keys {
        /// What to do.
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Sealed reports.
    Report {
        /// What to do.
        #[command(subcommand)]
        action: ReportAction,
    },
    /// The audit log of reviewer actions.
    Audit {
        /// What to do.
        #[command(subcommand)]
        action: AuditAction,
    },
    /// The k-anonymous public counts of published incidents, released in batches.
    Counts {
        /// What to do.
        #[command(subcommand)]
        action: CountsAction,
    },
    /// Clean one attachment read from standard input, in a process with limits (the server runs
    /// this for each file a reporter sends; not for use by hand).
    #[command(hide = true)]
    SanitizeWorker,
    /// Ingest the files of one upload for the server, telling its progress as JSON lines (the
    /// server runs this in a child process for each upload; not for use by hand).
    #[command(hide = true)]
    IngestWorker {
        /// Files, in order.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// What the documents are (the server passes an upload's fields as these flags).
        #[command(flatten)]
        source: SourceFlags,
        /// The account that uploaded them.
        #[arg(long)]
        by: String,
    },
    /// Delete the sealed contents of reports closed more than DAYS ago (the server also does this daily).
    Retention {
        /// Days after closing (default: LOOKOUT_RETENTION_DAYS or 365).
        #[arg(long, env = "LOOKOUT_RETENTION_DAYS", default_value_t = 365)]
        days: u32,
    },
    /// Make a consistent copy of this installation in DIR while it runs: the database (SQLite's
    /// snapshot copy: record, workspace, sealed reports, audit log, installation secrets), the
    /// originals kept as evidence, their readings and the signed releases, with a manifest of
    /// SHA-256 checksums. `backup verify DIR` checks one. The copy holds what the server holds:
    /// keep it as safe.
    #[command(subcommand_negates_reqs = true, args_conflicts_with_subcommands = true)]
    Backup {
        /// Verify a backup instead.
        #[command(subcommand)]
        action: Option<operations::BackupAction>,
        /// Where to write the backup (a new or empty folder).
        #[arg(required = true)]
        dir: Option<PathBuf>,
    },
    /// Restore a backup made by `lookout backup` into the data directory, which must be empty:
    /// checks it first, brings its database up to this version, rebuilds the documents' index
    /// and verifies the audit log.
    Restore {
        /// The backup folder.
        dir: PathBuf,
    },
    /// The documents' search index.
    Index {
        /// What to do.
        #[command(subcommand)]
        action: operations::IndexAction,
    },
    /// Counts by schema, countries, sources and statements.
    Stats {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// What the documents of one ingest are, as `ingest` and the server's `ingest-worker` both take
/// it.
#[derive(Debug, clap::Args)]
pub struct SourceFlags {
    /// Where the documents were found.
    #[arg(long)]
    pub url: Option<String>,
    /// When they were published (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub published: Option<String>,
    /// Their kind (news, ngo-report, official, court, social…).
    #[arg(long)]
    pub kind: Option<String>,
    /// Their language, instead of detecting it.
    #[arg(long)]
    pub lang: Option<String>,
    /// Keep their text out of public search (testimony always is, and so is a file without an
    /// address unless its sidecar says `"restricted": false`).
    #[arg(long)]
    pub restricted: bool,
}

impl SourceFlags {
    /// The pipeline's options: these flags, who captures the documents and whether their mentions
    /// are kept for printing.
    pub fn options(self, by: String, keep_mentions: bool) -> lookout_ingest::pipeline::SourceOptions {
        let SourceFlags { url, published, kind, lang, restricted } = self;
        lookout_ingest::pipeline::SourceOptions { url, published, kind, lang, restricted, by, keep_mentions }
    }
}

/// Release commands.
#[derive(Debug, Subcommand)]
pub enum ReleaseAction {
    /// Make a minisign key pair for signing releases: the secret key at FILE, encrypted with a
    /// password read from standard input, and the public key at FILE.pub. Never overwrites.
    Keygen {
        /// Where to write the secret key.
        #[arg(long, default_value = "lookout-release.key")]
        key: PathBuf,
    },
    /// Check a release folder: the signatures of its manifest and checksum list, then every file
    /// against the manifest; names the first file that does not match.
    Verify {
        /// The release folder.
        dir: PathBuf,
        /// The publisher's public key file (or the base64 key); without it, the release's own key
        /// is used, which shows the files are the ones signed but not who signed them.
        #[arg(long)]
        public_key: Option<PathBuf>,
    },
}

/// Review commands.
#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// List proposals.
    List {
        /// Which: proposed (open), accepted, rejected or all.
        #[arg(long, default_value = "proposed")]
        status: String,
        /// Print JSON lines.
        #[arg(long)]
        json: bool,
    },
    /// Accept proposals: their statements join the record.
    Accept {
        /// Proposal ids (or unique prefixes of at least 12 characters).
        #[arg(required = true)]
        ids: Vec<String>,
        /// Who reviews.
        #[arg(long, env = "LOOKOUT_ANALYST")]
        by: String,
    },
    /// Reject proposals.
    Reject {
        /// Proposal ids (or unique prefixes of at least 12 characters).
        #[arg(required = true)]
        ids: Vec<String>,
        /// Who reviews.
        #[arg(long, env = "LOOKOUT_ANALYST")]
        by: String,
    },
}

/// Decisions an analyst can record.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum JudgementArg {
    /// The two are one.
    Match,
    /// They are not.
    NoMatch,
    /// Cannot tell yet.
    Unsure,
}

impl From<JudgementArg> for lookout_core::Judgement {
    fn from(j: JudgementArg) -> Self {
        match j {
            JudgementArg::Match => lookout_core::Judgement::Match,
            JudgementArg::NoMatch => lookout_core::Judgement::NoMatch,
            JudgementArg::Unsure => lookout_core::Judgement::Unsure,
        }
    }
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// A row per statement, with source and grade.
    Csv,
    /// Sources and entities with their statements.
    Json,
    /// Stations as RFC 7946 points.
    Geojson,
    /// FollowTheMoney JSON lines, resolved (entities decided to be one are merged).
    Ftm,
    /// The resolved link graph as GEXF 1.3, for Gephi.
    Gexf,
}

impl From<Format> for lookout_release::ExportFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Csv => lookout_release::ExportFormat::Csv,
            Format::Json => lookout_release::ExportFormat::Json,
            Format::Geojson => lookout_release::ExportFormat::GeoJson,
            Format::Ftm => lookout_release::ExportFormat::Ftm,
            Format::Gexf => lookout_release::ExportFormat::Gexf,
        }
    }
}
