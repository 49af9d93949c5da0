//! Decoding TopoJSON (quantized, delta-encoded arcs) into polygons of longitude/latitude points.

use serde::Deserialize;

use crate::GeoError;

/// A ring: a closed line of (longitude, latitude) points.
pub type Ring = Vec<(f64, f64)>;

/// One shape of the topology's `countries` object.
#[derive(Debug, Clone)]
pub struct Shape {
    /// ISO 3166-1 numeric code, where the shape has one.
    pub numeric_id: Option<String>,
    /// Name (English, Natural Earth).
    pub name: String,
    /// Polygons, each an outer ring and its holes.
    pub polygons: Vec<Vec<Ring>>,
}

#[derive(Deserialize)]
struct Topology {
    #[serde(rename = "type")]
    kind: String,
    transform: Option<Transform>,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: std::collections::BTreeMap<String, Collection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    properties: serde_json::Map<String, serde_json::Value>,
}

fn bad(reason: impl Into<String>) -> GeoError {
    GeoError { file: "countries-50m.json", line: 0, field: "topology", reason: reason.into() }
}

/// Decodes every arc into absolute coordinates.
fn decode_arcs(topology: &Topology) -> Vec<Vec<(f64, f64)>> {
    topology
        .arcs
        .iter()
        .map(|arc| match &topology.transform {
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                arc.iter()
                    .map(|p| {
                        x += p[0];
                        y += p[1];
                        (x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1])
                    })
                    .collect()
            }
            None => arc.iter().map(|p| (p[0], p[1])).collect(),
        })
        .collect()
}

/// Joins arcs (negative index `~i` means arc `i` reversed) into a ring.
fn ring(indexes: &serde_json::Value, arcs: &[Vec<(f64, f64)>]) -> Result<Ring, GeoError> {
    let mut out: Ring = Vec::new();
    for index in indexes.as_array().ok_or_else(|| bad("a ring is not a list of arc indexes"))? {
        let i = index.as_i64().ok_or_else(|| bad("an arc index is not an integer"))?;
        let (arc_index, reversed) = if i < 0 { ((!i) as usize, true) } else { (i as usize, false) };
        let arc = arcs.get(arc_index).ok_or_else(|| bad(format!("arc {arc_index} does not exist")))?;
        let points: Vec<(f64, f64)> = if reversed { arc.iter().rev().copied().collect() } else { arc.clone() };
        // Consecutive arcs share their joining point.
        let skip = usize::from(!out.is_empty());
        out.extend(points.into_iter().skip(skip));
    }
    Ok(out)
}

fn polygon(rings: &serde_json::Value, arcs: &[Vec<(f64, f64)>]) -> Result<Vec<Ring>, GeoError> {
    rings.as_array().ok_or_else(|| bad("a polygon is not a list of rings"))?.iter().map(|r| ring(r, arcs)).collect()
}

/// Reads the shapes of the `object` collection of a TopoJSON topology.
pub fn shapes(text: &str, object: &str) -> Result<Vec<Shape>, GeoError> {
    let topology: Topology = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    if topology.kind != "Topology" {
        return Err(bad(format!("type is {:?}, not Topology", topology.kind)));
    }
    let arcs = decode_arcs(&topology);
    let collection = topology.objects.get(object).ok_or_else(|| bad(format!("no object {object:?}")))?;
    let mut out = Vec::new();
    for g in &collection.geometries {
        let polygons = match g.kind.as_str() {
            "Polygon" => vec![polygon(&g.arcs, &arcs)?],
            "MultiPolygon" => g
                .arcs
                .as_array()
                .ok_or_else(|| bad("a multipolygon is not a list of polygons"))?
                .iter()
                .map(|p| polygon(p, &arcs))
                .collect::<Result<_, _>>()?,
            _ => continue,
        };
        let name = g.properties.get("name").and_then(|n| n.as_str()).unwrap_or("").to_string();
        out.push(Shape { numeric_id: g.id.clone(), name, polygons });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_quantized_arcs_and_reversed_references() {
        let topo = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[10,20]},
            "arcs":[[[0,0],[1,0],[0,1]],[[1,1],[-1,0],[0,-1]]],
            "objects":{"c":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","id":"001","arcs":[[0,1]],"properties":{"name":"Square"}},
              {"type":"Polygon","id":"002","arcs":[[-2,-1]]}]}}}"#;
        let s = shapes(topo, "c").unwrap();
        assert_eq!(s[0].name, "Square");
        assert_eq!(s[0].polygons[0][0], vec![(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]);
        assert_eq!(s[1].polygons[0][0][0], (10.0, 20.0));
        assert!(shapes(topo, "missing").is_err());
        assert!(shapes("{\"type\":\"Feature\",\"arcs\":[],\"objects\":{}}", "c").is_err());
    }
}
