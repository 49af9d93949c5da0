//! The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, and kind to the
//! shapes of countries at all latitudes.

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Half the projection's width (x at longitude ±180°).
pub const MAX_X: f64 = 2.706_629_8;
/// Half the projection's height (y at latitude ±90°).
pub const MAX_Y: f64 = 1.317_362_8;

/// Projects (longitude, latitude) in degrees to Equal Earth (x, y), y growing northwards.
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let theta = ((3f64).sqrt() / 2.0 * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x =
        2.0 * (3f64).sqrt() * lambda * theta.cos() / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_points() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
        let (x, y) = equal_earth(180.0, 0.0);
        assert!((x - MAX_X).abs() < 1e-6, "{x}");
        assert!(y.abs() < 1e-12);
        let (x, y) = equal_earth(0.0, 90.0);
        assert!((y - MAX_Y).abs() < 1e-6, "{y}");
        assert!(x.abs() < 1e-12);
        let (x, y) = equal_earth(-74.0, 40.7);
        assert!(x < 0.0 && y > 0.0);
    }
}
