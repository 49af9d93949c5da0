//! Names in the interface's language: the Chinese interface shows the record's Chinese name of a
//! bureau, a host or a place (a `name` or `alias` statement written in Han characters, each with
//! its source), the English one its Latin name; either falls back to the other rather than show an
//! id. The record's names only: nothing is translated here.

use std::collections::HashMap;

use lookout_core::{EntityId, EntityView, StatementStatus};
use lookout_store::{EntityRecord, Store};

use crate::error::WebError;
use crate::i18n::Lang;

fn has_han(text: &str) -> bool {
    text.chars().any(lookout_text::is_han)
}

/// An entity's name in `lang`: for Chinese its first name (or alias) in Han characters, for
/// English its first name in another script; else its first name.
pub(crate) fn name_in(view: &EntityView, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    let names: Vec<&str> = view.values("name").into_iter().chain(view.values("alias")).collect();
    names.iter().copied().find(|n| has_han(n) == zh).or_else(|| view.first("name")).map(str::to_string)
}

/// The names in `lang` of the places the `stations` are placed at (place id → name), read in one
/// query; empty for English, where a station keeps its city as its sources write it.
pub(crate) async fn place_names<S: Store>(
    store: &S,
    stations: &[EntityRecord],
    lang: Lang,
) -> Result<HashMap<String, String>, WebError> {
    if lang != Lang::Zh {
        return Ok(HashMap::new());
    }
    let mut ids: Vec<EntityId> = stations
        .iter()
        .flat_map(|r| r.statements.iter().filter(|s| s.prop == "place" && s.status == StatementStatus::Accepted))
        .filter_map(|s| EntityId::new(s.value.clone()).ok())
        .collect();
    ids.sort();
    ids.dedup();
    Ok(store
        .entities(&ids)
        .await?
        .into_iter()
        .filter_map(|p| {
            let view = EntityView::fold(p.entity, &p.statements);
            let name = view.values("name").into_iter().find(|n| has_han(n))?.to_string();
            Some((view.entity.id.to_string(), name))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lookout_core::{Batch, Claim, Schema, Source};

    fn bureau(names: &[(&str, &str)]) -> EntityView {
        let id = EntityId::new("publicbody-x".to_string()).unwrap();
        let mut batch = Batch::new("test");
        batch.add_entity(&id, Schema::PublicBody).unwrap();
        let source = batch.add_source(Source::from_url("https://news.example/a"));
        for (prop, value) in names {
            batch.add_claim(Claim::new(&id, prop, *value, &source)).unwrap();
        }
        EntityView::fold(batch.entities[0].clone(), &batch.statements)
    }

    #[test]
    fn the_name_in_each_language_or_the_other() {
        let both = bureau(&[("name", "Fuzhou Public Security Bureau"), ("alias", "福州市公安局")]);
        assert_eq!(name_in(&both, Lang::Zh).as_deref(), Some("福州市公安局"));
        assert_eq!(name_in(&both, Lang::En).as_deref(), Some("Fuzhou Public Security Bureau"));
        let english = bureau(&[("name", "Wenzhou Public Security Bureau")]);
        assert_eq!(name_in(&english, Lang::Zh).as_deref(), Some("Wenzhou Public Security Bureau"));
        let chinese = bureau(&[("name", "南通市公安局")]);
        assert_eq!(name_in(&chinese, Lang::En).as_deref(), Some("南通市公安局"));
        assert_eq!(name_in(&bureau(&[]), Lang::Zh), None);
    }
}
