//! Accounts: adding one, signing in with both factors, exporting a key, deactivating, and
//! resetting one whose password or TOTP device is lost.
//!
//! Signing in derives the password's keys once (argon2id), checks the password and the TOTP
//! code, and only when both are right unwraps the identity: a right password with a wrong code
//! takes as long as a wrong password, and says nothing different.

use std::sync::OnceLock;

use age::x25519;
use lookout_store::{Account, ReportStore};
use zeroize::Zeroizing;

use super::{blocking, event, DeskError, ROLES};
use crate::password::{self, PasswordCost, PasswordKeys, StoredPassword};
use crate::seal;

/// A new account: its TOTP secret, to show once.
pub struct NewAccount {
    /// The TOTP secret to give the person once (`otpauth://` URI).
    pub otpauth_uri: String,
    /// The same secret in base32, for typing by hand.
    pub totp_base32: String,
}

impl std::fmt::Debug for NewAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewAccount(…)")
    }
}

/// Creates an account with a new age identity and TOTP secret, both sealed under its password's
/// key. Refuses names that are not plain, unknown roles and passwords that are easy to guess.
/// The audit entry names `system` (the command line); see [`add_account_by`].
pub async fn add_account<S: ReportStore>(
    store: &S,
    name: &str,
    role: &str,
    password: &str,
    cost: PasswordCost,
) -> Result<NewAccount, DeskError> {
    add_account_by(store, "system", name, role, password, cost).await
}

/// [`add_account`] by the account `by` (an admin in the workspace), whom the audit entry names.
pub async fn add_account_by<S: ReportStore>(
    store: &S,
    by: &str,
    name: &str,
    role: &str,
    password: &str,
    cost: PasswordCost,
) -> Result<NewAccount, DeskError> {
    check_name(name).map_err(DeskError::Refused)?;
    if !ROLES.contains(&role) {
        return Err(DeskError::Refused(format!("role {role:?} is not one of {}", ROLES.join(", "))));
    }
    let (account, secret) = credentials(name, role, password, cost).await?;
    store.add_account(&account, &event(by, "account.added", name)).await?;
    Ok(secret)
}

/// Whether `name` can name an account: 1–64 ASCII letters, digits, '.', '_' or '-'.
pub fn check_name(name: &str) -> Result<(), String> {
    let plain = name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if name.is_empty() || name.len() > 64 || !plain {
        return Err("an account name is 1–64 letters, digits, '.', '_' or '-'".into());
    }
    Ok(())
}

/// A new password check, TOTP secret and age identity for `name`, the secrets sealed under the
/// password's key; refuses a password that is easy to guess.
async fn credentials(
    name: &str,
    role: &str,
    password: &str,
    cost: PasswordCost,
) -> Result<(Account, NewAccount), DeskError> {
    password::check_strength(password, name).map_err(DeskError::Refused)?;
    let password = Zeroizing::new(password.to_string());
    let (stored, keys) = blocking(move || StoredPassword::new(&password, cost)).await?;
    let identity = x25519::Identity::generate();
    let totp = Zeroizing::new(crate::totp::new_secret());
    let account = Account {
        name: name.to_string(),
        role: role.to_string(),
        password_hash: stored.to_text(),
        totp_sealed: seal::wrap_under_key(totp.as_ref(), &keys.wrap)?,
        identity_sealed: seal::wrap_identity_under_key(&identity, &keys.wrap)?,
        recipient: identity.to_public().to_string(),
        active: true,
    };
    let secret = NewAccount {
        otpauth_uri: crate::totp::otpauth_uri(name, totp.as_ref()),
        totp_base32: crate::totp::base32(totp.as_ref()),
    };
    Ok((account, secret))
}

/// Gives an account a new password, TOTP secret and age identity, by the admin `by`, who does
/// not know the old password: the old identity was sealed under a key derived from it, so it
/// cannot be kept, and is replaced. Reports sealed before the reset stay sealed to the old key:
/// this account can no longer read them, and every other reviewer or admin who was active when
/// they arrived still can (each report is sealed to each of them separately); reports that
/// arrive after the reset are sealed to the new key. The account keeps its name, role and
/// whether it is active; the audit entry records the new key.
pub async fn reset_credentials<S: ReportStore>(
    store: &S,
    by: &str,
    name: &str,
    password: &str,
    cost: PasswordCost,
) -> Result<NewAccount, DeskError> {
    let old = store.account(name).await?.ok_or_else(|| DeskError::Refused(format!("no account {name}")))?;
    let (account, secret) = credentials(name, &old.role, password, cost).await?;
    store.reset_account(&account, &event(by, "account.reset", name)).await.map_err(|e| match e {
        lookout_store::StoreError::NotFound(why) => DeskError::Refused(why),
        other => other.into(),
    })?;
    Ok(secret)
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

/// What a name that has no account is checked against, so that it costs what a real check
/// costs: a stored password of the standard cost and a TOTP secret sealed under its key.
fn nobody() -> &'static (StoredPassword, Vec<u8>) {
    static NOBODY: OnceLock<(StoredPassword, Vec<u8>)> = OnceLock::new();
    NOBODY.get_or_init(|| {
        let password = crate::hex(&crate::random_bytes::<16>());
        let (stored, keys) = StoredPassword::new(&password, PasswordCost::STANDARD).expect("standard parameters");
        let totp = seal::wrap_under_key(&crate::totp::new_secret(), &keys.wrap).expect("sealing works");
        (stored, totp)
    })
}

fn refused() -> DeskError {
    DeskError::Refused("name, password or code not accepted".into())
}

/// A right code that was used already, or that could have been before the server started: only
/// someone who has both factors learns this.
fn used_code() -> DeskError {
    DeskError::CodeUsed
}

/// Checks a password and a TOTP code and unwraps the account's identity. Both factors are
/// checked, at the cost of one password hash whichever is wrong, before anything is unwrapped.
/// `first_use(account, step)` says whether the code's time step is used for the first time: the
/// caller remembers steps in memory (a store of them would keep reviewers' sign-in times to 30
/// seconds) and refuses, after a restart, every step that could have been used before it. A wrong
/// name, password or code is one error, so that they cannot be told apart; a code already used
/// is told apart (only someone with both factors sees it), so that a reviewer knows to wait.
pub async fn sign_in<S: ReportStore>(
    store: &S,
    name: &str,
    password: &str,
    code: &str,
    first_use: impl FnOnce(&str, u64) -> bool,
) -> Result<SignedIn, DeskError> {
    let account = store.account(name).await?;
    if let Some(account) = account.as_ref().filter(|a| StoredPassword::parse(&a.password_hash).is_none()) {
        return sign_in_earlier_form(store, account, password, code, first_use).await;
    }
    let checked = account.as_ref().map(|a| (StoredPassword::parse(&a.password_hash), a.totp_sealed.clone()));
    let (password, code) = (Zeroizing::new(password.to_string()), Zeroizing::new(code.to_string()));
    let (both_right, step, keys) = blocking(move || -> Result<_, DeskError> {
        let (stored, totp_sealed) = match checked {
            Some((Some(stored), totp_sealed)) => (stored, totp_sealed),
            _ => nobody().clone(),
        };
        let (password_right, keys) = stored.check(&password)?;
        // With a wrong password the key opens nothing; the code is still checked, against a
        // secret nobody has, so that this path costs the same.
        let secret = seal::unwrap_under_key(&totp_sealed, &keys.wrap)
            .unwrap_or_else(|_| Zeroizing::new(crate::random_bytes::<20>().to_vec()));
        let step = crate::totp::verify(&secret, &code);
        Ok((password_right & step.is_some(), step, keys))
    })
    .await?;
    let (Some(account), true, Some(step)) = (account, both_right, step) else { return Err(refused()) };
    if !account.active {
        return Err(refused());
    }
    if !first_use(&account.name, step) {
        return Err(used_code());
    }
    store.append_audit(&event(name, "account.signed-in", name)).await?;
    let identity = seal::unwrap_identity_under_key(&account.identity_sealed, &keys.wrap).map_err(|_| refused())?;
    Ok(SignedIn { name: account.name, role: account.role, identity })
}

/// Signs in an account made before passwords derived keys (its secrets sealed under the password
/// itself), then seals them again in the current form, so that this slower path is taken once.
async fn sign_in_earlier_form<S: ReportStore>(
    store: &S,
    account: &Account,
    password: &str,
    code: &str,
    first_use: impl FnOnce(&str, u64) -> bool,
) -> Result<SignedIn, DeskError> {
    let owned = (Zeroizing::new(password.to_string()), account.totp_sealed.clone(), account.password_hash.clone());
    let totp = blocking(move || {
        let (password, totp_sealed, hash) = owned;
        let right = password::verify_earlier_form(&hash, &password);
        // The secret is sealed under the password itself: try to open it even when the password
        // is wrong, so that a wrong password takes as long as a right one with a wrong code.
        let totp = seal::unwrap_bytes(&totp_sealed, if right { &password } else { "not the password" });
        totp.ok().filter(|_| right)
    })
    .await;
    let Some(totp) = totp else { return Err(refused()) };
    let step = crate::totp::verify(&totp, code);
    let (true, Some(step)) = (account.active, step) else { return Err(refused()) };
    let name = &account.name;
    if !first_use(name, step) {
        return Err(used_code());
    }
    store.append_audit(&event(name, "account.signed-in", name)).await?;
    let identity = seal::unwrap_identity(&account.identity_sealed, password).map_err(|_| refused())?;
    let owned = Zeroizing::new(password.to_string());
    let (stored, keys) = blocking(move || StoredPassword::new(&owned, PasswordCost::STANDARD)).await?;
    let rewrapped = Account {
        password_hash: stored.to_text(),
        totp_sealed: seal::wrap_under_key(&totp, &keys.wrap)?,
        identity_sealed: seal::wrap_identity_under_key(&identity, &keys.wrap)?,
        ..account.clone()
    };
    store.rewrap_account(&rewrapped, &event("system", "account.rewrapped", name)).await?;
    Ok(SignedIn { name: account.name.clone(), role: account.role.clone(), identity })
}

/// The account's keys if `password` is its password.
async fn keys_of(account: &Account, password: &str) -> Result<Option<PasswordKeys>, DeskError> {
    let Some(stored) = StoredPassword::parse(&account.password_hash) else { return Ok(None) };
    let password = Zeroizing::new(password.to_string());
    let (right, keys) = blocking(move || stored.check(&password)).await?;
    Ok(right.then_some(keys))
}

/// Exports an account's age identity (`AGE-SECRET-KEY-1…`) for offline decryption with `age -d`.
pub async fn export_identity<S: ReportStore>(
    store: &S,
    name: &str,
    password: &str,
) -> Result<Zeroizing<String>, DeskError> {
    let account = store.account(name).await?.ok_or_else(|| DeskError::Refused(format!("no account {name}")))?;
    let identity = if StoredPassword::parse(&account.password_hash).is_some() {
        let keys = keys_of(&account, password).await?.ok_or_else(|| DeskError::Refused("wrong password".into()))?;
        seal::unwrap_identity_under_key(&account.identity_sealed, &keys.wrap)?
    } else if password::verify_earlier_form(&account.password_hash, password) {
        seal::unwrap_identity(&account.identity_sealed, password)?
    } else {
        return Err(DeskError::Refused("wrong password".into()));
    };
    store.append_audit(&event(name, "key.exported", name)).await?;
    Ok(seal::identity_text(&identity))
}

/// Activates or deactivates an account: a deactivated account cannot sign in, its sessions end
/// at their next request, and new reports are no longer sealed to it.
pub async fn set_active<S: ReportStore>(store: &S, by: &str, name: &str, active: bool) -> Result<(), DeskError> {
    let action = if active { "account.activated" } else { "account.deactivated" };
    store.set_account_active(name, active, &event(by, action, name)).await.map_err(|e| match e {
        lookout_store::StoreError::NotFound(why) | lookout_store::StoreError::Conflict(why) => DeskError::Refused(why),
        other => other.into(),
    })
}
