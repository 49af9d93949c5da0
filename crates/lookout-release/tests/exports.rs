//! Exports of the bundled dataset, checked for structure and for what must never be exported.

use lookout_core::{Batch, Claim, EntityId, Schema, Source};
use lookout_import::{import_files, Bundled};
use lookout_release::{export_csv, export_ftm, export_geojson, export_json};
use lookout_store::{SqliteStore, Store};
use serde_json::Value;

async fn bundled_store() -> SqliteStore {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let gazetteer = lookout_geo::Gazetteer::bundled();
    let (batch, _) = import_files(&Bundled::files(), &gazetteer, "test").unwrap();
    store.write_batch(&batch).await.unwrap();
    let mut private = Batch::new("test");
    let id = EntityId::new("person-private").unwrap();
    private.add_entity(&id, Schema::Person).unwrap();
    let s = private.add_source(Source::from_url("https://example.org/testimony"));
    private.add_claim(Claim::new(&id, "name", "CANARY PRIVATE PERSON", &s)).unwrap();
    store.write_batch(&private).await.unwrap();
    store
}

#[tokio::test]
async fn geojson_is_a_feature_collection_of_every_station() {
    let store = bundled_store().await;
    let mut out = Vec::new();
    let n = export_geojson(&store, &mut out).await.unwrap();
    assert_eq!(n, 107);
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len(), 107);
    let mut points = 0;
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert!(!f["properties"]["sources"].as_array().unwrap().is_empty(), "every station cites sources");
        match &f["geometry"] {
            Value::Null if f["properties"]["country"].is_null() => {
                assert_eq!(f["properties"]["location_precision"], "none");
                assert!(f["properties"]["unlocated_reason"].is_string(), "says why: {f}");
            }
            Value::Null => assert_eq!(f["properties"]["location_precision"], "country"),
            g => {
                assert_eq!(g["type"], "Point");
                let c = g["coordinates"].as_array().unwrap();
                let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
                assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
                points += 1;
            }
        }
    }
    assert!(points >= 55, "most stations are placed at a city, got {points}");
    let rotterdam = features.iter().find(|f| f["id"] == "station-ST033").unwrap();
    assert_eq!(rotterdam["properties"]["place"], "Rotterdam");
    assert_eq!(rotterdam["properties"]["operators"][0], "Fuzhou Public Security Bureau");
    assert_eq!(rotterdam["properties"]["status"], "closure_ordered", "the latest dated step");
    let lon = rotterdam["geometry"]["coordinates"][0].as_f64().unwrap();
    assert!((4.0..5.0).contains(&lon), "RFC 7946 order is [longitude, latitude]");
    let new_york = features.iter().find(|f| f["id"] == "station-ST001").unwrap();
    assert_eq!(new_york["properties"]["hosts"][0], "America ChangLe Association NY Inc.");
    let israel = features.iter().find(|f| f["id"] == "station-ST087").unwrap();
    assert_eq!((&israel["geometry"], &israel["properties"]["country"]), (&Value::Null, &Value::from("IL")));
    assert!(israel["properties"]["unlocated_reason"].as_str().is_some_and(|w| !w.is_empty()));
}

#[tokio::test]
async fn csv_has_a_row_per_public_accepted_statement_and_no_person() {
    let store = bundled_store().await;
    let mut out = Vec::new();
    let rows = export_csv(&store, &mut out).await.unwrap();
    let stats = store.stats().await.unwrap();
    assert_eq!(rows, stats.statements - 1, "all but the restricted person's statement");
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("statement_id,entity_id,schema,prop,value"));
    assert!(!text.contains("CANARY PRIVATE PERSON"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let copy_column = lookout_release::CSV_COLUMNS.iter().position(|c| *c == "source_copy_of").unwrap();
    let mut copies = 0;
    for record in reader.records() {
        let record = record.unwrap();
        assert!(!record[13].is_empty(), "every row has a source URL");
        if record[13].starts_with("https://liveactioneating.com/") {
            assert!(record[copy_column].starts_with("https://www.newsweek.com/"), "a copy names its original");
            copies += 1;
        }
        if &record[14] == "repost" {
            assert!(!record[copy_column].is_empty(), "a repost names its original: {record:?}");
        }
    }
    assert!(copies > 0, "the bundled record cites a judged copy");
}

#[tokio::test]
async fn json_and_ftm_leave_out_restricted_persons() {
    let store = bundled_store().await;
    let mut json = Vec::new();
    let n = export_json(&store, &mut json).await.unwrap();
    let doc: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(doc["entities"].as_array().unwrap().len() as u64, n);
    assert!(!String::from_utf8_lossy(&json).contains("CANARY"));
    assert!(!String::from_utf8_lossy(&json).contains("example.org/testimony"), "a source only a person cites");
    let sources = doc["sources"].as_array().unwrap();
    let url_of = |id: &Value| sources.iter().find(|s| &s["id"] == id).map(|s| s["url"].clone());
    let copy =
        sources.iter().find(|s| s["url"].as_str().unwrap().starts_with("https://liveactioneating.com/")).unwrap();
    assert!(url_of(&copy["copy_of"]).unwrap().as_str().unwrap().starts_with("https://www.newsweek.com/"), "{copy}");
    assert!(sources.iter().filter(|s| s["kind"] == "repost").all(|s| url_of(&s["copy_of"]).is_some()), "every repost");

    let mut ftm = Vec::new();
    let lines = export_ftm(&store, &mut ftm).await.unwrap();
    let text = String::from_utf8(ftm).unwrap();
    assert_eq!(text.lines().count() as u64, lines);
    assert!(!text.contains("CANARY"));
    let schemas: std::collections::BTreeSet<String> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["schema"].as_str().unwrap().to_string())
        .collect();
    for s in ["Organization", "PublicBody", "Address", "Event", "Note", "UnknownLink"] {
        assert!(schemas.contains(s), "{s} missing from {schemas:?}");
    }
}

/// A decision that a restricted person and a public body are one (an analyst's mistake, or a
/// duplicate pair the workspace offered) gives no export the person's id, as the merged entity's
/// id or as a referent: exports resolve public entities only.
#[tokio::test]
async fn a_decision_joining_a_restricted_person_gives_no_export_their_id() {
    use lookout_core::{Decision, Judgement, Timestamp};
    let store = bundled_store().await;
    let person = EntityId::new("person-private").unwrap();
    let bureau = EntityId::new("publicbody-fuzhou-psb").unwrap();
    assert!(person < bureau, "the person's id would be the canonical one");
    let decision = Decision {
        left: person,
        right: bureau,
        judgement: Judgement::Match,
        decided_by: "ana".into(),
        decided_at: Timestamp::now(),
    };
    store.record_decision(&decision).await.unwrap();
    let mut ftm = Vec::new();
    export_ftm(&store, &mut ftm).await.unwrap();
    let ftm = String::from_utf8(ftm).unwrap();
    assert!(!ftm.contains("person-private"), "FtM names the person");
    assert!(ftm.contains(r#""id":"publicbody-fuzhou-psb""#), "the bureau stands alone");
    let mut gexf = Vec::new();
    lookout_release::export_gexf(&store, &mut gexf).await.unwrap();
    let gexf = String::from_utf8(gexf).unwrap();
    assert!(!gexf.contains("person-private"), "GEXF names the person");
    assert!(gexf.contains(r#"id="publicbody-fuzhou-psb""#), "{gexf}");
}
