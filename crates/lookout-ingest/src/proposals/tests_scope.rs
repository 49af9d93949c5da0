//! Which texts speak of stations at all: a text on another case of transnational repression
//! (Operation Fox Hunt, a spy charged) reports no station's arrests, whatever city it names.

use super::*;

fn new_york() -> Known {
    Known::new(vec![station("station-ST001", "New York City", 5128581, "US")], Vec::new())
}

#[test]
fn a_text_that_names_no_police_station_reports_no_station_s_arrests() {
    let fox_hunt = "A retired New York police officer and two Chinese nationals were convicted on Tuesday \
                    for their roles in Operation Fox Hunt. The US Attorney's Office said so.";
    assert!(steps(&propose(fox_hunt, &mentions(fox_hunt), &new_york(), &doc())).is_empty());
    let station = "Two men were arrested in New York for running a secret police station. \
                   They were convicted on Tuesday.";
    let got: Vec<String> = steps(&propose(station, &mentions(station), &new_york(), &doc()))
        .into_iter()
        .map(|(_, status, ..)| status)
        .collect();
    assert_eq!(got, ["arrested", "convicted"]);
}

#[test]
fn a_station_run_by_a_security_bureau_is_a_police_station() {
    assert!(station_words::names_police_stations(
        "there is a new zealand-based station run by the nantong security bureau"
    ));
    assert!(station_words::names_police_stations("three police stations in canada"));
    assert!(station_words::names_police_stations("the so-called \"police stations\" in canada"));
    // The host country's police stations and secret police are not China's.
    assert!(!station_words::names_police_stations(
        "china said. bail terms include reporting weekly to their local police station"
    ));
    assert!(!station_words::names_police_stations("han chinese died.\n\nswedish secret police gathered evidence"));
    assert!(!station_words::names_police_stations(
        "鹿城区分别在巴西和秘鲁设立海外领事保护服务站,优化领事保护联络站布局"
    ));
    assert!(station_words::names_police_stations("中国在海外设立的警察站"));
    assert!(station_words::names_police_stations("据rtl服务站的报道"), "a Chinese word stands whole after a Latin one");
    assert!(station_words::about_stations("据rtl服务站的报道"));
    assert!(!station_words::names_police_stations("a retired police officer; the us attorney's office said"));
    assert!(!station_words::names_police_stations("美国司法部宣布对8名参与猎狐行动的人员提起诉讼"));
    // Joint patrols and police cooperation are no stations; a secret 警站 is one.
    assert!(!station_words::names_police_stations("中国与克罗地亚首次警务联合巡逻正式启动,深化警务合作"));
    assert!(station_words::names_police_stations("在曼哈顿下城运作“秘密警站”"));
    assert!(
        !station_words::names_police_stations("they met at the train station near the museum"),
        "a station alone is no police station"
    );
    let far = format!("the french police questioned him. {}he lived near the train station", "he waited. ".repeat(8));
    assert!(!station_words::names_police_stations(&far), "nor a station far from the police");
}

#[test]
fn an_office_is_a_station_only_in_a_text_that_names_police_stations() {
    let spies = "The head of the Rotterdam office of China's Ministry of State Security was expelled.";
    assert!(steps(&propose(spies, &mentions(spies), &known(), &doc())).is_empty());
    let stations = "Secret police stations were exposed this year. The Rotterdam office was named too.";
    let got: Vec<(String, String)> = steps(&propose(stations, &mentions(stations), &known(), &doc()))
        .into_iter()
        .map(|(s, st, ..)| (s, st))
        .collect();
    assert!(got.contains(&("station-ST033".to_string(), "reported".to_string())), "{got:?}");
    assert!(station_words::names_police_stations("thirty “110 overseas service posts”"));
}

#[test]
fn a_demonym_of_a_country_of_stations_makes_a_sentence_about_them() {
    let text = "China runs police stations abroad, a group says.\n\nThe Dutch government has started an \
                investigation into the facilities, a spokesperson said.";
    let got: Vec<(String, String)> =
        steps(&propose(text, &mentions(text), &known(), &doc())).into_iter().map(|(s, st, ..)| (s, st)).collect();
    assert_eq!(
        got,
        [
            ("station-ST033".to_string(), "under_investigation".to_string()),
            ("station-ST034".to_string(), "under_investigation".to_string())
        ]
    );
}
