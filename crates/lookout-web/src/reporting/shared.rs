//! What the reporting handlers share while the server runs (nothing of it about any person), and
//! how it is set up.

use super::{guard, sanitizer, session};

/// How protected reporting is set up on this server.
pub struct ReportingConfig {
    /// The installation's key for form tokens and device cookies.
    pub form_key: [u8; 32],
    /// k of the public counts.
    pub k: u64,
    /// Days between releases of the public counts.
    pub counts_interval_days: u32,
    /// Most bytes of sealed messages stored; attachments beyond it are refused.
    pub quota_bytes: u64,
    /// Where attachments are cleaned.
    pub sanitizer: sanitizer::Sanitizer,
}

/// What the reporting pages keep while the server runs (nothing of it about any person).
pub struct Reporting {
    /// Signs anonymous form tokens and device cookies.
    pub tokens: guard::FormTokens,
    /// The tries each form token has left.
    pub budgets: guard::TokenBudgets,
    /// Reviewer sessions.
    pub sessions: session::Sessions,
    /// Reports and follow-ups accepted, globally.
    pub submissions: guard::GlobalLimit,
    /// Receipt codes being checked at once (each is an argon2id derivation). A queue, not a rate:
    /// a flood of codes, even from fresh forms, delays a code holder but cannot refuse them.
    pub code_checks: tokio::sync::Semaphore,
    /// Sign-in attempts from browsers no account signed in from before, globally.
    pub logins: guard::GlobalLimit,
    /// Sign-in attempts per account name from such browsers.
    pub account_logins: guard::KeyedLimit,
    /// Sign-in attempts per device cookie (a browser the account signed in from before).
    pub device_logins: guard::KeyedLimit,
    /// Reports being received and cleaned at once (each may hold 50 MB).
    pub intake: tokio::sync::Semaphore,
    /// Where attachments are cleaned.
    pub sanitizer: sanitizer::Sanitizer,
    /// k of the public counts.
    pub k: u64,
    /// Days between releases of the public counts.
    pub counts_interval_days: u32,
    /// Most bytes of sealed messages stored.
    pub quota_bytes: u64,
    /// The last TOTP step each account signed in with, in memory only.
    used_totp: std::sync::Mutex<std::collections::HashMap<String, u64>>,
    /// Steps up to this one could have been used before the server started: they are refused.
    steps_before_start: u64,
}

impl Reporting {
    /// Set up as `config` says.
    pub fn new(config: ReportingConfig) -> Reporting {
        Reporting {
            tokens: guard::FormTokens::new(config.form_key),
            budgets: guard::TokenBudgets::default(),
            sessions: session::Sessions::default(),
            submissions: guard::GlobalLimit::new(20, 20),
            code_checks: tokio::sync::Semaphore::new(2),
            logins: guard::GlobalLimit::new(10, 10),
            account_logins: guard::KeyedLimit::new(5, 5.0 / 15.0),
            device_logins: guard::KeyedLimit::new(10, 10.0 / 15.0),
            intake: tokio::sync::Semaphore::new(8),
            sanitizer: config.sanitizer,
            k: config.k,
            counts_interval_days: config.counts_interval_days,
            quota_bytes: config.quota_bytes,
            used_totp: Default::default(),
            // A code is good for its step and the ones either side: one used just before a
            // restart may carry the step after the current one.
            steps_before_start: lookout_report::totp::current_step() + 1,
        }
    }

    /// Records a TOTP step for an account; false if it, or a later one, was used already, or if
    /// it could have been used before the server started (for about a minute after a start,
    /// reviewers wait for their next code). Kept in memory: a stored step would keep each
    /// reviewer's last sign-in time to 30 seconds.
    pub fn first_use_of_totp(&self, account: &str, step: u64) -> bool {
        if step <= self.steps_before_start {
            return false;
        }
        let Ok(mut used) = self.used_totp.lock() else { return false };
        match used.get(account) {
            Some(last) if *last >= step => false,
            _ => {
                used.insert(account.to_string(), step);
                true
            }
        }
    }
}
