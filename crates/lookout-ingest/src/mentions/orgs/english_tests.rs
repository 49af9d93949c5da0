//! What the English finder of bodies finds in sample sentences.

use super::*;

fn bodies(text: &str) -> Vec<&str> {
    let words = crate::mentions::segment::latin_words(text);
    let finder = crate::mentions::testing::finder();
    find(&finder.names, &finder.orgs.lexicon, text, &words).iter().map(|f| &text[f.start..f.end]).collect()
}

#[test]
fn bodies_by_their_heads() {
    assert_eq!(
        bodies("The Justice Department said the Ministry of Public Security ran it."),
        ["Justice Department", "Ministry of Public Security"]
    );
    assert_eq!(bodies("the Department of Foreign Affairs and Trade"), ["Department of Foreign Affairs and Trade"]);
    assert_eq!(bodies("the RCMP Quebec division said"), ["RCMP Quebec division"]);
    assert_eq!(bodies("the Uyghur Human Rights Project said"), ["Uyghur Human Rights Project"]);
    // A head's phrase goes on after "and" to words that end no body, not to a body.
    assert_eq!(
        bodies("the House of Commons Standing Committee on Procedure and House Affairs on March 7 heard"),
        ["House of Commons Standing Committee on Procedure and House Affairs"]
    );
    assert_eq!(
        bodies("at the Munk School of Global Affairs and Public Policy"),
        ["Munk School of Global Affairs and Public Policy"]
    );
    assert_eq!(
        bodies("the Ministry of Public Security and Safeguard Defenders"),
        ["Ministry of Public Security", "Safeguard Defenders"]
    );
    assert_eq!(bodies("the Embassy of China in Ireland said"), ["Embassy of China in Ireland"]);
    // Where a body is, after its head alone, is no part of a name.
    assert!(bodies("Police in Ontario, Quebec and British Columbia said").is_empty());
    assert_eq!(bodies("the Royal Canadian Mounted Police in Hemmingford said"), ["Royal Canadian Mounted Police"]);
    assert_eq!(
        bodies("established by the Public Security Bureau of Wenzhou City in China, the Australian Broadcasting Corp. said"),
        ["Public Security Bureau of Wenzhou City", "Australian Broadcasting Corp."]
    );
    assert_eq!(bodies("the Embassy of China in the United States said"), ["Embassy of China in the United States"]);
    // A team is a body; a title-case headline with a verb before its head is none.
    assert_eq!(bodies("an additional China Police Liaison Team arrived"), ["China Police Liaison Team"]);
    assert!(bodies("Ireland Orders Closure of Chinese Police ‘Service Station’ in Dublin").is_empty());
    assert_eq!(
        bodies("at the behest of the Fuzhou branch of the Ministry of Public Security"),
        ["Fuzhou branch of the Ministry of Public Security"]
    );
    assert_eq!(bodies("a provincial branch of the MPS"), ["MPS"]);
    // A name that ends the text (an "in" looked for past its last word once made ingest panic).
    assert_eq!(
        bodies("It was run by the Public Security Bureau of Fuzhou City"),
        ["Public Security Bureau of Fuzhou City"]
    );
    assert_eq!(
        bodies("Chinese Family Services of Greater Montreal and the Centre Sino-Québec said; The Canadian Press"),
        ["Chinese Family Services of Greater Montreal", "The Canadian Press"]
    );
    assert_eq!(bodies("the Chinese Embassy in Ireland said"), ["Chinese Embassy in Ireland"]);
    assert_eq!(bodies("the U.S. Department of State"), ["U.S. Department of State"]);
    assert_eq!(bodies("the Chinese\nCommunist Party"), ["Chinese\nCommunist Party"]);
    assert_eq!(bodies("the Chinese embassy denied it"), ["Chinese embassy"]);
    assert_eq!(bodies("The Government has asked"), ["Government"]);
    assert_eq!(bodies("the Attorney General’s Office reported"), ["Attorney General’s Office"]);
    assert_eq!(bodies("appeared at Westminster Magistrates’ Court on Monday"), ["Westminster Magistrates’ Court"]);
    assert_eq!(
        bodies("testified before the U.S. Senate Homeland Security and Governmental Affairs Committee"),
        ["U.S. Senate Homeland Security and Governmental Affairs Committee"]
    );
    assert_eq!(bodies("Twitter and Facebook removed it"), ["Twitter", "Facebook"]);
    // Where a body is before "of the" is not its name; a head there opens one.
    assert_eq!(bodies("speaks in the Foyer of the House of Commons, in Ottawa"), ["House of Commons"]);
    assert_eq!(bodies("raised at FMQs in the Scottish Parliament on Thursday"), ["Scottish Parliament"]);
    assert_eq!(
        bodies("the Museum of the Communist Party of China and the Victims of Communism Memorial Foundation"),
        ["Museum of the Communist Party of China", "Victims of Communism Memorial Foundation"]
    );
    // After a portfolio, a possessive opens another body (after a place, it opens the same one).
    assert_eq!(
        bodies("officials of the Ministry of Interior’s Department of Counter-terrorism"),
        ["Ministry of Interior", "Department of Counter-terrorism"]
    );
    assert_eq!(
        bodies("the Public Security Bureau of Tokyo’s Metropolitan Police Department"),
        ["Public Security Bureau", "Metropolitan Police Department"]
    );
    assert_eq!(bodies("the Counter Foreign Interference Taskforce said"), ["Counter Foreign Interference Taskforce"]);
    assert_eq!(
        bodies("the Public Security (Police) Bureau of Fuzhou runs it"),
        ["Public Security (Police) Bureau of Fuzhou"]
    );
    assert_eq!(
        bodies("the Special Committee on the Canada–People's Republic of China Relationship met"),
        ["Special Committee on the Canada–People's Republic of China Relationship"]
    );
}

#[test]
fn titles_stations_and_lone_heads_are_not_bodies() {
    assert_eq!(
        bodies("Assistant Attorney General Matthew Olsen of the Justice Department said"),
        ["Justice Department"]
    );
    assert!(bodies("the Fuzhou Police Overseas Service Station").is_empty());
    assert!(bodies("The Department informed the Embassy.").is_empty());
    assert_eq!(bodies("Minister for Foreign Affairs Simon Coveney"), ["Foreign Affairs"]);
    assert_eq!(bodies("Secretary of State for the Home Department, whether"), ["Home Department"]);
    assert_eq!(bodies("said Italian Interior Minister Matteo Piantedosi."), ["Interior"]);
    assert!(bodies("the Dutch Foreign Minister Wopke Hoekstra said").is_empty());
    assert!(bodies("Prime Minister Justin Trudeau").is_empty());
    assert_eq!(bodies("said the Chinese Embassy in Wellington."), ["Chinese Embassy in Wellington"]);
    assert_eq!(bodies("an officer at the Chinese Consulate General in Rio."), ["Chinese Consulate General in Rio"]);
    assert_eq!(bodies("the PRC Embassy in the Netherlands said"), ["PRC Embassy in the Netherlands"]);
    assert_eq!(bodies("Officers of the People's Armed Police stand guard"), ["People's Armed Police"]);
    assert_eq!(bodies("Abdullah Al Marri, Commander-in-Chief of Dubai Police, said"), ["Dubai Police"]);
}

#[test]
fn acronyms_defined_known_and_in_parentheses() {
    assert_eq!(
        bodies("the Royal Canadian Mounted Police (RCMP) said. Later the RCMP added"),
        ["Royal Canadian Mounted Police", "RCMP", "RCMP"]
    );
    assert_eq!(
        bodies("People's Republic of China (PRC) and the Greater Toronto Area (GTA) near the GTA"),
        Vec::<&str>::new()
    );
    assert_eq!(bodies("NEW YORK (AP) — the FBI said"), ["AP", "FBI"]);
    assert_eq!(
        bodies("Wopke Hoekstra of Foreign Affairs (CDA) reports on Twitter and Facebook"),
        ["CDA", "Twitter", "Facebook"]
    );
}

#[test]
fn newsrooms_beside_their_words_and_bodies_without_their_seat() {
    assert_eq!(
        bodies("reported the Greek publication, Directus, and the Frankfurter Allgemeine newspaper"),
        ["Directus", "Frankfurter Allgemeine"]
    );
    assert!(bodies("the Dutch newspaper said. In the newspaper").is_empty());
    assert_eq!(bodies("the Spain-based Safeguard Defenders"), ["Safeguard Defenders"]);
}

#[test]
fn ministries_in_lower_case_newsrooms_and_acronyms_defined_after_or() {
    assert_eq!(bodies("on Thursday its foreign ministry denied it"), ["foreign ministry"]);
    assert_eq!(bodies("A spokeswoman for the Dutch foreign ministry told"), ["Dutch foreign ministry"]);
    assert!(bodies("the foreign minister said").is_empty());
    assert_eq!(bodies("The Asahi Shimbun reported"), ["The Asahi Shimbun"]);
    assert_eq!(bodies("according to the Journal de Montréal"), ["Journal de Montréal"]);
    assert_eq!(
        bodies("Chinese Family Services of Greater Montreal, or CFSGM, said. Later CFSGM was cleared."),
        ["Chinese Family Services of Greater Montreal", "CFSGM", "CFSGM"]
    );
    assert_eq!(bodies("WRITERS (HURIWA ) said"), ["HURIWA"]);
    assert_eq!(bodies("as I said to the House"), ["House"]);
    assert_eq!(
        bodies("the Chinese embassy in Seoul said; the Chinese embassy said"),
        ["Chinese embassy in Seoul", "Chinese embassy"]
    );
    assert_eq!(
        bodies("REUTERS and INTERPOL; the NGO Safeguard Defenders (NGO); the Spain-based NGO Safeguard Defenders"),
        ["REUTERS", "INTERPOL", "Safeguard Defenders", "Safeguard Defenders"]
    );
    assert_eq!(bodies("the Chinese Embassy in the Netherlands Amsterdam"), ["Chinese Embassy in the Netherlands"]);
    assert_eq!(bodies("the Chinese consulate general in Karachi said"), ["Chinese consulate general in Karachi"]);
    assert_eq!(
        bodies("U.S. District Judge Nina Morrison of the U.S. District Court for the Eastern District of New York"),
        ["U.S. District Court for the Eastern District of New York"]
    );
    assert_eq!(bodies("United States Department of Justice News"), ["United States Department of Justice"]);
    // A head that opens a station's name heads no body.
    assert!(bodies("If China Runs A Police Station In Nigeria Then It Is Treason").is_empty());
    assert!(bodies("the new Chinese Community and Police Cooperation Centre in Port Elizabeth").is_empty());
    // A known name is not found inside a place's: "Nova Scotia".
    assert!(bodies("police in Nova Scotia").is_empty());
}

#[test]
fn parties_by_their_names_alone() {
    assert_eq!(bodies("the Tory minister told the House of Commons"), ["Tory", "House of Commons"]);
    assert_eq!(bodies("Tom Kmiec Conservative Calgary Shepard, AB"), ["Conservative"]);
    assert_eq!(bodies("a Republican congressman and two Democrats"), ["Republican", "Democrats"]);
    assert_eq!(bodies("both the Alliance and Scottish Liberal Democrats called"), ["Scottish Liberal Democrats"]);
    assert_eq!(bodies("a former aide of an Alternative for Germany MP"), ["Alternative for Germany"]);
}

#[test]
fn no_name_reaches_back_over_and_the() {
    assert_eq!(
        bodies("as reported by MyLondon and the Local Democracy Reporting Service"),
        ["MyLondon", "Local Democracy Reporting Service"]
    );
}

#[test]
fn a_branch_or_service_after_an_acronym_is_of_its_name() {
    assert_eq!(bodies("a spokesperson for FBI New York said"), ["FBI New York"]);
    assert_eq!(bodies("as BBC Scotland reported, and BBC News Swahili too"), ["BBC Scotland", "BBC News Swahili"]);
    assert_eq!(bodies("the FBI. New York police"), ["FBI"]);
    assert_eq!(bodies("the BBC Director said"), ["BBC"]);
    assert_eq!(bodies("the RCMP say, the FBI from New York, MPS police"), ["RCMP", "FBI", "MPS"]);
}

#[test]
fn outlets_and_alliances_by_their_names() {
    assert_eq!(bodies("as the Daily Mail reported, the Five Eyes partners"), ["Daily Mail", "Five Eyes"]);
    // A masthead's "The" is of its name; a name in the list only after "The" needs it, and is
    // not the opening of a longer name.
    assert_eq!(bodies("He told The Herald on Monday, as the Guardian said"), ["The Herald", "Guardian"]);
    assert_eq!(bodies("According to The Guardian, it is closed"), ["The Guardian"]);
    assert!(bodies("a Herald of change, under The National Security Act")
        .iter()
        .all(|b| !b.contains("Herald") && *b != "The National"));
}

#[test]
fn airlines_and_libraries_are_bodies() {
    assert_eq!(
        bodies("put on a China Southern Airlines flight; at the Boston Public Library"),
        ["China Southern Airlines", "Boston Public Library"]
    );
}
