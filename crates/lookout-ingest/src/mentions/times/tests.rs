//! What the times of English and Chinese texts resolve to.

use crate::mentions::segment::{latin_words, non_ascii_lines};
use crate::mentions::What;

fn times(text: &str, published: &str) -> Vec<String> {
    let absolute = crate::mentions::dates::find(crate::mentions::testing::finder(), text, &latin_words(text));
    super::find(text, &latin_words(text), &non_ascii_lines(text), published.parse().ok(), &absolute)
        .into_iter()
        .map(|f| match f.what {
            What::Date(d) => format!("{}={d}", &text[f.start..f.end]),
            other => panic!("not a date: {other:?}"),
        })
        .collect()
}

#[test]
fn english_relative_words() {
    let monday = "2023-04-17";
    assert_eq!(
        times("Two men were arrested Monday, officials said this morning.", monday),
        ["Monday=2023-04-17", "this morning=2023-04-17"]
    );
    assert_eq!(times("the station closed last fall", "2023-04-17"), ["last fall=2022"]);
    assert_eq!(times("it closed last spring", "2023-11-02"), ["last spring=2023"]);
    assert_eq!(
        times("reported last week and earlier this month", "2022-11-02"),
        ["last week=2022-10", "earlier this month=2022-11"]
    );
    assert_eq!(times("Three weeks ago, the RCMP denied it", "2023-03-22"), ["Three weeks ago=2023-03"]);
    assert_eq!(times("said yesterday and last Monday", monday), ["yesterday=2023-04-16", "last Monday=2023-04-10"]);
    assert_eq!(times("the PGR reported this Thursday", "2022-10-28"), ["this Thursday=2022-10-27"]);
    assert!(times("no date here on mondays, nor this one", monday).is_empty());
}

#[test]
fn english_months_without_a_year() {
    let feb = "2024-02-21";
    assert_eq!(times("Tokyo, Feb. 21 (Jiji Press)", feb), ["Feb. 21=2024-02-21"]);
    assert_eq!(times("raided a building in May last year", feb), ["May last year=2023-05"]);
    assert_eq!(times("In mid-March, it announced", "2023-06-01"), ["mid-March=2023-03"]);
    assert_eq!(times("the march-in; a late-May raid", "2023-06-01"), ["late-May=2023-05"]);
    assert_eq!(times("with the Embassy in October.", "2022-12-13"), ["October=2022-10"]);
    assert_eq!(times("on Dec. 28 and in late December", "2023-01-05"), ["Dec. 28=2022-12-28", "December=2022-12"]);
    assert_eq!(times("on 3 May the office", "2023-06-01"), ["3 May=2023-05-03"]);
    assert_eq!(times("last May the office", "2023-05-18"), ["last May=2022-05"]);
    // A month with its year is an absolute date, not one of these.
    assert!(times("in September 2022 and on May 3, 2023", feb).is_empty());
    // "may" and "March" that are no months.
    assert!(times("They may close. March for freedom. The Oct report.", feb).is_empty());
}

#[test]
fn bare_years_after_a_dating_word() {
    assert_eq!(times("It opened in 2018, closed in the fall of 2022.", ""), ["2018=2018", "2022=2022"]);
    assert!(times("There are 2022 members and a 2019-2020 plan.", "").is_empty());
}

#[test]
fn chinese_times() {
    assert_eq!(times("荷兰政府昨天表示", "2022-11-02"), ["昨天=2022-11-01"]);
    assert_eq!(times("雷周四(11月17日)表示", "2022-11-18"), ["周四=2022-11-17", "11月17日=2022-11-17"]);
    // Spaces beside the numbers, as some sites write them.
    assert_eq!(times("警視廳於 2 月 21 日函送法辦", "2024-02-27"), ["2 月 21 日=2024-02-21"]);
    assert_eq!(times("在 5 月曾搜索", "2024-02-27"), ["5 月=2023-05"]);
    assert_eq!(times("去年12月31日举行记者会,去年9月", "2023-04-05"), ["去年12月31日=2022-12-31", "去年9月=2022-09"]);
    assert_eq!(times("今年2月,3月底", "2023-04-05"), ["今年2月=2023-02", "3月底=2023-03"]);
    assert_eq!(times("本年3月中旬", "2023-06-01"), ["本年3月中旬=2023-03"]);
    assert_eq!(times("12月20日表示", "2023-01-05"), ["12月20日=2022-12-20"]);
    // "Today, the 7th".
    assert_eq!(times("大使館今(7)日強調,今（7）日", "2023-06-07"), ["今(7)日=2023-06-07", "今（7）日=2023-06-07"]);
    assert_eq!(times("上周披露,本週", "2022-11-02"), ["上周=2022-10", "本週=2022-11"]);
    assert_eq!(times("联调局本星期逮捕了两人", "2023-04-19"), ["本星期=2023-04"]);
    assert_eq!(times("上周四宣布", "2022-11-18"), ["上周四=2022-11-10"]);
    assert_eq!(times("发言人22日称", "2023-04-23"), ["22日=2023-04-22"]);
    assert_eq!(times("2023年,英国", ""), ["2023年=2023"]);
    // A year's end is its December.
    assert_eq!(times("去年底德国要求,2014年末", "2023-05-16"), ["去年底=2022-12", "2014年末=2014-12"]);
    // Absolute dates are not these; nor are spans of time.
    assert!(times("2018年6月设立,3个月,30日内,节日", "2023-04-05").is_empty());
    // Without the document's date, only years.
    assert!(times("昨天,周四,9月", "").is_empty());
}

#[test]
fn months_of_the_same_year_take_the_year_before() {
    let october = "2024-10-04";
    assert_eq!(
        times("investigating since 2023. In June of the same year, it shut them.", october),
        ["2023=2023", "June=2023-06"]
    );
    // From an absolute date before it, in Chinese too.
    assert_eq!(times("2022年9月发布报告,同年12月关闭", october), ["12月=2022-12"]);
    // A month with no such words keeps the document's year; so does one with no date before it.
    assert_eq!(times("in 2023. In June, it shut", october), ["2023=2023", "June=2024-06"]);
    assert_eq!(times("In June of the same year", october), ["June=2024-06"]);
}
