//! The reporting desk: what the site and the command line do with reports, over any
//! [`ReportStore`]. Plaintext exists only inside these functions, in memory, and is wiped on return.

use age::x25519;
use lookout_core::Timestamp;
use lookout_store::{Account, NewReport, PublishedIncident, ReportRecord, ReportStore, StoreError};
use zeroize::Zeroizing;

use crate::content::{Reply, ReportContent};
use crate::receipt::ReceiptCode;
use crate::seal;

/// The roles of accounts.
pub const ROLES: &[&str] = &["reviewer", "analyst", "admin"];

/// Workflow statuses a reviewer can set (publishing has its own step).
pub const STATUSES: &[&str] = &["new", "triaged", "needs-information", "verified", "unverified", "linked", "closed"];

/// Report categories.
pub const CATEGORIES: &[&str] =
    &["surveillance", "approach", "pressure-to-return", "family-threats", "online-harassment", "other"];

/// What went wrong at the desk.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// Report machinery.
    #[error(transparent)]
    Report(#[from] crate::ReportError),
    /// The store.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No report answers this receipt code (or it was purged).
    #[error("no report has this receipt code")]
    UnknownReceipt,
    /// A request the desk refuses, with the reason.
    #[error("{0}")]
    Refused(String),
}

/// Today, `YYYY-MM-DD`.
pub fn today() -> String {
    Timestamp::now().to_string()[..10].to_string()
}

/// The installation's salt for receipt digests.
pub async fn receipt_salt<S: ReportStore>(store: &S) -> Result<Vec<u8>, DeskError> {
    Ok(store.installation_secret("receipt-salt", crate::random_bytes::<32>().to_vec()).await?)
}

/// Records an action in the audit log.
pub async fn audit<S: ReportStore>(store: &S, actor: &str, action: &str, subject: &str) -> Result<(), DeskError> {
    store.append_audit(&Timestamp::now().to_string(), actor, action, subject, crate::audit::entry_hash).await?;
    Ok(())
}

/// Checks the audit log; returns the number of entries.
pub async fn verify_audit<S: ReportStore>(store: &S) -> Result<usize, DeskError> {
    Ok(crate::audit::verify(&store.audit_log().await?)?)
}

/// A new account: its TOTP secret (to show once) and the stored record.
pub struct NewAccount {
    /// The TOTP secret to give the person once (`otpauth://` URI).
    pub otpauth_uri: String,
    /// The same secret in base32, for typing by hand.
    pub totp_base32: String,
}

/// Creates an account with a new age identity and TOTP secret, both sealed under `password`.
pub async fn add_account<S: ReportStore>(
    store: &S,
    name: &str,
    role: &str,
    password: &str,
    work_factor: Option<u8>,
) -> Result<NewAccount, DeskError> {
    if name.is_empty()
        || name.len() > 64
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(DeskError::Refused("an account name is 1–64 letters, digits, '.', '_' or '-'".into()));
    }
    if !ROLES.contains(&role) {
        return Err(DeskError::Refused(format!("role {role:?} is not one of {}", ROLES.join(", "))));
    }
    if password.chars().count() < 12 {
        return Err(DeskError::Refused("a password has at least 12 characters".into()));
    }
    let identity = x25519::Identity::generate();
    let totp = Zeroizing::new(crate::totp::new_secret());
    let account = Account {
        name: name.to_string(),
        role: role.to_string(),
        password_hash: crate::password::hash(password)?,
        totp_sealed: seal::wrap_bytes(totp.as_ref(), password, work_factor)?,
        identity_sealed: seal::wrap_identity(&identity, password, work_factor)?,
        recipient: identity.to_public().to_string(),
        active: true,
    };
    store.add_account(&account, &today()).await?;
    audit(store, "system", "account.added", &format!("{name} ({role})")).await?;
    Ok(NewAccount {
        otpauth_uri: crate::totp::otpauth_uri(name, totp.as_ref()),
        totp_base32: crate::totp::base32(totp.as_ref()),
    })
}

/// A signed-in account: its name, role and age identity, unwrapped in memory only.
pub struct SignedIn {
    /// Account name.
    pub name: String,
    /// Role.
    pub role: String,
    /// The account's age identity (its secret is wiped when dropped).
    pub identity: x25519::Identity,
}

impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SignedIn({}, {})", self.name, self.role)
    }
}

/// Checks a password and a TOTP code; unwraps the account's identity. `first_use(account, step)`
/// says whether the code's time step is used for the first time (a code is accepted once). Every
/// failure is the same error, so that a wrong name, password, code or replay cannot be told apart.
pub async fn sign_in<S: ReportStore>(
    store: &S,
    name: &str,
    password: &str,
    code: &str,
    first_use: impl FnOnce(&str, u64) -> bool,
) -> Result<SignedIn, DeskError> {
    let refused = || DeskError::Refused("name, password or code not accepted".into());
    let Some(account) = store.account(name).await? else {
        // Spend the same time as a real check.
        let _ = crate::password::verify(crate::password::DUMMY, password);
        return Err(refused());
    };
    if !account.active || !crate::password::verify(&account.password_hash, password) {
        return Err(refused());
    }
    let totp = seal::unwrap_bytes(&account.totp_sealed, password).map_err(|_| refused())?;
    let step = crate::totp::verify(&totp, code).ok_or_else(refused)?;
    // A code is accepted once: the caller remembers the steps used.
    if !first_use(&account.name, step) {
        return Err(refused());
    }
    let identity = seal::unwrap_identity(&account.identity_sealed, password).map_err(|_| refused())?;
    audit(store, name, "account.signed-in", name).await?;
    Ok(SignedIn { name: account.name, role: account.role, identity })
}

/// Exports an account's age identity (`AGE-SECRET-KEY-1…`) for offline decryption with `age -d`.
pub async fn export_identity<S: ReportStore>(
    store: &S,
    name: &str,
    password: &str,
) -> Result<Zeroizing<String>, DeskError> {
    let account = store.account(name).await?.ok_or_else(|| DeskError::Refused(format!("no account {name}")))?;
    if !crate::password::verify(&account.password_hash, password) {
        return Err(DeskError::Refused("wrong password".into()));
    }
    let identity = seal::unwrap_identity(&account.identity_sealed, password)?;
    audit(store, name, "key.exported", name).await?;
    Ok(seal::identity_text(&identity))
}

/// The recipients every report is sealed to.
async fn recipients<S: ReportStore>(store: &S) -> Result<Vec<x25519::Recipient>, DeskError> {
    let texts = store.report_recipients().await?;
    if texts.is_empty() {
        return Err(DeskError::Refused("no reviewer can receive reports yet".into()));
    }
    texts.iter().map(|t| seal::recipient(t).map_err(DeskError::from)).collect()
}

/// Takes a report: seals it to every reviewer, creates its reply key under a new receipt code,
/// stores both. Returns the receipt code, to be shown once.
pub async fn submit<S: ReportStore>(store: &S, content: ReportContent) -> Result<ReceiptCode, DeskError> {
    let recipients = recipients(store).await?;
    let sealed = seal::seal(&content.to_plaintext(), &recipients)?;
    drop(content);
    let code = ReceiptCode::generate();
    let keys = code.derive(&receipt_salt(store).await?)?;
    let reply_key = x25519::Identity::generate();
    let id = format!("r-{}", crate::hex(&crate::random_bytes::<8>()));
    store
        .insert_report(&NewReport {
            id: id.clone(),
            lookup: keys.lookup.clone(),
            reply_key_sealed: seal::wrap_reply_key(&reply_key, &keys.unlock)?,
            reply_recipient: reply_key.to_public().to_string(),
            received_on: today(),
            sealed,
        })
        .await?;
    audit(store, "reporter", "report.received", &id).await?;
    Ok(code)
}

/// What a reporter sees when coming back: the replies (decrypted with the reply key the code
/// unlocks) and how many messages they sent. Their own messages are sealed to reviewers only, so
/// a stolen code does not reveal the report.
pub struct Thread {
    /// The report's status.
    pub status: String,
    /// Messages sent by the reporter.
    pub sent: usize,
    /// Replies, oldest first.
    pub replies: Vec<Reply>,
}

/// Opens a reporter's thread with their receipt code.
pub async fn open_thread<S: ReportStore>(store: &S, code: &ReceiptCode) -> Result<(ReportRecord, Thread), DeskError> {
    let keys = code.derive(&receipt_salt(store).await?)?;
    let (report, sealed_key) = store.report_by_lookup(&keys.lookup).await?.ok_or(DeskError::UnknownReceipt)?;
    let sealed_key = sealed_key.ok_or(DeskError::UnknownReceipt)?;
    let reply_key = seal::unwrap_reply_key(&sealed_key, &keys.unlock)?;
    let messages = store.messages(&report.id).await?;
    let mut replies = Vec::new();
    let mut sent = 0;
    for m in &messages {
        if m.author == "reviewer" {
            let plain = seal::open(&m.sealed, &reply_key)?;
            replies.push(
                serde_json::from_slice(&plain).map_err(|_| crate::ReportError::Seal("a reply is unreadable".into()))?,
            );
        } else {
            sent += 1;
        }
    }
    let thread = Thread { status: report.status.clone(), sent, replies };
    Ok((report, thread))
}

/// Adds a reporter's follow-up message, sealed to the reviewers.
pub async fn follow_up<S: ReportStore>(store: &S, code: &ReceiptCode, content: ReportContent) -> Result<(), DeskError> {
    let (report, _) = open_thread(store, code).await?;
    let sealed = seal::seal(&content.to_plaintext(), &recipients(store).await?)?;
    store.add_message(&report.id, "reporter", &sealed).await?;
    audit(store, "reporter", "report.follow-up", &report.id).await?;
    Ok(())
}

/// A report's thread as a reviewer reads it.
pub enum Message {
    /// From the reporter.
    Reporter(ReportContent),
    /// From a reviewer.
    Reviewer(Reply),
}

/// Opens a report's whole thread with a reviewer's identity.
pub async fn read_report<S: ReportStore>(
    store: &S,
    who: &SignedIn,
    id: &str,
) -> Result<(ReportRecord, Vec<Message>), DeskError> {
    let report = store.report(id).await?.ok_or_else(|| DeskError::Refused(format!("no report {id}")))?;
    let mut out = Vec::new();
    for m in store.messages(id).await? {
        let plain = seal::open(&m.sealed, &who.identity)?;
        out.push(if m.author == "reviewer" {
            Message::Reviewer(
                serde_json::from_slice(&plain).map_err(|_| crate::ReportError::Seal("a reply is unreadable".into()))?,
            )
        } else {
            Message::Reporter(ReportContent::from_plaintext(&plain)?)
        });
    }
    audit(store, &who.name, "report.read", id).await?;
    Ok((report, out))
}

/// A reviewer's reply: sealed to the report's reply key (the reporter reads it with the code)
/// and to every reviewer.
pub async fn reply<S: ReportStore>(store: &S, who: &SignedIn, id: &str, text: &str) -> Result<(), DeskError> {
    let report = store.report(id).await?.ok_or_else(|| DeskError::Refused(format!("no report {id}")))?;
    if report.purged_on.is_some() {
        return Err(DeskError::Refused("this report's contents were deleted under the retention rule".into()));
    }
    let mut to = recipients(store).await?;
    to.push(seal::recipient(&report.reply_recipient)?);
    let plain = Zeroizing::new(serde_json::to_vec(&Reply { text: text.to_string() }).expect("a reply serialises"));
    store.add_message(id, "reviewer", &seal::seal(&plain, &to)?).await?;
    audit(store, &who.name, "report.replied", id).await?;
    Ok(())
}

/// Moves a report through the workflow.
pub async fn set_status<S: ReportStore>(
    store: &S,
    who: &SignedIn,
    id: &str,
    status: &str,
    linked: Option<&str>,
) -> Result<(), DeskError> {
    if !STATUSES.contains(&status) {
        return Err(DeskError::Refused(format!("status {status:?} is not one of {}", STATUSES.join(", "))));
    }
    let linked = linked.map(str::trim).filter(|l| !l.is_empty());
    if status == "linked" && linked.is_none() {
        return Err(DeskError::Refused("linking needs the id of a station, bureau or organisation".into()));
    }
    store.set_status(id, status, linked, &today()).await?;
    audit(store, &who.name, &format!("report.{status}"), id).await?;
    Ok(())
}

/// Publishes a report as a pseudonymous incident holding only coarse fields.
pub async fn publish<S: ReportStore>(
    store: &S,
    who: &SignedIn,
    id: &str,
    country: &str,
    category: &str,
    month: &str,
) -> Result<(), DeskError> {
    let report = store.report(id).await?.ok_or_else(|| DeskError::Refused(format!("no report {id}")))?;
    if !matches!(report.status.as_str(), "verified" | "linked") {
        return Err(DeskError::Refused("only a verified or linked report can be published".into()));
    }
    if !CATEGORIES.contains(&category) {
        return Err(DeskError::Refused(format!("category {category:?} is not one of {}", CATEGORIES.join(", "))));
    }
    if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(DeskError::Refused("country: a two-letter ISO code".into()));
    }
    if month.len() != 7 || month.parse::<lookout_core::PartialDate>().is_err() {
        return Err(DeskError::Refused("month: YYYY-MM".into()));
    }
    let incident = PublishedIncident {
        id: format!("incident-{}", crate::hex(&crate::random_bytes::<6>())),
        country: country.to_string(),
        category: category.to_string(),
        month: month.to_string(),
    };
    store.publish_incident(id, &incident, &today()).await?;
    audit(store, &who.name, "report.published", id).await?;
    Ok(())
}

/// Deletes the sealed contents of reports closed more than `days` ago.
pub async fn apply_retention<S: ReportStore>(store: &S, days: u32) -> Result<Vec<String>, DeskError> {
    let cutoff = Timestamp::from_unix(Timestamp::now().unix() - i64::from(days) * 86_400).to_string()[..10].to_string();
    let purged = store.purge_closed(&cutoff, &today()).await?;
    for id in &purged {
        audit(store, "system", "report.purged", id).await?;
    }
    Ok(purged)
}
