//! `lookout release`: cut a signed release, make a signing key, verify a release.

use std::path::{Path, PathBuf};

use anyhow::Context;
use lookout_core::Timestamp;
use lookout_release::release::{
    cut_release, generate_key, interrupted, read_public_key, verify_release, CutOptions, Password, Publisher,
    ReleaseError, SigningKey, MANIFEST, PUBLIC_KEY, SHA256SUMS,
};
use lookout_store::Store;

use super::password::read_password;

/// The folder releases are kept in, inside the data directory (where `serve` lists them).
pub fn releases_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("releases")
}

fn password(prompt: &str, confirm: bool) -> anyhow::Result<Password> {
    let text = read_password(prompt, confirm)?;
    Ok(Password::new(text.to_string())?)
}

/// `lookout release keygen --key FILE`.
pub fn keygen(key: &Path) -> anyhow::Result<()> {
    let password = password("password for the new release key", true)?;
    eprintln!("deriving the key's encryption from the password…");
    let public = generate_key(key, &password)?;
    let text = std::fs::read_to_string(&public).with_context(|| format!("cannot read {}", public.display()))?;
    eprintln!("secret key (encrypted, keep it off the server if you can): {}", key.display());
    eprintln!("public key: {}", public.display());
    println!("{}", text.lines().nth(1).unwrap_or_default());
    Ok(())
}

/// `lookout release [--out DIR] --key FILE`.
pub async fn cut(data_dir: &Path, out: Option<&Path>, key: &Path, publisher: Publisher) -> anyhow::Result<()> {
    // Before the password is asked for: a missing key is said at once.
    if !key.exists() {
        return Err(ReleaseError::KeyMissing(key.to_path_buf()).into());
    }
    let password = password("password of the release key", false)?;
    let key = SigningKey::open(key, &password)?;
    let releases_dir = out.map_or_else(|| releases_dir(data_dir), Path::to_path_buf);
    for folder in interrupted(&releases_dir) {
        eprintln!("note: {} is left from an interrupted release; it is not listed, remove it", folder.display());
    }
    let store = super::open_store(data_dir).await?;
    if store.is_empty().await? {
        store.close().await;
        anyhow::bail!(
            "{}: the record is empty, nothing to release (import data, or run `lookout serve` once to import the bundled dataset)",
            data_dir.display()
        );
    }
    let options = CutOptions { releases_dir, day: Timestamp::now().day(), key: &key, publisher };
    let result = cut_release(&store, &options, |step| eprintln!("writing {step}")).await;
    store.close().await;
    let release = result?;
    let m = &release.manifest;
    let dir = release.dir.display();
    eprintln!(
        "release {} in {dir}: {} statements about {} entities; since {}: {} added, {} withdrawn, {} changed",
        m.id,
        m.counts.statements,
        m.counts.entities.values().sum::<u64>(),
        m.previous.as_ref().map_or_else(|| "nothing (first release)".to_string(), ToString::to_string),
        m.changes.added,
        m.changes.withdrawn,
        m.changes.changed,
    );
    eprintln!("anyone can check it: minisign -Vm {dir}/{MANIFEST} -p {dir}/{PUBLIC_KEY} && (cd {dir} && sha256sum -c {SHA256SUMS})");
    println!("{}", m.id);
    Ok(())
}

/// `lookout release verify DIR [--public-key FILE]`.
pub fn verify(dir: &Path, public_key: Option<&Path>) -> anyhow::Result<()> {
    let key = public_key.map(read_public_key).transpose()?;
    let verified =
        verify_release(dir, key.as_ref()).with_context(|| format!("release {} does not verify", dir.display()))?;
    let m = &verified.manifest;
    println!("release {}: signature good, {} files match the signed manifest", m.id, m.files.len());
    if !verified.key_given {
        eprintln!(
            "note: checked with the key the release carries ({}); that shows the files are the ones signed, \
             not who signed them: compare the key with the publisher's (on its /data page) or pass --public-key",
            m.public_key
        );
    }
    Ok(())
}
