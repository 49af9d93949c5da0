//! Schemata and their properties. Names follow FollowTheMoney where it has one.

use crate::vocabulary::vocabulary;
use crate::{ModelError, PartialDate};

vocabulary!(
    /// What an entity is.
    Schema, "schema" {
        /// A reported overseas police service station.
        Station => "Station",
        /// A public body, such as a public security bureau.
        PublicBody => "PublicBody",
        /// An association, NGO or company.
        Organization => "Organization",
        /// A person: restricted by default, never public unless marked a public figure with a source.
        Person => "Person",
        /// A place from the gazetteer.
        Place => "Place",
        /// A pseudonymous incident, coarse fields only.
        Incident => "Incident",
        /// A government or institutional action.
        Response => "Response",
        /// A claimed number: what, how many, as of when, claimed by whom.
        Figure => "Figure",
        /// A station operated by a bureau.
        Operation => "Operation",
        /// A station hosted by an organisation.
        Hosting => "Hosting",
        /// A person's or organisation's membership of an organisation.
        Membership => "Membership",
        /// Any other link between two entities.
        Link => "Link",
    }
);

vocabulary!(
    /// The states a station's status goes through, as the bundled data records them.
    StationStatus, "station status" {
        /// Named in a report.
        Reported => "reported",
        /// Authorities investigating.
        UnderInvestigation => "under_investigation",
        /// Searched by police.
        SearchedByPolice => "searched_by_police",
        /// Host government ordered it closed.
        ClosureOrdered => "closure_ordered",
        /// Closed.
        Closed => "closed",
        /// Reported closed, without confirmation.
        ReportedClosed => "reported_closed",
        /// Closed according to the Chinese embassy.
        ClosedPerChineseEmbassy => "closed_per_chinese_embassy",
        /// Closed according to the host government.
        ClosedPerHostGovernment => "closed_per_host_government",
        /// Its existence denied.
        Denied => "denied",
        /// People linked to it arrested.
        Arrested => "arrested",
        /// Criminal charges filed.
        ChargesFiled => "charges_filed",
        /// A defendant pleaded guilty.
        GuiltyPlea => "guilty_plea",
        /// A defendant was found guilty.
        Convicted => "convicted",
        /// A defendant was acquitted.
        Acquitted => "acquitted",
        /// An investigation was closed without charges.
        InvestigationClosed => "investigation_closed",
        /// A host government's police found nothing.
        NoEvidenceFound => "no_evidence_found",
        /// A source says no formal investigation exists or is known (not a finding after one).
        NoFormalInvestigation => "no_formal_investigation",
        /// The case was referred to prosecutors.
        ReferredToProsecutors => "referred_to_prosecutors",
        /// Those named sued (for defamation).
        LawsuitFiled => "lawsuit_filed",
        /// Only the country is known.
        ReportedCountryOnly => "reported_country_only",
        /// Only counted in a total.
        ReportedCountOnly => "reported_count_only",
    }
);

/// What a property's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropType {
    /// A name of the entity.
    Name,
    /// Free text.
    Text,
    /// A [`PartialDate`].
    Date,
    /// An ISO 3166-1 alpha-2 code (or `EU`).
    Country,
    /// The id of another entity, of the given schema.
    Entity(Schema),
    /// The id of another entity of any schema.
    AnyEntity,
    /// A decimal number.
    Number,
    /// A web address.
    Url,
    /// A [`StationStatus`].
    StationStatus,
}

impl PropType {
    /// Whether values are ids of other entities.
    pub fn is_entity(self) -> bool {
        matches!(self, PropType::Entity(_) | PropType::AnyEntity)
    }
}

/// A property of a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Property {
    /// The property's name (`country`, `reportedDate`).
    pub name: &'static str,
    /// Its values' type.
    pub kind: PropType,
    /// Whether an entity holds one value (conflicting statements are then shown side by side).
    pub single: bool,
}

const fn p(name: &'static str, kind: PropType) -> Property {
    Property { name, kind, single: false }
}

const fn one(name: &'static str, kind: PropType) -> Property {
    Property { name, kind, single: true }
}

use PropType as T;

const STATION: &[Property] = &[
    p("name", T::Name),
    one("city", T::Text),
    one("country", T::Country),
    one("address", T::Text),
    one("place", T::Entity(Schema::Place)),
    p("firstReportedIn", T::Text),
    one("reportedDate", T::Date),
    p("status", T::StationStatus),
    p("statusNote", T::Text),
    p("operatorNote", T::Text),
    p("unlocatedReason", T::Text),
    p("notes", T::Text),
];
const PUBLIC_BODY: &[Property] = &[
    p("name", T::Name),
    p("alias", T::Name),
    one("country", T::Country),
    one("jurisdiction", T::Entity(Schema::Place)),
    p("notes", T::Text),
    p("sourceUrl", T::Url),
];
const ORGANIZATION: &[Property] = &[
    p("name", T::Name),
    p("alias", T::Name),
    p("legalForm", T::Text),
    one("country", T::Country),
    one("address", T::Text),
    p("notes", T::Text),
    p("sourceUrl", T::Url),
];
const PERSON: &[Property] = &[
    p("name", T::Name),
    p("alias", T::Name),
    one("country", T::Country),
    p("position", T::Text),
    p("publicFigure", T::Text),
    p("notes", T::Text),
    p("sourceUrl", T::Url),
];
const PLACE: &[Property] = &[
    p("name", T::Name),
    one("country", T::Country),
    one("latitude", T::Number),
    one("longitude", T::Number),
    one("geonamesId", T::Text),
    one("admin1", T::Text),
    one("population", T::Number),
];
const INCIDENT: &[Property] = &[
    one("date", T::Date),
    one("country", T::Country),
    p("category", T::Text),
    p("summary", T::Text),
    p("station", T::Entity(Schema::Station)),
];
const RESPONSE: &[Property] = &[
    one("date", T::Date),
    one("country", T::Country),
    p("actor", T::Text),
    p("action", T::Text),
    p("summary", T::Text),
    p("station", T::Entity(Schema::Station)),
];
const FIGURE: &[Property] = &[
    p("name", T::Name),
    p("value", T::Text),
    one("asOf", T::Date),
    p("asOfNote", T::Text),
    p("claimedBy", T::Text),
    p("contradicts", T::Entity(Schema::Figure)),
];
const OPERATION: &[Property] = &[
    one("station", T::Entity(Schema::Station)),
    one("operator", T::Entity(Schema::PublicBody)),
    p("role", T::Text),
    one("startDate", T::Date),
    p("notes", T::Text),
];
const HOSTING: &[Property] = &[
    one("station", T::Entity(Schema::Station)),
    one("host", T::Entity(Schema::Organization)),
    p("role", T::Text),
    one("startDate", T::Date),
    p("notes", T::Text),
];
const MEMBERSHIP: &[Property] = &[
    one("member", T::Entity(Schema::Person)),
    one("organization", T::Entity(Schema::Organization)),
    p("role", T::Text),
    one("startDate", T::Date),
];
const LINK: &[Property] = &[one("subject", T::AnyEntity), one("object", T::AnyEntity), p("role", T::Text)];

impl Schema {
    /// The schema's properties.
    pub fn properties(self) -> &'static [Property] {
        match self {
            Schema::Station => STATION,
            Schema::PublicBody => PUBLIC_BODY,
            Schema::Organization => ORGANIZATION,
            Schema::Person => PERSON,
            Schema::Place => PLACE,
            Schema::Incident => INCIDENT,
            Schema::Response => RESPONSE,
            Schema::Figure => FIGURE,
            Schema::Operation => OPERATION,
            Schema::Hosting => HOSTING,
            Schema::Membership => MEMBERSHIP,
            Schema::Link => LINK,
        }
    }

    /// The property called `name`, or an error naming the schema and the property.
    pub fn property(self, name: &str) -> Result<&'static Property, ModelError> {
        self.properties()
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| ModelError::UnknownProperty { schema: self.as_str(), prop: name.to_string() })
    }

    /// Whether entities of this schema are kept out of public pages and exports by default.
    pub fn restricted_by_default(self) -> bool {
        matches!(self, Schema::Person)
    }

    /// Whether this schema is a relationship between two entities.
    pub fn is_link(self) -> bool {
        matches!(self, Schema::Operation | Schema::Hosting | Schema::Membership | Schema::Link)
    }
}

impl Property {
    /// Checks `value` against the property's type and returns it in canonical form.
    pub fn check(&self, value: &str) -> Result<String, ModelError> {
        let invalid = |reason: String| ModelError::InvalidValue { prop: self.name.to_string(), reason };
        let value = value.trim();
        if value.is_empty() {
            return Err(invalid("empty value".into()));
        }
        match self.kind {
            PropType::Name | PropType::Text => Ok(value.to_string()),
            PropType::Date => value.parse::<PartialDate>().map(|d| d.to_string()).map_err(|e| invalid(e.to_string())),
            PropType::Country => {
                if value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic()) {
                    Ok(value.to_ascii_uppercase())
                } else {
                    Err(invalid(format!("{value:?} is not a two-letter country code")))
                }
            }
            PropType::Entity(_) | PropType::AnyEntity => {
                crate::EntityId::new(value).map(|id| id.to_string()).map_err(|e| invalid(e.to_string()))
            }
            PropType::Number => value
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(|_| value.to_string())
                .ok_or_else(|| invalid(format!("{value:?} is not a number"))),
            PropType::Url => {
                if value.starts_with("http://") || value.starts_with("https://") {
                    Ok(value.to_string())
                } else {
                    Err(invalid(format!("{value:?} is not an http(s) address")))
                }
            }
            PropType::StationStatus => {
                value.parse::<StationStatus>().map(|s| s.as_str().to_string()).map_err(|e| invalid(e.to_string()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_round_trips_and_has_unique_properties() {
        for schema in Schema::ALL {
            assert_eq!(schema.as_str().parse::<Schema>().unwrap(), *schema);
            let mut names: Vec<_> = schema.properties().iter().map(|p| p.name).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), schema.properties().len(), "{schema}");
        }
    }

    #[test]
    fn values_are_checked_by_type() {
        let station = Schema::Station;
        assert_eq!(station.property("country").unwrap().check("nl").unwrap(), "NL");
        assert!(station.property("country").unwrap().check("NLD").is_err());
        assert!(station.property("reportedDate").unwrap().check("2022-02-30").is_err());
        assert!(station.property("status").unwrap().check("closd").is_err());
        assert!(station.property("nope").is_err());
        assert!(Schema::Place.property("latitude").unwrap().check("NaN").is_err());
        assert!(Schema::Place.property("latitude").unwrap().check("52.1").is_ok());
    }

    #[test]
    fn only_persons_are_restricted_by_default() {
        let restricted: Vec<_> = Schema::ALL.iter().filter(|s| s.restricted_by_default()).collect();
        assert_eq!(restricted, [&Schema::Person]);
    }
}
