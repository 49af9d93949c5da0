//! A report from intake to retention: sealing it with a receipt code, the reporter's thread,
//! the reviewer's reading, replies and workflow, publishing, and deleting contents once closed.

use age::x25519;
use lookout_store::{NewReport, PublishedIncident, ReportRecord, ReportStore};
use zeroize::Zeroizing;

use super::{blocking, days_ago, event, receipt_salt, today, DeskError, SignedIn, CATEGORIES, STATUSES};
use crate::content::{Reply, ReportContent};
use crate::receipt::{ReceiptCode, ReceiptKeys};
use crate::seal;

/// The recipients every report is sealed to.
async fn recipients<S: ReportStore>(store: &S) -> Result<Vec<x25519::Recipient>, DeskError> {
    let texts = store.report_recipients().await?;
    if texts.is_empty() {
        return Err(DeskError::Refused("no reviewer can receive reports yet".into()));
    }
    texts.iter().map(|t| seal::recipient(t).map_err(DeskError::from)).collect()
}

/// Seals content to recipients off the async workers (attachments make it large); the plaintext
/// is wiped as soon as it is sealed.
async fn seal_content(content: ReportContent, to: Vec<x25519::Recipient>) -> Result<Vec<u8>, DeskError> {
    Ok(blocking(move || seal::seal(&content.to_plaintext(), &to)).await?)
}

async fn derive(code: &ReceiptCode, salt: Vec<u8>) -> Result<ReceiptKeys, DeskError> {
    let code = code.clone();
    Ok(blocking(move || code.derive(&salt)).await?)
}

/// Takes a report: seals it to every reviewer, creates its reply key under a new receipt code,
/// stores both with the audit entry in one transaction. Returns the receipt code, to be shown
/// once; if anything fails, nothing is stored and no code is shown.
pub async fn submit<S: ReportStore>(store: &S, content: ReportContent) -> Result<ReceiptCode, DeskError> {
    let sealed = seal_content(content, recipients(store).await?).await?;
    let code = ReceiptCode::generate();
    let keys = derive(&code, receipt_salt(store).await?).await?;
    let reply_key = x25519::Identity::generate();
    let id = format!("r-{}", crate::hex(&crate::random_bytes::<8>()));
    let report = NewReport {
        id: id.clone(),
        lookup: keys.lookup.clone(),
        reply_key_sealed: seal::wrap_identity_under_key(&reply_key, &keys.unlock)?,
        reply_recipient: reply_key.to_public().to_string(),
        received_on: today(),
        sealed,
    };
    store.insert_report(&report, &event("reporter", "report.received", &id)).await?;
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

fn reply_from(plain: &[u8]) -> Result<Reply, DeskError> {
    Ok(serde_json::from_slice(plain).map_err(|_| crate::ReportError::Seal("a reply is unreadable".into()))?)
}

/// Opens a reporter's thread with their receipt code.
pub async fn open_thread<S: ReportStore>(store: &S, code: &ReceiptCode) -> Result<(ReportRecord, Thread), DeskError> {
    let keys = derive(code, receipt_salt(store).await?).await?;
    let (report, sealed_key) = store.report_by_lookup(&keys.lookup).await?.ok_or(DeskError::UnknownReceipt)?;
    let sealed_key = sealed_key.ok_or(DeskError::UnknownReceipt)?;
    let reply_key = seal::unwrap_identity_under_key(&sealed_key, &keys.unlock)?;
    let mut replies = Vec::new();
    let mut sent = 0;
    for m in store.messages(&report.id).await? {
        if m.author == "reviewer" {
            replies.push(reply_from(&seal::open(&m.sealed, &reply_key)?)?);
        } else {
            sent += 1;
        }
    }
    let thread = Thread { status: report.status.clone(), sent, replies };
    Ok((report, thread))
}

/// Adds a reporter's follow-up message, sealed to the reviewers; returns the thread with it (the
/// code is derived once).
pub async fn follow_up<S: ReportStore>(
    store: &S,
    code: &ReceiptCode,
    content: ReportContent,
) -> Result<Thread, DeskError> {
    let (report, mut thread) = open_thread(store, code).await?;
    let sealed = seal_content(content, recipients(store).await?).await?;
    store.add_message(&report.id, "reporter", &sealed, &event("reporter", "report.follow-up", &report.id)).await?;
    thread.sent += 1;
    Ok(thread)
}

/// A report's thread as a reviewer reads it.
pub enum Message {
    /// From the reporter.
    Reporter(ReportContent),
    /// From a reviewer.
    Reviewer(Reply),
}

fn no_report(id: &str) -> DeskError {
    DeskError::Refused(format!("no report {id}"))
}

/// Opens a report's whole thread with a reviewer's identity.
pub async fn read_report<S: ReportStore>(
    store: &S,
    who: &SignedIn,
    id: &str,
) -> Result<(ReportRecord, Vec<Message>), DeskError> {
    let report = store.report(id).await?.ok_or_else(|| no_report(id))?;
    let mut out = Vec::new();
    for m in store.messages(id).await? {
        let plain = seal::open(&m.sealed, &who.identity)?;
        out.push(if m.author == "reviewer" {
            Message::Reviewer(reply_from(&plain)?)
        } else {
            Message::Reporter(ReportContent::from_plaintext(&plain)?)
        });
    }
    store.append_audit(&event(&who.name, "report.read", id)).await?;
    Ok((report, out))
}

/// A reviewer's reply: sealed to the report's reply key (the reporter reads it with the code)
/// and to every reviewer.
pub async fn reply<S: ReportStore>(store: &S, who: &SignedIn, id: &str, text: &str) -> Result<(), DeskError> {
    let report = store.report(id).await?.ok_or_else(|| no_report(id))?;
    if report.purged_on.is_some() {
        return Err(DeskError::Refused("this report's contents were deleted under the retention rule".into()));
    }
    let mut to = recipients(store).await?;
    to.push(seal::recipient(&report.reply_recipient)?);
    let plain = Zeroizing::new(serde_json::to_vec(&Reply { text: text.to_string() }).expect("a reply serialises"));
    store.add_message(id, "reviewer", &seal::seal(&plain, &to)?, &event(&who.name, "report.replied", id)).await?;
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
    store.set_status(id, status, linked, &event(&who.name, &format!("report.{status}"), id)).await?;
    Ok(())
}

/// Publishes a report as a pseudonymous incident holding only coarse fields. It appears in the
/// public counts with the next release (see [`super::counts`]), never alone.
pub async fn publish<S: ReportStore>(
    store: &S,
    who: &SignedIn,
    id: &str,
    country: &str,
    category: &str,
    month: &str,
) -> Result<(), DeskError> {
    let report = store.report(id).await?.ok_or_else(|| no_report(id))?;
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
    store.publish_incident(id, &incident, &event(&who.name, "report.published", id)).await?;
    Ok(())
}

/// What a run of the retention rule did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retention {
    /// Reports whose contents were deleted.
    pub purged: Vec<String>,
    /// Reports the store says were closed long enough ago, but whose closing the audit log does
    /// not show so: kept (someone may have changed the closing day behind the server's back).
    pub refused: Vec<String>,
    /// Whether the write-ahead log could be emptied at once (if not, it is at its next checkpoint).
    pub log_emptied: bool,
}

/// Deletes the sealed contents, reply key and receipt digest of reports closed more than `days`
/// ago, by the store and by the audit log alike; the deleted content is overwritten.
pub async fn apply_retention<S: ReportStore>(store: &S, days: u32) -> Result<Retention, DeskError> {
    let cutoff = days_ago(days);
    let candidates = store.reports_closed_by(&cutoff).await?;
    let mut out = Retention { log_emptied: true, ..Retention::default() };
    if candidates.is_empty() {
        return Ok(out);
    }
    // The last status change of each report, as the chain recorded it; a change dated before an
    // entry it follows was added with a false date, and counts as no closing.
    let log = store.audit_log().await?;
    let mut last_status: std::collections::HashMap<&str, (&str, &str)> = std::collections::HashMap::new();
    let mut latest_day = "";
    for e in &log {
        let day = e.at.get(..10).unwrap_or(&e.at);
        let status = e.action.strip_prefix("report.").filter(|s| STATUSES.contains(s) || *s == "published");
        if let Some(status) = status {
            last_status.insert(e.subject.as_str(), (if day < latest_day { "backdated" } else { status }, day));
        }
        latest_day = latest_day.max(day);
    }
    for id in candidates {
        match last_status.get(id.as_str()) {
            Some(("closed", day)) if *day <= cutoff.as_str() => {
                match store.purge_report(&id, &event("system", "report.purged", &id)).await {
                    Ok(()) => out.purged.push(id),
                    Err(lookout_store::StoreError::Conflict(_)) => {} // reopened meanwhile
                    Err(e) => return Err(e.into()),
                }
            }
            _ => out.refused.push(id),
        }
    }
    if !out.purged.is_empty() {
        out.log_emptied = store.compact().await?;
    }
    Ok(out)
}
