//! The flags of the desk: accounts, keys, sealed reports, the audit log, the public counts.

use clap::Subcommand;

/// Account commands.
#[derive(Debug, Subcommand)]
pub enum AccountAction {
    /// Add an account; its password is read from standard input (one line). Prints the TOTP
    /// secret once, for the person's authenticator app.
    Add {
        /// Account name.
        name: String,
        /// reviewer (reads and handles reports), analyst (sees the list, not contents) or admin.
        #[arg(long)]
        role: String,
    },
    /// Deactivate an account: it can no longer sign in, its sessions end at their next request,
    /// and new reports are no longer sealed to its key.
    Deactivate {
        /// Account name.
        name: String,
    },
    /// Activate a deactivated account again.
    Activate {
        /// Account name.
        name: String,
    },
}

/// Public counts commands.
#[derive(Debug, Subcommand)]
pub enum CountsAction {
    /// Release the public counts if a release is due: the last one at least
    /// LOOKOUT_COUNTS_INTERVAL_DAYS ago and at least k (LOOKOUT_PUBLIC_K) incidents published since.
    Release,
}

/// Key commands.
#[derive(Debug, Subcommand)]
pub enum KeysAction {
    /// Print an account's age identity (password on standard input), so that the stock `age -d
    /// -i FILE` decrypts its reports offline.
    Export {
        /// Account name.
        name: String,
    },
}

/// Report commands.
#[derive(Debug, Subcommand)]
pub enum ReportAction {
    /// List reports: id, day received, status (never contents).
    List,
    /// Write one sealed message of a report (age format) to standard output.
    Sealed {
        /// Report id.
        id: String,
        /// Message number (1 is the report itself).
        #[arg(long, default_value_t = 1)]
        message: i64,
    },
}

/// Audit commands.
#[derive(Debug, Subcommand)]
pub enum AuditAction {
    /// Check the hash chain (any edited or deleted entry is named) and that the accounts,
    /// reports, messages and count releases are as it recorded them; with --head, also that the
    /// chain still holds what a head made earlier says (a rewrite or a cut since is detected).
    Verify {
        /// A head file printed by `lookout audit head`.
        #[arg(long)]
        head: Option<std::path::PathBuf>,
    },
    /// Print a signed head of the chain (entries and last hash), to keep outside the server.
    Head,
}
