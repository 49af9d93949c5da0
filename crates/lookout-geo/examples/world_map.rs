//! Writes the bare world map as SVG (no counts, no dots), to look at the projection and the shapes:
//! `cargo run -p lookout-geo --example world_map > map.svg`

use std::collections::HashMap;

fn main() -> Result<(), lookout_geo::GeoError> {
    let countries = lookout_geo::Countries::bundled();
    let map = lookout_geo::WorldMap::bundled(&countries)?;
    let label = |code: &str, n: usize| format!("{code}: {n}");
    let text = lookout_geo::MapText { title: "World", description: "Natural Earth 1:50m", country_label: &label };
    let counts: HashMap<String, usize> = [("NL", 2), ("IT", 11), ("ES", 9), ("US", 4), ("CA", 7), ("JP", 2)]
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    println!("{}", map.render(&counts, &|c| format!("/countries/{c}"), &[], &text));
    Ok(())
}
