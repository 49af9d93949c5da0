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
    assert!(cues::names_police_stations("there is a new zealand-based station run by the nantong security bureau"));
    assert!(cues::names_police_stations("three police stations in canada"));
    assert!(cues::names_police_stations("中国在海外设立的警察站"));
    assert!(!cues::names_police_stations("a retired police officer; the us attorney's office said"));
    assert!(!cues::names_police_stations("美国司法部宣布对8名参与猎狐行动的人员提起诉讼"));
    assert!(
        !cues::names_police_stations("they met at the train station near the museum"),
        "a station alone is no police station"
    );
}
