//! The words of the reporting pages, in English and Simplified Chinese.

use crate::i18n::Lang;

/// Interface text of the reporting pages.
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
    /// Form problem heading.
    pub problem: &'static str,
}

/// English.
pub static EN: ReportText = ReportText {
    title: "Report what happened",
    intro: "If you, or your family, were watched, visited, threatened or pressed to return by people linked to a Chinese police station or its associations abroad, you can tell us here. You do not need to give your name.",
    protection: "What you write is encrypted on arrival for the reviewers only; this site does not keep it readable, does not record your address or browser, and works without JavaScript. For more safety, use Tor Browser.",
    category: "What happened?",
    categories: [
        ("surveillance", "Surveillance: I was watched or followed"),
        ("approach", "Someone approached or visited me"),
        ("pressure-to-return", "I was pressed to return to China"),
        ("family-threats", "My family in China was threatened or pressured"),
        ("online-harassment", "Online harassment"),
        ("other", "Something else"),
    ],
    country: "Country where it happened",
    choose: "Choose…",
    city: "City or region",
    city_hint: "A city or region is enough; no street or address.",
    month: "Month",
    month_hint: "Year and month, e.g. 2026-10.",
    organisation: "Station or organisation, if you know it",
    details: "What happened",
    details_hint: "In Chinese or English. Leave out anything that could identify you if you prefer.",
    attachments: "Photos or documents (optional)",
    attachments_hint: "JPEG, PNG or PDF; up to 5 files, 10 MB each. Before encryption, photos are rebuilt from their pixels and PDFs from their pages, so location, camera and author data (EXIF, GPS, comments, attached files) are removed.",
    submit: "Send securely",
    receipt_title: "Your report was received",
    receipt_intro: "This is your receipt code. With it you can come back, read replies from the reviewers and add more. Write it down now: it is shown only once and cannot be recovered.",
    receipt_warning: "Anyone with this code can read the replies to your report. Keep it safe.",
    follow_up_link: "Come back with your receipt code",
    follow_up_title: "Follow up on a report",
    follow_up_intro: "Enter your receipt code to read replies and add more information.",
    code: "Receipt code",
    open: "Open",
    thread_title: "Your report",
    status: "Status",
    sent: "Messages you sent",
    replies: "Replies from reviewers",
    no_replies: "No reply yet. Please check again later.",
    send_more: "Add more information",
    send: "Send",
    sent_ok: "Your message was received.",
    bad_code: "No report has this receipt code. Check the digits and try again.",
    busy: "Too many attempts just now. Please wait a few minutes and try again.",
    expired: "This form has expired. Please fill it in again.",
    busy_kept: "The site is receiving many reports just now and could not take yours. Your words are kept below: please send again in a few minutes (attach any files again).",
    already_sent: "This form was already sent, and its receipt code shown. To add more, come back with your receipt code.",
    storage_full: "The site's storage for attachments is full just now. Your words are kept below: send them without attachments, or try again later.",
    not_stored: "The site could not store your report just now. Your words are kept below: please send again in a few minutes (attach any files again).",
    problem: "Please check the form",
};

/// Simplified Chinese.
pub static ZH: ReportText = ReportText {
    title: "报告您的遭遇",
    intro: "如果您或您的家人曾被与中国海外警务站或相关社团有关的人监视、上门、威胁或施压要求回国，可以在这里告诉我们。您无需提供姓名。",
    protection: "您写下的内容在送达时即被加密，只有审核人员可以阅读；本网站不保存可读的内容，不记录您的网络地址或浏览器信息，无需 JavaScript 即可使用。为更加安全，请使用 Tor 浏览器。",
    category: "发生了什么？",
    categories: [
        ("surveillance", "监视：我被监视或跟踪"),
        ("approach", "有人接触我或上门找我"),
        ("pressure-to-return", "我被施压要求回国"),
        ("family-threats", "我在中国的家人受到威胁或施压"),
        ("online-harassment", "网络骚扰"),
        ("other", "其他情况"),
    ],
    country: "事发国家",
    choose: "请选择…",
    city: "城市或地区",
    city_hint: "填写城市或地区即可，无需街道或地址。",
    month: "月份",
    month_hint: "年和月，例如 2026-10。",
    organisation: "警务站或组织（如知道）",
    details: "事情经过",
    details_hint: "可以用中文或英文填写。如您愿意，可以略去任何可能暴露身份的内容。",
    attachments: "照片或文件（可选）",
    attachments_hint: "JPEG、PNG 或 PDF；最多 5 个文件，每个不超过 10 MB。加密前，照片会按像素重新生成，PDF 会按页面重建，因此位置、相机和作者信息（EXIF、GPS、批注、附带文件）都会被删除。",
    submit: "安全发送",
    receipt_title: "我们已收到您的报告",
    receipt_intro: "这是您的回执码。凭此码您可以回来阅读审核人员的回复并补充信息。请现在就把它抄下来：它只显示这一次，丢失后无法找回。",
    receipt_warning: "任何拿到此码的人都能读到给您的回复。请妥善保管。",
    follow_up_link: "凭回执码查看回复",
    follow_up_title: "跟进报告",
    follow_up_intro: "输入您的回执码，阅读回复并补充信息。",
    code: "回执码",
    open: "打开",
    thread_title: "您的报告",
    status: "状态",
    sent: "您发送的消息",
    replies: "审核人员的回复",
    no_replies: "暂无回复，请稍后再来查看。",
    send_more: "补充信息",
    send: "发送",
    sent_ok: "我们已收到您的消息。",
    bad_code: "没有与此回执码对应的报告。请核对数字后重试。",
    busy: "尝试次数过多，请等几分钟后再试。",
    expired: "此表单已过期，请重新填写。",
    busy_kept: "网站此刻收到的报告过多，未能接收您的报告。您填写的内容保留在下面：请过几分钟再发送（附件需重新添加）。",
    already_sent: "此表单已经发送过，回执码也已显示。如需补充，请凭回执码回来。",
    storage_full: "网站此刻没有空间接收更多附件。您填写的内容保留在下面：可以不带附件发送，或稍后再试。",
    not_stored: "网站此刻无法保存您的报告。您填写的内容保留在下面：请过几分钟再发送（附件需重新添加）。",
    problem: "请检查表单",
};

impl ReportText {
    /// The text in a language.
    pub fn of(lang: Lang) -> &'static ReportText {
        match lang {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// Status names for reporters, in their language.
pub fn status_label(lang: Lang, status: &str) -> &'static str {
    let zh = lang == Lang::Zh;
    match status {
        "new" => {
            if zh {
                "已收到"
            } else {
                "received"
            }
        }
        "triaged" | "verified" | "unverified" | "linked" => {
            if zh {
                "审核中"
            } else {
                "being reviewed"
            }
        }
        "needs-information" => {
            if zh {
                "需要更多信息"
            } else {
                "more information needed"
            }
        }
        "published" => {
            if zh {
                "已纳入公开统计（不含任何可识别信息）"
            } else {
                "counted in the public figures (nothing identifying)"
            }
        }
        "closed" => {
            if zh {
                "已结案"
            } else {
                "closed"
            }
        }
        _ => {
            if zh {
                "审核中"
            } else {
                "being reviewed"
            }
        }
    }
}
