//! Bureaus: a public security bureau and the stations it is reported to operate.

use crate::i18n::Localized;
use lookout_core::{EntityId, EntityView, Schema};
use lookout_store::Store;

use crate::error::WebError;
use crate::service::stations::{list_stations, StationQuery, StationRow};

/// A bureau's page.
#[derive(Debug, Clone)]
pub struct BureauPage {
    /// Names.
    pub names: Vec<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// The city whose bureau it is, with its Chinese names, from the gazetteer.
    pub jurisdiction: Option<String>,
    /// Stations it is reported to operate.
    pub stations: Vec<StationRow>,
}

/// Loads a bureau's page.
pub async fn bureau_page<S: Store>(store: &S, countries: &Localized<'_>, id: &str) -> Result<BureauPage, WebError> {
    let not_found = || WebError::NotFound(format!("bureau {id:?}"));
    let entity_id = EntityId::new(id).map_err(|_| not_found())?;
    let record = store
        .entity(&entity_id)
        .await?
        .filter(|r| r.entity.schema == Schema::PublicBody && r.is_public())
        .ok_or_else(not_found)?;
    let view = EntityView::fold(record.entity, &record.statements);
    let jurisdiction = match view.first("jurisdiction").and_then(|j| EntityId::new(j).ok()) {
        Some(place) => {
            store.entity(&place).await?.map(|p| EntityView::fold(p.entity, &p.statements).values("name").join(" / "))
        }
        None => None,
    };
    let query = StationQuery { bureau: Some(id.to_string()), ..Default::default() };
    let stations = list_stations(store, countries, &query).await?.rows;
    Ok(BureauPage {
        names: view.values("name").iter().map(|s| s.to_string()).collect(),
        aliases: view.values("alias").iter().map(|s| s.to_string()).collect(),
        jurisdiction,
        stations,
    })
}
