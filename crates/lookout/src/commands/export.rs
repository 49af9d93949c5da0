//! `lookout export`.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use lookout_release::{export, ExportFormat};

/// Writes the export to `out` (atomically, through a temporary file) or standard output.
pub async fn run(data_dir: &Path, format: ExportFormat, out: Option<&Path>) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let n = match out {
        Some(path) => {
            let tmp = path.with_extension(format!("{}.partial", format.extension()));
            let file = std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
            let mut writer = BufWriter::new(file);
            let n = export(&store, format, &mut writer).await?;
            writer.flush()?;
            writer.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            std::fs::rename(&tmp, path).with_context(|| format!("cannot move export to {}", path.display()))?;
            n
        }
        None => {
            let stdout = std::io::stdout();
            let mut writer = BufWriter::new(stdout.lock());
            let n = export(&store, format, &mut writer).await?;
            writer.flush()?;
            n
        }
    };
    store.close().await;
    eprintln!("exported {n} records as {}", format.extension());
    Ok(())
}
