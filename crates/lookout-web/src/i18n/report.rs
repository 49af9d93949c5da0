//! The words of the reporting pages (a table of [`super::Text`]).

/// Interface text of the reporting pages.
#[derive(Debug)]
pub struct ReportText {
    /// Title of the form.
    pub title: &'static str,
    /// What the form is and how it protects the reporter.
    pub intro: &'static str,
    /// How the report is protected.
    pub protection: &'static str,
    /// Legend of the category question.
    pub category: &'static str,
    /// Category labels, by code.
    pub categories: [(&'static str, &'static str); 6],
    /// Country label.
    pub country: &'static str,
    /// "Choose" option.
    pub choose: &'static str,
    /// City label.
    pub city: &'static str,
    /// City hint.
    pub city_hint: &'static str,
    /// Month label.
    pub month: &'static str,
    /// Month hint.
    pub month_hint: &'static str,
    /// Station or organisation label.
    pub organisation: &'static str,
    /// What happened label.
    pub details: &'static str,
    /// What happened hint.
    pub details_hint: &'static str,
    /// Attachments label.
    pub attachments: &'static str,
    /// Attachment limits.
    pub attachments_hint: &'static str,
    /// Submit button.
    pub submit: &'static str,
    /// Receipt page title.
    pub receipt_title: &'static str,
    /// Receipt explanation.
    pub receipt_intro: &'static str,
    /// Receipt warning.
    pub receipt_warning: &'static str,
    /// Link to follow-up.
    pub follow_up_link: &'static str,
    /// Follow-up title.
    pub follow_up_title: &'static str,
    /// Follow-up explanation.
    pub follow_up_intro: &'static str,
    /// Receipt code label.
    pub code: &'static str,
    /// Open button.
    pub open: &'static str,
    /// Thread title.
    pub thread_title: &'static str,
    /// Status label.
    pub status: &'static str,
    /// Messages sent.
    pub sent: &'static str,
    /// Replies heading.
    pub replies: &'static str,
    /// No replies yet.
    pub no_replies: &'static str,
    /// Send more heading.
    pub send_more: &'static str,
    /// Send button.
    pub send: &'static str,
    /// Sent confirmation.
    pub sent_ok: &'static str,
    /// Unknown code.
    pub bad_code: &'static str,
    /// Too many attempts.
    pub busy: &'static str,
    /// Expired form.
    pub expired: &'static str,
    /// Refused for load, the words kept.
    pub busy_kept: &'static str,
    /// A form sent twice.
    pub already_sent: &'static str,
    /// No room for attachments.
    pub storage_full: &'static str,
    /// The store could not take the report just now.
    pub not_stored: &'static str,
    /// No reviewer can receive reports yet (a new installation): the form is not shown.
    pub not_receiving: &'static str,
    /// Form problem heading.
    pub problem: &'static str,
}
