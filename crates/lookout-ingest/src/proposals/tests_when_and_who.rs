//! When a step was and who says so, as the unseen fifth and sixth batches of the corpus wrote
//! them: an order told in an "after … had" clause, a headline's source after its colon, a
//! closure hedged, a demand "already" made, a denial in quotation marks, and their words.

use super::*;
use lookout_core::StationStatus;

/// The steps of `text` as (station, status, date).
fn told(text: &str) -> Vec<(String, String, Option<String>)> {
    steps(&propose(text, &mentions(text), &known(), &doc())).into_iter().map(|(s, st, d, _)| (s, st, d)).collect()
}

#[test]
fn the_day_of_a_sentence_does_not_date_an_order_it_says_had_come_before() {
    // Published Tuesday 2022-11-01.
    let text = "China slammed the Netherlands on Wednesday for hyping up the so-called police stations, \
                after the Dutch government had ordered China to close the police station in Rotterdam.";
    let got = told(text);
    assert!(
        got.iter()
            .any(|(s, st, d)| s == "station-ST033" && st == "closure_ordered" && d.as_deref() != Some("2022-10-26")),
        "{got:?}"
    );
}

#[test]
fn a_headline_gives_the_word_to_the_body_after_its_colon() {
    let text = "Chinese Police Stations in the Netherlands Have ‘Ceased’ Operations: Dutch Police\n\
                The stations were run from restaurants.";
    let closed = |s: &str| (s.to_string(), "closed_per_host_government".to_string(), None);
    assert_eq!(told(text), [closed("station-ST033"), closed("station-ST034")]);
}

#[test]
fn a_demand_already_made_is_not_news_of_the_day() {
    assert_eq!(
        told("荷兰已经要求中方立即关闭在鹿特丹的服务站。"),
        [("station-ST033".into(), "closure_ordered".into(), None)]
    );
}

#[test]
fn an_embassy_not_aware_of_a_station_denies_it() {
    let text = "The Chinese embassy said it was “not aware” of the police station in Rotterdam.";
    assert_eq!(told(text), [("station-ST033".into(), "denied".into(), None)]);
}

#[test]
fn a_hedged_closure_nobody_answers_for_is_a_report_of_one() {
    let text = "The police station in Rotterdam seems to have been shut down.";
    assert_eq!(told(text), [("station-ST033".into(), "reported_closed".into(), None)]);
    let text = "The police station in Rotterdam has been shut down.";
    assert_eq!(told(text), [("station-ST033".into(), "closed".into(), None)]);
}

#[test]
fn a_time_in_a_clause_of_what_came_before_dates_no_later_step() {
    assert_eq!(
        told("在9月发布的报告引起关注后,荷兰已经命令中方关闭鹿特丹的服务站。"),
        [("station-ST033".into(), "closure_ordered".into(), None)]
    );
    let text =
        "China denied it on Tuesday, following an order from the Netherlands to close the police station in Rotterdam.";
    assert!(told(text).iter().any(|(_, st, d)| st == "closure_ordered" && d.is_none()), "{:?}", told(text));
}

#[test]
fn words_of_the_fifth_and_sixth_batches() {
    let step = |text: &str| told(text).into_iter().map(|(_, st, _)| st).collect::<Vec<_>>();
    assert_eq!(step("鹿特丹的服务站目前停止营业。"), ["closed"]);
    assert_eq!(step("鹿特丹服务站的负责人为他们喊冤。"), ["denied"]);
    assert_eq!(step("成员们呼吁结束对鹿特丹服务站的调查。"), ["under_investigation"]);
    assert_eq!(
        step("China said political manipulation was behind the claims about the police station in Rotterdam."),
        ["denied"]
    );
}

#[test]
fn a_chinese_headline_s_clause_after_its_colon_is_no_source() {
    let text = "华人社团回应:鹿特丹的服务站已经关闭,警方仍在调查其他几处地点的相关情况\n社团负责人表示,他们一直配合。";
    let got = told(text);
    assert!(got.iter().any(|(s, st, _)| s == "station-ST033" && st == "closed"), "{got:?}");
}

#[test]
fn the_step_model_reads_a_step_no_cue_word_holds() {
    // No cue word: the embassy's account of what the office is denies it is a police station.
    // (The Chinese model: on 257 dev documents the English one no longer beats the cue words, and
    // is off.)
    let denial = "大使馆称,该处是为中国公民提供换领驾照服务的“服务中心”。";
    let lower = denial.to_lowercase();
    assert!(cues::statuses(&lower, &lower).is_empty());
    let text = format!("鹿特丹发现一个中国警察站。\n{denial}");
    assert!(told(&text).contains(&("station-ST033".into(), "denied".into(), None)), "{:?}", told(&text));
    // The reviewer is told the model read it, and how sure it is; a cue word's step says nothing of it.
    let proposals = propose(&text, &mentions(&text), &known(), &doc());
    let denial = proposals.iter().find(|p| p.kind == ProposalKind::StatusStep && p.summary.contains("denied"));
    assert!(denial.is_some_and(|p| p.summary.contains("the step model's reading") && p.summary.contains("% sure")));
    let cued = "The police station in Rotterdam has been shut down.";
    assert!(propose(cued, &mentions(cued), &known(), &doc()).iter().all(|p| !p.summary.contains("step model")));
    // A Chinese sentence of stations and none of a step stays without one.
    assert!(told("鹿特丹的服务站位于一家餐厅楼上。").iter().all(|(_, st, _)| st == "reported"));
}

#[test]
fn a_denial_that_names_no_place_denies_every_station_the_text_names() {
    let known = Known::new(
        vec![station("station-ST033", "Rotterdam", 2747891, "NL"), station("station-ST002", "Toronto", 6167865, "CA")],
        Vec::new(),
    );
    let text = "Police stations in Rotterdam and Toronto were reported by Safeguard Defenders. \
                The Chinese embassy said such police stations do not exist.";
    assert_eq!(denied_stations(&known, text), ["station-ST033", "station-ST002"]);
}

#[test]
fn the_news_a_denial_answers_reports_no_station_but_a_station_said_to_exist_is_reported() {
    let status = |sentence: &str| {
        let lower = sentence.to_lowercase();
        let mut found: Vec<StationStatus> = cues::statuses(&lower, &lower).into_iter().map(|(s, _)| s).collect();
        found.dedup();
        found
    };
    assert_eq!(status("上述报道毫无事实依据,所谓“秘密警察署”根本就不存在。"), [StationStatus::Denied]);
    assert_eq!(status("荷兰媒体报道,鹿特丹有一个警察站。"), [StationStatus::Reported]);
    assert_eq!(status("These stations exist in other countries such as Canada."), [StationStatus::Reported]);
    assert_eq!(status("Such stations do not exist in Canada."), [StationStatus::Denied]);
}
