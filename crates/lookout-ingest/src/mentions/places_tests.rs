//! Tests of `places.rs`.

use crate::mentions::testing::places_of;

fn texts(text: &str) -> Vec<&str> {
    places_of(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn names_with_particles_in_lower_case() {
    assert_eq!(
        texts("A station in Viña del Mar, Chile, and one in Rio de Janeiro."),
        ["Chile", "Viña del Mar", "Rio de Janeiro"]
    );
}

#[test]
fn a_name_before_a_verb_of_saying_is_a_person_s() {
    assert_eq!(texts("In Spain, Mao said so; Beijing said no. Can the Act pass?"), ["Spain", "Beijing"]);
}

#[test]
fn a_country_s_possessive_names_it() {
    assert_eq!(
        texts("China's effort, China’s plan, the People’s Republic of China"),
        ["China", "China", "People’s Republic of China"]
    );
}

#[test]
fn a_channel_is_no_country() {
    assert_eq!(texts("法国电视二台(France 2)和France 24报道; police in France, 2 officers"), ["France", "法国"]);
}

#[test]
fn a_state_is_not_its_city() {
    assert_eq!(
        texts("The police of Edo state in Nigeria deny it; so does Edo State's command. Tokyo too."),
        ["Nigeria", "Tokyo"]
    );
}

#[test]
fn a_foreign_person_s_name_in_chinese_is_no_place() {
    assert_eq!(texts("德国外交部长贝尔伯克表示;检察官布雷恩·皮斯;公共安全部長門迪奇諾;部长访问东京"), ["德国", "东京"]);
    // A name the text spells in Latin letters is no place anywhere in it (巴登 is Baden, 凱爾 Kehl);
    // a place with its own name after it, or a body's, stays one.
    assert_eq!(
        texts("黨魁巴登諾克現身，對施凱爾喊話。巴登諾克（Kemi Badenoch）批評而施凱爾（Keir Starmer）。"),
        Vec::<&str>::new()
    );
    // A surname after a name's middle dot, and a double surname spelt whole.
    assert!(texts("他说，詹姆斯·巴登表示不会。").is_empty());
    assert!(texts("给部门首长卡琳·凯勒-苏特(Karin Keller-Sutter)寄信").is_empty());
    assert_eq!(
        texts("前往荷兰鹿特丹(Rotterdam),送往皇家墨尔本医院(Royal Melbourne Hospital)"),
        ["荷兰", "Rotterdam", "鹿特丹", "墨尔本"]
    );
}

#[test]
fn a_country_s_name_in_a_city_s_and_a_name_that_is_also_a_demonym() {
    assert_eq!(
        places_of("Stations in Benin City, in Lesotho and in Dar es Salaam."),
        [("Lesotho", Some("LS")), ("Benin City", Some("NG")), ("Dar es Salaam", Some("TZ"))]
    );
}

#[test]
fn a_continent_is_no_mention_of_a_country_in_it() {
    assert_eq!(
        places_of("Stations in North America, Latin America and the United States, in Chinatown; Spain-based."),
        [
            ("United States", Some("US")),
            ("North America", None),
            ("Latin America", None),
            ("Chinatown", None),
            ("Spain", Some("ES"))
        ]
    );
}

#[test]
fn a_country_and_a_city_jieba_keeps_whole_are_two_places() {
    assert_eq!(places_of("他住在美国纽约。"), [("美国", Some("US")), ("纽约", Some("US"))]);
    // An everyday word some gazetteer alias has is no place.
    assert!(places_of("服务站正式启动。").is_empty());
    // A Chinatown beside its city, and a city's greater area, Montreal as Cantonese names it.
    assert_eq!(places_of("位于曼哈顿华埠的公会"), [("曼哈顿", Some("US")), ("华埠", None)]);
    assert_eq!(places_of("于大多伦多地区和滿地可调查"), [("大多伦多地区", Some("CA")), ("滿地可", Some("CA"))]);
    // A name in traditional characters that the gazetteer holds in simplified ones.
    assert_eq!(places_of("總部設在馬德里"), [("馬德里", Some("ES"))]);
    // A country's name jieba cuts in two.
    assert_eq!(places_of("擴大到義大利、克羅埃西亞等國"), [("義大利", Some("IT")), ("克羅埃西亞", Some("HR"))]);
    // A city's name jieba cuts in two.
    assert_eq!(
        places_of("加拿大警方現身位於溫哥華列治文的住宅"),
        [("加拿大", Some("CA")), ("溫哥華", Some("CA")), ("列治文", Some("CA"))]
    );
}
#[test]
fn a_city_bearing_the_name_as_its_own_stands_before_one_known_by_it_as_an_alternate() {
    let places =
        crate::mentions::testing::places_of("In New York, United States, and in Italy: Rome, Venice and Prato.");
    assert!(places.contains(&("Venice", Some("IT"))), "{places:?}");
}

#[test]
fn everyday_chinese_words_that_name_small_towns_are_no_places() {
    assert!(texts("实现中华民族伟大复兴,精英云集,双方合作").is_empty());
    assert!(texts("公安机关认真贯彻落实中央关于反腐败的决策").is_empty(), "中央 is the Party Centre, not Chūō");
    assert_eq!(texts("精英云集福州"), ["福州"]);
}

#[test]
fn a_city_s_part_is_of_its_name() {
    assert_eq!(texts("an office in Lower Manhattan, flats in east London"), ["Lower Manhattan", "east London"]);
}

#[test]
fn a_city_s_level_and_airport_are_of_its_name_in_capitals_only() {
    assert_eq!(
        texts("deported via Phnom Penh International Airport and Tokyo Airport; Saitama Prefecture"),
        ["Phnom Penh International Airport", "Saitama Prefecture", "Tokyo Airport"]
    );
    assert_eq!(texts("a town in Saitama prefecture"), ["Saitama"]);
    assert_eq!(texts("In Fujian Province, police"), ["Fujian Province"]);
    assert_eq!(texts("flew into Coastal Zhejiang Province"), ["Zhejiang Province"]);
}

#[test]
fn a_small_city_counts_in_the_country_of_another_the_text_names() {
    // Brossard is small and the text names no country: it is a place beside Montreal (found
    // after the text's other cities), not alone.
    assert_eq!(texts("Centres in Brossard and Montreal."), ["Montreal", "Brossard"]);
    assert!(texts("Centres in Brossard.").is_empty());
    assert_eq!(texts("Markham, Ont., and Brossard, Que."), ["Markham", "Brossard", "Ont.", "Que."]);
}

#[test]
fn a_headline_s_verb_beside_a_city_names_no_person() {
    assert_eq!(texts("China’s Police Station in Manhattan Has Closed Its Doors"), ["China", "Manhattan"]);
    assert_eq!(texts("in Queens, N.Y., and in the U.K"), ["N.Y.", "U.K", "Queens"]);
}
