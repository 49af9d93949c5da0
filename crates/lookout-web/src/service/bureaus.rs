//! Bureaus: a public security bureau and the stations it is reported to operate.

use crate::i18n::{Lang, Localized};
use crate::service::local_names::name_in;
use lookout_core::{EntityId, EntityView, Schema};
use lookout_store::Store;

use crate::error::WebError;
use crate::service::stations::{list_stations, StationQuery, StationRow};

/// A bureau's page.
#[derive(Debug, Clone)]
pub struct BureauPage {
    /// Its name in the interface's language (the record's Chinese name in Chinese).
    pub name: String,
    /// The language tag of that name.
    pub name_lang: &'static str,
    /// Its other names and aliases, each with its language tag.
    pub aliases: Vec<(String, &'static str)>,
    /// The city whose bureau it is, with its Chinese names, from the gazetteer.
    pub jurisdiction: Option<String>,
    /// Stations it is reported to operate.
    pub stations: Vec<StationRow>,
}

/// Loads a bureau's page.
pub async fn bureau_page<S: Store>(store: &S, countries: &Localized<'_>, id: &str) -> Result<BureauPage, WebError> {
    let not_found = || WebError::NotFound(format!("bureau {id:?}"));
    let entity_id = EntityId::new(id).map_err(|_| not_found())?;
    let record = lookout_store::public_entity(store, &entity_id)
        .await?
        .filter(|r| r.entity.schema == Schema::PublicBody)
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
    let name = name_in(&view, countries.lang).unwrap_or_else(|| id.to_string());
    let tag = |n: &str| if n.chars().any(lookout_text::is_han) { Lang::Zh.tag() } else { Lang::En.tag() };
    Ok(BureauPage {
        name_lang: tag(&name),
        aliases: view
            .values("name")
            .into_iter()
            .chain(view.values("alias"))
            .filter(|n| *n != name)
            .map(|n| (n.to_string(), tag(n)))
            .collect(),
        name,
        jurisdiction,
        stations,
    })
}
