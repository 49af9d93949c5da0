//! Proposals from the mentions of sample sentences.

use super::*;
use crate::mentions::testing;

/// A station of the record in a city of the gazetteer.
fn station(id: &str, city: &str, geonameid: u32, country: &str) -> KnownStation {
    KnownStation {
        id: EntityId::new(id).unwrap(),
        city: city.into(),
        geonameid: Some(geonameid),
        country: Some(country.into()),
    }
}

/// The record's two Dutch stations.
fn dutch_stations() -> Vec<KnownStation> {
    vec![station("station-ST033", "Rotterdam", 2747891, "NL"), station("station-ST034", "Amsterdam", 2759794, "NL")]
}

fn known() -> Known {
    Known::new(
        dutch_stations(),
        vec![KnownBody {
            id: EntityId::new("publicbody-fuzhou-psb").unwrap(),
            schema: Schema::PublicBody,
            names: vec!["Fuzhou Public Security Bureau".into(), "Fuzhou PSB".into()],
        }],
    )
}

fn doc() -> DocumentRef {
    DocumentRef {
        source_id: SourceId::for_url("https://nos.nl/x"),
        sha256: "a".repeat(64),
        claimant: "nos.nl".into(),
        published: Some("2022-11-01".parse().unwrap()),
    }
}

/// Mentions with bodies linked the way `lookout ingest` links them (here: by a known name), and
/// times resolved against the document's date.
fn mentions(text: &str) -> Vec<Mention> {
    let mut ms = testing::mentions_of(text, doc().published.unwrap());
    for m in ms.iter_mut().filter(|m| m.kind() == Kind::Organisation) {
        if m.text_in(text).starts_with("Fuzhou") || m.text_in(text).starts_with("福州") {
            m.what = What::Organisation { entity: Some(EntityId::new("publicbody-fuzhou-psb").unwrap()) };
        }
    }
    ms
}

#[test]
fn a_station_sentence_proposes_the_station_and_its_operator() {
    let text = "Officials said the police station in Rotterdam was run by the Fuzhou PSB. \
                Rotterdam has a large port.";
    let ps = propose(text, &mentions(text), &known(), &doc());
    let station: Vec<_> = ps.iter().filter(|p| p.kind == ProposalKind::StationMention).collect();
    assert_eq!(station.len(), 1, "{ps:#?}");
    let p = station[0];
    assert_eq!(p.quote, "Officials said the police station in Rotterdam was run by the Fuzhou PSB.");
    let (a, b) = p.span.unwrap();
    assert_eq!(p.quote.chars().skip(a as usize).take((b - a) as usize).collect::<String>(), "Rotterdam");
    let claims: Vec<(&str, &str)> = p.claims.iter().map(|c| (c.prop.as_str(), c.value.as_str())).collect();
    assert_eq!(claims, [("city", "Rotterdam"), ("station", "station-ST033"), ("operator", "publicbody-fuzhou-psb")]);
    assert!(p.summary.contains("operated by Fuzhou Public Security Bureau"), "{}", p.summary);
    let alias = ps.iter().find(|p| p.kind == ProposalKind::BodyMention).unwrap();
    assert_eq!((alias.claims[0].prop.as_str(), alias.claims[0].value.as_str()), ("alias", "Fuzhou PSB"));
}

#[test]
fn two_bureaus_and_two_stations_in_one_sentence_say_nothing_of_who_runs_which() {
    let text = "据报道，福州市公安局和青田县公安局在荷兰鹿特丹和阿姆斯特丹设立了海外服务站。";
    let ps = propose(text, &mentions(text), &known(), &doc());
    let stations: Vec<_> = ps.iter().filter(|p| p.kind == ProposalKind::StationMention).collect();
    assert_eq!(stations.len(), 2);
    assert!(stations.iter().all(|p| p.claims.len() == 1), "{stations:#?}");
}

#[test]
fn chinese_city_names_find_the_station_and_figures_take_the_sentence_date() {
    let text = "据报道，福州市公安局在鹿特丹设立了海外警务服务站。2022年12月，共有102个海外警务站。";
    let ps = propose(text, &mentions(text), &known(), &doc());
    let station = ps.iter().find(|p| p.kind == ProposalKind::StationMention).expect("station");
    assert_eq!(station.claims[0].value, "Rotterdam");
    assert_eq!(station.claims.len(), 3, "the bureau in the sentence operates it");
    let figure = ps.iter().find(|p| p.kind == ProposalKind::Figure).expect("figure");
    let get = |prop: &str| figure.claims.iter().find(|c| c.prop == prop).map(|c| c.value.clone());
    assert_eq!(get("value").as_deref(), Some("102"));
    assert_eq!(get("asOf").as_deref(), Some("2022-12"));
    assert_eq!(get("claimedBy").as_deref(), Some("nos.nl"));
    assert!(figure.quote.starts_with("2022年12月"));
}

#[test]
fn unknown_bodies_are_proposed_once_and_places_without_station_words_are_not_stations() {
    let text = "The Lishui PSB issued a notice. The Lishui PSB denied it. Amsterdam has many canals. \
                54 police stations were counted; the document was published later.";
    let ps = propose(text, &mentions(text), &known(), &doc());
    assert!(ps.iter().all(|p| p.kind != ProposalKind::StationMention), "{ps:#?}");
    let new: Vec<_> = ps.iter().filter(|p| p.kind == ProposalKind::NewBody).collect();
    assert_eq!(new.len(), 1, "one proposal per name and document");
    assert_eq!(new[0].entities[0].schema, Schema::PublicBody);
    assert_eq!(new[0].claims[1].value, "CN");
    let figure = ps.iter().find(|p| p.kind == ProposalKind::Figure).unwrap();
    assert!(figure.claims.iter().any(|c| c.prop == "asOf" && c.value == "2022-11-01"), "the document's date");
    let mut batch = lookout_core::Batch::new("test");
    batch.add_source(lookout_core::Source::from_url("https://nos.nl/x"));
    for p in ps {
        batch.add_proposal(p).expect("every proposal fits the schemata");
    }
}

/// The status steps proposed: (station, status, date, claimant).
/// Each status step proposed, a row per station it holds: station, status, date, claimant.
fn steps(ps: &[Proposal]) -> Vec<(String, String, Option<String>, Option<String>)> {
    ps.iter()
        .filter(|p| p.kind == ProposalKind::StatusStep)
        .flat_map(|p| {
            p.claims.iter().map(|c| {
                assert_eq!(c.prop, "status");
                (c.entity_id.to_string(), c.value.clone(), c.valid_from.map(|d| d.to_string()), p.claimant.clone())
            })
        })
        .collect()
}

/// The stations `text` is proposed to have had denied, against `known`.
fn denied_stations(known: &Known, text: &str) -> Vec<String> {
    steps(&propose(text, &mentions(text), known, &doc()))
        .into_iter()
        .filter(|(_, st, ..)| st == "denied")
        .map(|(s, ..)| s)
        .collect()
}

#[test]
fn status_steps_are_dated_from_the_text_and_claimed_by_who_says_so() {
    // Published 2022-11-01, a Tuesday.
    let text = "Dutch police stations ordered closed\n\
                The police station in Rotterdam must close immediately, the Foreign Ministry said yesterday. \
                The Chinese embassy denied that the Amsterdam office was a police station.";
    let ps = propose(text, &mentions(text), &known(), &doc());
    let got = steps(&ps);
    assert_eq!(
        got,
        [
            ("station-ST033".into(), "closure_ordered".into(), None, None),
            ("station-ST034".into(), "closure_ordered".into(), None, None),
            (
                "station-ST033".into(),
                "closure_ordered".into(),
                Some("2022-10-31".into()),
                Some("Foreign Ministry".into())
            ),
            ("station-ST034".into(), "denied".into(), None, None),
        ],
        "the headline (no full stop) reports its step undated, of the stations the text names; the \
         denial is undated: a reader does not date it by the sentence before: {ps:#?}"
    );
    let mut batch = lookout_core::Batch::new("test");
    batch.add_source(lookout_core::Source::from_url("https://nos.nl/x"));
    for p in ps {
        batch.add_proposal(p).expect("status steps fit the schemata");
    }
}

#[test]
fn a_step_in_two_clauses_is_read_in_each_with_its_own_place_and_time() {
    // Published 2022-11-01.
    let text = "警方去年10月在鹿特丹对所谓的警侨服务站展开调查,今年3月,警方亦调查位于阿姆斯特丹的服务站。";
    let got: Vec<(String, Option<String>)> =
        steps(&propose(text, &mentions(text), &known(), &doc())).into_iter().map(|(s, _, d, _)| (s, d)).collect();
    assert_eq!(
        got,
        [("station-ST033".into(), Some("2021-10".into())), ("station-ST034".into(), Some("2022-03".into()))]
    );
}

#[test]
fn an_undated_order_is_news_of_the_day_unless_the_text_says_it_came_earlier() {
    let dated = |text: &str| steps(&propose(text, &mentions(text), &known(), &doc()))[0].2.clone();
    assert_eq!(dated("荷兰政府下令关闭鹿特丹的服务站。"), Some("2022-11-01".into()));
    assert_eq!(dated("本台此前曾报道,荷兰政府已下令关闭鹿特丹的服务站。"), None);
}

#[test]
fn a_text_about_one_station_means_it_where_a_sentence_names_none() {
    let text = "A police station in Rotterdam was exposed. Two men were arrested on Monday, police said. \
                昨天，鹿特丹的警察站被搜查。";
    let ps = propose(text, &mentions(text), &known(), &doc());
    let got: Vec<(String, String, Option<String>)> = steps(&ps).into_iter().map(|(s, st, d, _)| (s, st, d)).collect();
    assert_eq!(
        got,
        [
            ("station-ST033".into(), "reported".into(), None),
            ("station-ST033".into(), "arrested".into(), Some("2022-10-31".into())),
            ("station-ST033".into(), "searched_by_police".into(), Some("2022-10-31".into())),
        ]
    );
    assert!(steps(&propose("The weather in Rotterdam was fine.", &mentions("x"), &known(), &doc())).is_empty());
    // A region's step is of the stations in it, and each clause's step of its own places.
    let text = "Police in South Holland raided the police station, and North Holland ordered the other one closed.";
    let got: Vec<(String, String)> =
        steps(&propose(text, &mentions(text), &known(), &doc())).into_iter().map(|(s, st, _, _)| (s, st)).collect();
    assert_eq!(
        got,
        [("station-ST033".into(), "searched_by_police".into()), ("station-ST034".into(), "closure_ordered".into())]
    );
    // A line the layout wrapped, or a subheading, is no headline.
    let text = "In Rotterdam, the police station was\nclosed by the city, it said\nFurther raids\n";
    assert!(steps(&propose(text, &mentions(text), &known(), &doc())).is_empty(), "{text}");
    // A headline is one though a line in lower case follows it after a blank line; its state
    // may be written as one character (荷政府, the Dutch government).
    // (英政府, the British government).
    let london = Known::new(vec![station("station-ST030", "London", 2643743, "GB")], Vec::new());
    let text = "英政府稱中國已關閉當地祕密警察站 中國反擊\n\nmm-logo\n";
    let got: Vec<(String, String)> =
        steps(&propose(text, &mentions(text), &london, &doc())).into_iter().map(|(s, st, _, _)| (s, st)).collect();
    assert_eq!(got, [("station-ST030".into(), "closed_per_host_government".into())]);
    // A headline of stations in a country reports them; a sentence that only names the country
    // does not.
    let text = "The Netherlands has many police stations.";
    assert!(steps(&propose(text, &mentions(text), &known(), &doc())).is_empty(), "{text}");
    let text = "Expose China's Secret Police Stations in the Netherlands\n\nIt has canals.";
    let got: Vec<(String, String)> =
        steps(&propose(text, &mentions(text), &known(), &doc())).into_iter().map(|(s, st, _, _)| (s, st)).collect();
    assert_eq!(got, [("station-ST033".into(), "reported".into()), ("station-ST034".into(), "reported".into())]);
}

#[test]
fn a_chinese_text_tells_a_city_s_stations_apart_by_the_qualifier_it_writes_in_chinese() {
    let station = |id: &str, city: &str| KnownStation {
        id: EntityId::new(id).unwrap(),
        city: city.into(),
        geonameid: Some(5128581),
        country: Some("US".into()),
    };
    let known = Known::new(
        vec![station("station-ST001", "New York (Manhattan, Chinatown)"), station("station-ST055", "New York")],
        Vec::new(),
    );
    let text = "美國國務院證實,紐約曼哈頓華埠的警務站已經關閉。";
    let got: Vec<(String, String)> =
        steps(&propose(text, &mentions(text), &known, &doc())).into_iter().map(|(s, st, ..)| (s, st)).collect();
    assert_eq!(got, [("station-ST001".to_string(), "closed_per_host_government".to_string())]);
    let text = "紐約的警務站已經關閉。";
    let got: Vec<String> =
        steps(&propose(text, &mentions(text), &known, &doc())).into_iter().map(|(s, ..)| s).collect();
    assert_eq!(got, ["station-ST001", "station-ST055"], "no qualifier: both");
}

#[test]
fn a_sentence_naming_no_place_is_of_the_stations_the_text_names_when_they_are_of_one_country() {
    let canada = vec![
        station("station-ST002", "Toronto", 6167865, "CA"),
        station("station-ST058", "Vancouver", 6173331, "CA"),
        station("station-ST085", "Calgary", 5913490, "CA"),
    ];
    let text =
        "Police stations in Toronto, Vancouver and Calgary were reported. The Chinese embassy denies the claims.";
    let all = ["station-ST002", "station-ST058", "station-ST085"];
    assert_eq!(denied_stations(&Known::new(canada.clone(), Vec::new()), text), all);
    // Stations of two countries: the sentence says of which none, unless the sentence before,
    // in its paragraph, named them.
    let mut mixed = canada;
    mixed[2] = station("station-ST085", "Calgary", 5913490, "US");
    assert_eq!(denied_stations(&Known::new(mixed.clone(), Vec::new()), text), all);
    let text =
        "Police stations in Toronto, Vancouver and Calgary were reported.\nThe Chinese embassy denies the claims.";
    assert!(denied_stations(&Known::new(mixed, Vec::new()), text).is_empty());
}

#[test]
fn a_country_s_stations_are_those_in_its_cities_else_those_placed_in_the_country_only() {
    let station = |id: &str, city: &str, geonameid: Option<u32>, country: &str| KnownStation {
        id: EntityId::new(id).unwrap(),
        city: city.into(),
        geonameid,
        country: Some(country.into()),
    };
    let known = Known::new(
        vec![
            station("station-ST046", "Belgrade", Some(792680), "RS"),
            station("station-ST077", "", None, "RS"),
            station("station-ST076", "", None, "HR"),
        ],
        Vec::new(),
    );
    let text = "Police ministries in Serbia and Croatia have denied allowing China to operate police stations.";
    assert_eq!(denied_stations(&known, text), ["station-ST046", "station-ST076"]);
    // A country the record names a station after takes that one, and the other countries of the
    // list all of theirs.
    let known = Known::new(
        vec![station("station-ST030", "UK", None, "GB"), station("station-ST033", "Rotterdam", Some(2747891), "NL")],
        Vec::new(),
    );
    let text = "Police stations have popped up in the UK, Germany, the Netherlands and Canada.";
    let reported: Vec<String> =
        steps(&propose(text, &mentions(text), &known, &doc())).into_iter().map(|(s, ..)| s).collect();
    assert_eq!(reported, ["station-ST030", "station-ST033"]);
}

#[test]
fn in_a_text_about_one_station_a_step_needs_no_word_for_it() {
    let text = "A restaurant in Rotterdam was named as a secret police station. The city has a large port. Its owner previously denied any wrongdoing.";
    let got: Vec<(String, String)> =
        steps(&propose(text, &mentions(text), &known(), &doc())).into_iter().map(|(s, st, ..)| (s, st)).collect();
    assert!(got.contains(&("station-ST033".to_string(), "denied".to_string())), "{got:?}");
    // Naming more than two stations, the text does not say of which.
    let text = "Secret police stations in Rotterdam, Amsterdam and Utrecht were named. The city has a large port. Its owner previously denied any wrongdoing.";
    let three = Known::new(
        vec![
            station("station-ST033", "Rotterdam", 2747891, "NL"),
            station("station-ST034", "Amsterdam", 2759794, "NL"),
            station("station-ST999", "Utrecht", 2745912, "NL"),
        ],
        Vec::new(),
    );
    let got = steps(&propose(text, &mentions(text), &three, &doc()));
    assert!(!got.iter().any(|(_, st, ..)| st == "denied"), "{got:?}");
}

#[test]
fn a_body_that_hosts_a_station_names_it() {
    let glasgow = KnownStation {
        id: EntityId::new("station-ST032").unwrap(),
        city: "Glasgow".into(),
        geonameid: Some(2648579),
        country: Some("GB".into()),
    };
    let host = EntityId::new("organization-loon-fung").unwrap();
    let known =
        Known::new(vec![glasgow], Vec::new()).with_hostings([(host.clone(), EntityId::new("station-ST032").unwrap())]);
    let text = "The Loon Fung Association denied running a police station.";
    let mut ms = testing::mentions_of(text, doc().published.unwrap());
    let body = ms.iter_mut().find(|m| m.kind() == Kind::Organisation).expect("the association is a body");
    assert_eq!(body.text_in(text), "Loon Fung Association");
    body.what = What::Organisation { entity: Some(host) };
    let got: Vec<(String, String)> =
        steps(&propose(text, &ms, &known, &doc())).into_iter().map(|(s, st, ..)| (s, st)).collect();
    assert_eq!(got, [("station-ST032".to_string(), "denied".to_string())]);
    // Unlinked, the body names no station.
    let ms = testing::mentions_of(text, doc().published.unwrap());
    assert!(steps(&propose(text, &ms, &known, &doc())).is_empty());
}

#[test]
fn a_sentence_of_a_station_s_city_reports_the_station_when_no_other_step_does() {
    let text = "One of the police stations is in a shop in Rotterdam. The station was closed. \
                Rotterdam has a large port.";
    let ps = propose(text, &mentions(text), &known(), &doc());
    assert_eq!(
        steps(&ps),
        [
            ("station-ST033".into(), "reported".into(), None, None),
            ("station-ST033".into(), "closed".into(), None, None),
        ],
        "the station's sentence reports it, the closure is the closure, the port no station: {ps:#?}"
    );
}

#[test]
fn a_text_that_names_one_country_far_more_than_others_speaks_of_its_stations() {
    let mut stations = dutch_stations();
    stations.push(station("station-ST030", "London", 2643743, "GB"));
    let known = Known::new(stations, Vec::new());
    let answer = "Asked whether she had spoken with the Netherlands. Reports of police stations in the UK are \
                  concerning. Any country operating on UK soil must abide by UK law. On the alleged police \
                  stations, I am assured that the police are investigating.";
    let got: Vec<(String, String)> =
        steps(&propose(answer, &mentions(answer), &known, &doc())).into_iter().map(|(s, st, ..)| (s, st)).collect();
    // (The step model reads "Reports of police stations in the UK are concerning" as a report,
    // as the labels of two Hansard answers do.)
    assert_eq!(
        got,
        [
            ("station-ST030".to_string(), "reported".to_string()),
            ("station-ST030".to_string(), "under_investigation".to_string())
        ]
    );
    // Named as often as another, it is not the text's country.
    let even = "Asked whether she had spoken with the Netherlands and the UK. On the alleged police stations, \
                I am assured that the police are investigating.";
    assert!(steps(&propose(even, &mentions(even), &known, &doc())).is_empty());
}

#[test]
fn a_newsroom_s_report_of_a_station_s_city_is_no_report_of_the_station() {
    let text = "阿姆斯特丹的警察站被曝光。報道指,他是2021年流亡至阿姆斯特丹的異議人士。";
    let got: Vec<(String, String, Option<String>)> =
        steps(&propose(text, &mentions(text), &known(), &doc())).into_iter().map(|(s, st, d, _)| (s, st, d)).collect();
    assert_eq!(got, [("station-ST034".to_string(), "reported".to_string(), None)]);
}

#[test]
fn a_city_s_area_holds_the_stations_near_it() {
    let known = Known::new(
        vec![station("station-ST085", "Montreal", 6077243, "CA"), station("station-ST086", "Brossard", 5909629, "CA")],
        Vec::new(),
    );
    let ids = |text: &str| -> Vec<String> {
        steps(&propose(text, &mentions(text), &known, &doc())).into_iter().map(|(s, ..)| s).collect()
    };
    assert_eq!(ids("RCMP正在调查蒙特利尔地区的两个警察站。"), ["station-ST085", "station-ST086"]);
    assert_eq!(ids("RCMP正在调查蒙特利尔的一个警察站。"), ["station-ST085"]);
    // As many as a count after the city says.
    assert_eq!(ids("加拿大警方正在调查蒙特利尔的2个警察站。"), ["station-ST085", "station-ST086"]);
}

#[path = "tests_scope.rs"]
mod scope;

#[path = "tests_when_and_who.rs"]
mod when_and_who;

#[path = "tests_hostile.rs"]
mod hostile;
