//! The interface text of one language: typed tables, one themed struct per part of the site.
//! `en.rs` and `zh.rs` fill them as struct literals, so every key has both languages or the
//! crate does not compile.

pub use super::report::ReportText;

/// Everything the interface says, in one language.
#[derive(Debug)]
pub struct Text {
    /// `lang` attribute value.
    pub tag: &'static str,
    /// True for Chinese (prose pages pick their block with it).
    pub zh: bool,
    /// The frame of every page: navigation, footer, error pages, the map.
    pub chrome: ChromeText,
    /// The stations list and its filters.
    pub list: ListText,
    /// A station's page: its timeline, its statements and their sources.
    pub station: StationText,
    /// The other pages of the record: home, figures, responses, bureaus, sources, data, search.
    pub record: RecordText,
    /// Words about ingested documents and their copies.
    pub documents: DocumentsText,
    /// The reporting pages.
    pub report: ReportText,
    /// The analysts' workspace.
    pub ws: super::workspace::WorkspaceText,
    /// The reviewers' pages.
    pub review: super::review::ReviewText,
}

/// The frame of every page: navigation, footer, error pages, the map.
#[derive(Debug)]
pub struct ChromeText {
    /// The switch's label (names the other language in itself).
    pub switch_label: &'static str,
    /// Site name.
    pub site: &'static str,
    /// Navigation.
    pub nav_label: &'static str,
    /// Navigation.
    pub nav_stations: &'static str,
    /// Navigation.
    pub nav_figures: &'static str,
    /// Navigation.
    pub nav_responses: &'static str,
    /// Navigation.
    pub nav_data: &'static str,
    /// Navigation.
    pub nav_about: &'static str,
    /// Navigation: report what happened.
    pub nav_report: &'static str,
    /// Footer.
    pub footer: &'static str,
    /// Navigation and heading.
    pub search: &'static str,
    /// Error title.
    pub not_found: &'static str,
    /// Error title.
    pub bad_request: &'static str,
    /// Error title.
    pub server_error: &'static str,
    /// Error text.
    pub server_error_detail: &'static str,
    /// Map title.
    pub map_title: &'static str,
    /// Map description.
    pub map_description: &'static str,
}

/// The stations list and its filters.
#[derive(Debug)]
pub struct ListText {
    /// Headings and labels.
    pub stations_title: &'static str,
    /// Label.
    pub country: &'static str,
    /// Label.
    pub bureau: &'static str,
    /// Label.
    pub status_any_step: &'static str,
    /// Option.
    pub all_countries: &'static str,
    /// Option.
    pub all_bureaus: &'static str,
    /// Option.
    pub any_status: &'static str,
    /// Option.
    pub any_action: &'static str,
    /// Button.
    pub filter: &'static str,
    /// Caption.
    pub stations_caption: &'static str,
    /// Column.
    pub station: &'static str,
    /// Column.
    pub operating_bureau: &'static str,
    /// Column.
    pub latest_status: &'static str,
    /// Column.
    pub first_reported: &'static str,
    /// Cell.
    pub not_named: &'static str,
    /// Cell.
    pub no_station_matches: &'static str,
    /// Link.
    pub all_stations: &'static str,
    /// Label.
    pub first_reported_in: &'static str,
    /// Option.
    pub any_report: &'static str,
    /// Label.
    pub sort_by: &'static str,
    /// Option.
    pub sort_default: &'static str,
    /// Cell: a station no source places at a city.
    pub not_located: &'static str,
    /// Heading.
    pub unlocated_heading: &'static str,
    /// Text.
    pub unlocated_intro: &'static str,
    /// Cell: no source names the country.
    pub country_unknown: &'static str,
    /// Column.
    pub stations_count: &'static str,
    /// Column.
    pub why: &'static str,
}

/// A station's page: its timeline, its statements and their sources.
#[derive(Debug)]
pub struct StationText {
    /// Label.
    pub located: &'static str,
    /// Text.
    pub not_named_in_sources: &'static str,
    /// Label.
    pub hosted_by: &'static str,
    /// Text.
    pub no_host_named: &'static str,
    /// Text.
    pub from_geonames: &'static str,
    /// Text.
    pub country_level_only: &'static str,
    /// Heading.
    pub status_timeline: &'static str,
    /// Text.
    pub first_reported_step: &'static str,
    /// Text.
    pub date_unknown: &'static str,
    /// Text.
    pub according_to: &'static str,
    /// Label.
    pub sources: &'static str,
    /// Heading.
    pub every_statement: &'static str,
    /// Badge.
    pub conflicting_values: &'static str,
    /// Column.
    pub source: &'static str,
    /// Column.
    pub kind: &'static str,
    /// Column.
    pub grade: &'static str,
    /// Column.
    pub date: &'static str,
    /// Column.
    pub says: &'static str,
    /// Badge.
    pub guessed: &'static str,
    /// Link.
    pub what_it_supports: &'static str,
    /// Prefix of a claimant.
    pub per: &'static str,
    /// Text.
    pub denies: &'static str,
    /// Heading.
    pub responses_heading: &'static str,
    /// Text.
    pub no_responses_linked: &'static str,
    /// Heading.
    pub how_to_cite: &'static str,
    /// Text.
    pub cite_sources: &'static str,
}

/// The other pages of the record: home, figures, responses, bureaus, sources, data, search.
#[derive(Debug)]
pub struct RecordText {
    /// Label.
    pub stations_label: &'static str,
    /// Text.
    pub none_recorded: &'static str,
    /// Text.
    pub as_of: &'static str,
    /// Text.
    pub claimed_by: &'static str,
    /// Badge.
    pub conflicting_claim: &'static str,
    /// Heading.
    pub home_title: &'static str,
    /// Paragraph.
    pub home_intro: &'static str,
    /// Heading.
    pub map_heading: &'static str,
    /// Summary.
    pub map_text_version: &'static str,
    /// Caption.
    pub stations_per_country: &'static str,
    /// Column.
    pub stations_column: &'static str,
    /// Column.
    pub where_column: &'static str,
    /// Heading.
    pub headline_figures: &'static str,
    /// Paragraph.
    pub figures_intro_short: &'static str,
    /// Link.
    pub all_figures: &'static str,
    /// Heading.
    pub latest_responses: &'static str,
    /// Link.
    pub all_responses: &'static str,
    /// Heading.
    pub figures_title: &'static str,
    /// Paragraph.
    pub figures_intro: &'static str,
    /// Heading.
    pub responses_title: &'static str,
    /// Label.
    pub action: &'static str,
    /// Heading.
    pub responses_in_order: &'static str,
    /// Label.
    pub also_called: &'static str,
    /// Label.
    pub city: &'static str,
    /// Heading.
    pub source_title: &'static str,
    /// Label.
    pub address: &'static str,
    /// Label.
    pub title: &'static str,
    /// Label.
    pub publisher: &'static str,
    /// Label.
    pub sha256: &'static str,
    /// Text.
    pub no_public_statement: &'static str,
    /// Heading.
    pub data_title: &'static str,
    /// Heading.
    pub about_title: &'static str,
    /// Label of the search box.
    pub search_label: &'static str,
    /// Text.
    pub no_results: &'static str,
    /// Facet heading.
    pub kind_of_record: &'static str,
    /// Facet option.
    pub all: &'static str,
    /// Hint under the search form.
    pub search_hint: &'static str,
}

/// Words about ingested documents and their copies.
#[derive(Debug)]
pub struct DocumentsText {
    /// Heading of the documents found.
    pub documents: &'static str,
    /// Heading of a station's sources.
    pub sources_heading: &'static str,
    /// Copies of a source.
    pub copies: &'static str,
    /// Label of the original a copy copies.
    pub copy_of: &'static str,
    /// Heading of a document's copies.
    pub copies_heading: &'static str,
    /// Heading of the captured document.
    pub document_heading: &'static str,
    /// Label.
    pub language: &'static str,
    /// Label.
    pub characters: &'static str,
    /// Text of a document whose text is not public.
    pub restricted: &'static str,
}
