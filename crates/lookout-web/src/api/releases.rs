//! `/api/v1/releases`: the signed releases, newest first.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::Json;
use lookout_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;
use crate::service::releases::ReleaseView;
use crate::state::AppState;

/// The releases, newest first (not paged: a release is cut at most a few times a day).
#[derive(Debug, Serialize, ToSchema)]
pub struct ReleaseList {
    /// Newest first.
    pub data: Vec<ReleaseDoc>,
}

/// A signed release: its manifest's facts and where its files are.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReleaseDoc {
    /// Release id: the day, and `.N` for the N-th release of a day.
    pub id: String,
    /// The day it was cut.
    pub date: String,
    /// The release its changes are counted from.
    pub previous: Option<String>,
    /// The store's data version it was cut from.
    pub data_version: i64,
    /// The minisign public key (base64) that signed its manifest.
    pub public_key: String,
    /// Public entities by schema.
    pub entities: BTreeMap<String, u64>,
    /// Accepted statements.
    pub statements: u64,
    /// Sources cited.
    pub sources: u64,
    /// Statements added since `previous`.
    pub added: u64,
    /// Statements withdrawn since `previous`.
    pub withdrawn: u64,
    /// Statements changed since `previous`.
    pub changed: u64,
    /// `manifest.json`, which lists every file with its size and SHA-256.
    pub manifest_url: String,
    /// The manifest's minisign signature.
    pub signature_url: String,
    /// `SHA256SUMS` (for `sha256sum -c`); its signature is at the same URL with `.minisig`.
    pub checksums_url: String,
    /// The files the manifest lists.
    pub files: Vec<ReleaseFileDoc>,
}

/// One file of a release.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReleaseFileDoc {
    /// File name.
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, lower-case hex.
    pub sha256: String,
    /// Where it is served.
    pub url: String,
}

impl From<ReleaseView> for ReleaseDoc {
    fn from(r: ReleaseView) -> ReleaseDoc {
        let m = &r.manifest;
        ReleaseDoc {
            id: m.id.to_string(),
            date: m.date.clone(),
            previous: m.previous.as_ref().map(ToString::to_string),
            data_version: m.data_version,
            public_key: m.public_key.clone(),
            entities: m.counts.entities.clone(),
            statements: m.counts.statements,
            sources: m.counts.sources,
            added: m.changes.added,
            withdrawn: m.changes.withdrawn,
            changed: m.changes.changed,
            manifest_url: r.href("manifest.json"),
            signature_url: r.href("manifest.json.minisig"),
            checksums_url: r.href("SHA256SUMS"),
            files: m
                .files
                .iter()
                .map(|f| ReleaseFileDoc {
                    name: f.name.clone(),
                    bytes: f.bytes,
                    sha256: f.sha256.clone(),
                    url: r.href(&f.name),
                })
                .collect(),
        }
    }
}

/// The signed releases of the record, newest first, each with its counts, changes and files.
#[utoipa::path(get, path = "/api/v1/releases", tag = "releases",
    responses((status = 200, body = ReleaseList)))]
pub async fn list<S: Store>(State(app): State<AppState<S>>) -> Result<Json<ReleaseList>, ApiError> {
    let releases = app.releases.list()?;
    Ok(Json(ReleaseList { data: releases.into_iter().map(ReleaseDoc::from).collect() }))
}
