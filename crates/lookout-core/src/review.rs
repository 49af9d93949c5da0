//! What a person does to a statement after it is recorded: a second account confirms or rejects
//! a pending one (four eyes), anyone may withdraw one, with a reason. Each is an event appended
//! to the statement's history; the statement itself is never changed, and its status is the one
//! its latest event leaves it in.

use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;
use crate::{ModelError, StatementId, StatementStatus};

vocabulary!(
    /// What was done to a statement after it was recorded.
    StatementAction, "statement action" {
        /// A second account confirmed a pending statement: it joins the public record.
        Confirmed => "confirmed",
        /// A second account rejected a pending statement: it never joins the record.
        Rejected => "rejected",
        /// The statement is withdrawn, with why: it leaves the record (or never joins it).
        Withdrawn => "withdrawn",
    }
);

impl StatementAction {
    /// The status a statement in `current`, recorded by `recorded_by`, takes when `by` does this;
    /// an error saying why when the action is out of turn (a statement already reviewed, a
    /// confirmation by the account that recorded it).
    pub fn apply(self, current: StatementStatus, recorded_by: &str, by: &str) -> Result<StatementStatus, ModelError> {
        use StatementStatus::*;
        let refused = |why: String| Err(ModelError::InvalidValue { prop: "statement".into(), reason: why });
        match (self, current) {
            (StatementAction::Confirmed | StatementAction::Rejected, Proposed) if recorded_by == by => {
                refused(format!("{by} recorded it: a different account must review it"))
            }
            (StatementAction::Confirmed, Proposed) => Ok(Accepted),
            (StatementAction::Rejected, Proposed) => Ok(Rejected),
            (StatementAction::Withdrawn, Proposed | Accepted) => Ok(Retracted),
            (_, status) => refused(format!("it is {status} already")),
        }
    }
}

/// One event in a statement's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementEvent {
    /// The statement.
    pub statement_id: StatementId,
    /// What was done.
    pub action: StatementAction,
    /// By which account.
    pub by: String,
    /// When (RFC 3339).
    pub at: String,
    /// Why, in the account's words (a withdrawal or rejection says why).
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatementStatus::*;

    #[test]
    fn four_eyes_and_withdrawal_follow_the_workflow() {
        let confirm = StatementAction::Confirmed;
        assert_eq!(confirm.apply(Proposed, "ana", "rui").unwrap(), Accepted);
        assert!(confirm.apply(Proposed, "ana", "ana").unwrap_err().to_string().contains("different account"));
        assert!(confirm.apply(Accepted, "ana", "rui").unwrap_err().to_string().contains("accepted already"));
        assert_eq!(StatementAction::Rejected.apply(Proposed, "ana", "rui").unwrap(), Rejected);
        assert_eq!(StatementAction::Withdrawn.apply(Accepted, "ana", "ana").unwrap(), Retracted);
        assert_eq!(StatementAction::Withdrawn.apply(Proposed, "ana", "ana").unwrap(), Retracted);
        assert!(StatementAction::Withdrawn.apply(Retracted, "ana", "rui").is_err());
        assert!(StatementAction::Withdrawn.apply(Rejected, "ana", "rui").is_err());
    }
}
