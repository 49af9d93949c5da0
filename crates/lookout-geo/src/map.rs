//! The world map: Natural Earth country shapes projected with Equal Earth and drawn as SVG, with
//! countries shaded by a count and dots for places, every country and dot a link.

use std::collections::HashMap;
use std::fmt::Write;

use crate::projection::{equal_earth, MAX_X, MAX_Y};
use crate::topojson::{shapes, Ring};
use crate::{Countries, GeoError};

const BUNDLED_TOPOLOGY: &str = include_str!("../../../data/geo/countries-50m.json");

/// Width of the map in SVG units (whole units: half a pixel at 1,000 pixels wide); the height
/// follows from the projection.
pub const WIDTH: f64 = 2000.0;

/// Points closer than this (in SVG units) to the last point kept are dropped.
const MIN_STEP: i64 = 2;

/// Shapes Natural Earth gives no ISO numeric code, by name.
const CODES_BY_NAME: &[(&str, &str)] = &[("Kosovo", "XK")];

/// Fill colours for counts 0, 1, 2–3, 4–6, 7+ (light to dark; each step ≥ 3:1 against white for 1+).
const SHADES: [(usize, &str); 5] = [(0, "#e4e4e4"), (1, "#f4a261"), (2, "#e76f51"), (4, "#b83a1b"), (7, "#7a1f0b")];

/// A country outline, projected.
#[derive(Debug, Clone)]
struct MapCountry {
    iso2: Option<String>,
    path: String,
}

/// A point to mark on the map.
#[derive(Debug, Clone)]
pub struct MapDot {
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// Where the dot links to.
    pub href: String,
    /// Its accessible label.
    pub label: String,
}

/// What the map says in words: its title, description, and a country's label for a count.
pub struct MapText<'a> {
    /// Title.
    pub title: &'a str,
    /// Description (says where the same data is listed as text).
    pub description: &'a str,
    /// Label of a country (by ISO code) with its count.
    pub country_label: &'a dyn Fn(&str, usize) -> String,
}

/// The projected world, ready to render with any counts and dots.
#[derive(Debug, Clone)]
pub struct WorldMap {
    countries: Vec<MapCountry>,
    height: f64,
}

fn scale() -> f64 {
    WIDTH / (2.0 * MAX_X)
}

/// Projects (lon, lat) into SVG units.
pub fn to_svg(lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = equal_earth(lon, lat);
    ((x + MAX_X) * scale(), (MAX_Y - y) * scale())
}

/// Points along the meridian `lon` from latitude `from` to `to`, one per degree (ends excluded).
fn along_meridian(lon: f64, from: f64, to: f64) -> impl Iterator<Item = (f64, f64)> {
    let steps = (to - from).abs().ceil() as usize;
    (1..steps).map(move |i| (lon, from + (to - from) * i as f64 / steps as f64))
}

/// Cuts a ring that crosses the antimeridian (a jump of more than 180° of longitude between two
/// points) into rings that each stay on one side, closed along the map's edge. A ring with one
/// crossing encloses a pole (Antarctica) and is closed along the edge through that pole.
fn cut_antimeridian(ring: &Ring) -> Vec<Ring> {
    let jumps: Vec<usize> = (1..ring.len()).filter(|&i| (ring[i].0 - ring[i - 1].0).abs() > 180.0).collect();
    let Some(&first) = jumps.first() else { return vec![ring.clone()] };
    let edge = |lon: f64| if lon < 0.0 { -180.0 } else { 180.0 };
    if jumps.len() == 1 {
        // Start right after the crossing, so the ring ends where it crossed.
        let mut rotated: Ring = ring[first..].to_vec();
        rotated.extend(ring[1..first].iter().copied());
        let (start, end) = (rotated[0], rotated[rotated.len() - 1]);
        let pole = if rotated.iter().map(|p| p.1).sum::<f64>() < 0.0 { -90.0 } else { 90.0 };
        let mut closed = rotated.clone();
        closed.extend(along_meridian(edge(end.0), end.1, pole));
        closed.push((edge(end.0), pole));
        closed.push((edge(start.0), pole));
        closed.extend(along_meridian(edge(start.0), pole, start.1));
        closed.push(start);
        return vec![closed];
    }
    // Runs between crossings; the ring is closed, so the last run continues into the first.
    let mut runs: Vec<Ring> = Vec::new();
    for (k, &j) in jumps.iter().enumerate() {
        let next = jumps.get(k + 1).copied();
        let run: Ring = match next {
            Some(n) => ring[j..n].to_vec(),
            None => ring[j..].iter().chain(ring[1..first].iter()).copied().collect(),
        };
        runs.push(run);
    }
    runs.into_iter()
        .filter(|r| r.len() >= 2)
        .map(|mut r| {
            let (start, end) = (r[0], r[r.len() - 1]);
            let lon = edge(start.0);
            r.extend(along_meridian(lon, end.1, start.1));
            r.push(start);
            r
        })
        .collect()
}

/// SVG path data for rings: whole units, points within [`MIN_STEP`] of the last one dropped, rings
/// smaller than a few units left out, and relative line-tos with implicit repetition.
fn path_data(rings: &[&Ring]) -> String {
    let mut d = String::new();
    for ring in rings {
        let mut points: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
        for &(lon, lat) in ring.iter() {
            let (x, y) = to_svg(lon, lat);
            let p = (x.round() as i64, y.round() as i64);
            match points.last() {
                Some(&(lx, ly)) if (p.0 - lx).abs() < MIN_STEP && (p.1 - ly).abs() < MIN_STEP => {}
                _ => points.push(p),
            }
        }
        let (min_x, max_x) = points.iter().fold((i64::MAX, i64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        let (min_y, max_y) = points.iter().fold((i64::MAX, i64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
        if points.len() < 4 || (max_x - min_x) + (max_y - min_y) < 3 * MIN_STEP {
            continue;
        }
        let (x0, y0) = points[0];
        let _ = write!(d, "M{x0} {y0}l");
        let mut last = (x0, y0);
        for (i, &(x, y)) in points.iter().enumerate().skip(1) {
            let (dx, dy) = (x - last.0, y - last.1);
            if i > 1 && dx >= 0 {
                d.push(' ');
            }
            let _ = write!(d, "{dx}");
            if dy >= 0 {
                d.push(' ');
            }
            let _ = write!(d, "{dy}");
            last = (x, y);
        }
        d.push('Z');
    }
    d
}

/// Escapes text for XML.
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl WorldMap {
    /// The map of `data/geo/countries-50m.json`, countries matched to ISO codes through `countries`.
    pub fn bundled(countries: &Countries) -> Result<WorldMap, GeoError> {
        WorldMap::from_topojson(BUNDLED_TOPOLOGY, countries)
    }

    /// Projects the `countries` object of a TopoJSON topology.
    pub fn from_topojson(text: &str, countries: &Countries) -> Result<WorldMap, GeoError> {
        let mut out = Vec::new();
        for shape in shapes(text, "countries")? {
            let iso2 = shape
                .numeric_id
                .as_deref()
                .and_then(|n| countries.by_numeric(n))
                .map(|c| c.iso2.clone())
                .or_else(|| CODES_BY_NAME.iter().find(|(n, _)| *n == shape.name).map(|(_, c)| c.to_string()));
            let cut: Vec<Ring> = shape.polygons.iter().flatten().flat_map(cut_antimeridian).collect();
            let rings: Vec<&Ring> = cut.iter().collect();
            let path = path_data(&rings);
            if !path.is_empty() {
                out.push(MapCountry { iso2, path });
            }
        }
        Ok(WorldMap { countries: out, height: 2.0 * MAX_Y * scale() })
    }

    /// The ISO codes the map can shade.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.countries.iter().filter_map(|c| c.iso2.as_deref())
    }

    /// The fill for a count.
    pub fn shade(count: usize) -> &'static str {
        SHADES.iter().rev().find(|(min, _)| count >= *min).map_or(SHADES[0].1, |(_, c)| c)
    }

    /// Renders the map as an SVG element: countries shaded by `counts` (ISO code → count), those with
    /// a count linking to `country_href(code)`, and `dots` on top.
    pub fn render(
        &self,
        counts: &HashMap<String, usize>,
        country_href: &dyn Fn(&str) -> String,
        dots: &[MapDot],
        text: &MapText,
    ) -> String {
        let mut svg = String::with_capacity(400_000);
        let _ = write!(
            svg,
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {:.0}" role="group" aria-labelledby="map-title map-desc" class="world-map"><title id="map-title">{}</title><desc id="map-desc">{}</desc><rect width="{WIDTH}" height="{:.0}" fill="#f6f9fc"/>"##,
            self.height,
            xml_escape(text.title),
            xml_escape(text.description),
            self.height
        );
        svg.push_str(r##"<g stroke="#ffffff" stroke-width="0.8">"##);
        for c in &self.countries {
            let count = c.iso2.as_deref().and_then(|code| counts.get(code)).copied().unwrap_or(0);
            let fill = Self::shade(count);
            match (&c.iso2, count) {
                (Some(code), n) if n > 0 => {
                    let label = (text.country_label)(code, n);
                    let _ = write!(
                        svg,
                        r#"<a href="{}" aria-label="{}"><path d="{}" fill="{fill}"><title>{}</title></path></a>"#,
                        xml_escape(&country_href(code)),
                        xml_escape(&label),
                        c.path,
                        xml_escape(&label)
                    );
                }
                _ => {
                    let _ = write!(svg, r#"<path d="{}" fill="{fill}" aria-hidden="true"/>"#, c.path);
                }
            }
        }
        svg.push_str("</g><g>");
        for dot in dots {
            let (x, y) = to_svg(dot.lon, dot.lat);
            let _ = write!(
                svg,
                r##"<a href="{}" aria-label="{}"><circle cx="{x:.0}" cy="{y:.0}" r="6.5" fill="#1d3557" stroke="#ffffff" stroke-width="2"><title>{}</title></circle></a>"##,
                xml_escape(&dot.href),
                xml_escape(&dot.label),
                xml_escape(&dot.label)
            );
        }
        svg.push_str("</g></svg>");
        svg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_crossing_the_antimeridian_are_cut_and_closed_on_one_side() {
        let ring: Ring = vec![
            (170.0, 60.0),
            (179.0, 62.0),
            (-179.0, 63.0),
            (-170.0, 65.0),
            (-178.0, 66.0),
            (178.0, 64.0),
            (170.0, 60.0),
        ];
        let cut = cut_antimeridian(&ring);
        assert_eq!(cut.len(), 2);
        for r in &cut {
            assert!(r.iter().all(|p| p.0 > 0.0) || r.iter().all(|p| p.0 < 0.0), "{r:?}");
            assert_eq!(r.first(), r.last());
        }
        let polar: Ring = vec![(-180.0, -80.0), (0.0, -70.0), (179.0, -75.0), (-180.0, -80.0)];
        let closed = &cut_antimeridian(&polar)[0];
        assert!(closed.iter().any(|p| p.1 == -90.0), "closed through the south pole");
        assert_eq!(cut_antimeridian(&vec![(0.0, 0.0), (1.0, 1.0), (0.0, 0.0)]).len(), 1);
    }

    #[test]
    fn the_bundled_map_knows_the_countries_of_the_dataset() {
        let countries = Countries::bundled();
        let map = WorldMap::bundled(&countries).unwrap();
        let codes: Vec<&str> = map.codes().collect();
        for code in ["NL", "CN", "US", "CA", "IT", "ES", "FR", "GB", "JP", "KR", "NZ", "XK", "TW"] {
            assert!(codes.contains(&code), "{code} missing");
        }
    }

    #[test]
    fn renders_links_shades_dots_and_escapes_labels() {
        let countries = Countries::bundled();
        let map = WorldMap::bundled(&countries).unwrap();
        let counts: HashMap<String, usize> = [("NL".to_string(), 2)].into();
        let dots =
            [MapDot { lon: 4.47917, lat: 51.9225, href: "/stations/ST033".into(), label: "Rotterdam <ST033>".into() }];
        let label = |code: &str, n: usize| format!("{}: {n} stations", countries.get(code).unwrap().name);
        let text = MapText { title: "Stations", description: "Listed below", country_label: &label };
        let svg = map.render(&counts, &|c| format!("/countries/{c}"), &dots, &text);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(r#"<a href="/countries/NL" aria-label="The Netherlands: 2 stations">"#));
        assert!(svg.contains(&format!("fill=\"{}\"", WorldMap::shade(2))));
        assert!(svg.contains("Rotterdam &lt;ST033&gt;"));
        assert_eq!(svg.matches("<a href=").count(), 2, "only countries with stations and the dots are links");
        let (x, y) = to_svg(4.47917, 51.9225);
        assert!((1000.0..1040.0).contains(&x) && (100.0..160.0).contains(&y), "{x} {y}");
        assert!(svg.len() < 400_000, "{} bytes", svg.len());
    }
}
