//! The region outlines of the explorer's map (`region-paths.json`, format and provenance in
//! `domain/data/map/README.md`): the app fetches them from [`URL`], where `cargo xtask dist`
//! copies them from that folder (the outlines stay out of the wasm, so the quiz's first
//! visit stays small). The build checks the file and draws the static pages' small maps with
//! this same reader (`xtask/src/map_data.rs`, `xtask/src/site/map.rs`). In the domain, with no web dependency, so that the parsing and the
//! geometry are tested natively (the web crate's tests run in the browser, by
//! wasm-bindgen-test, which never runs a plain `#[test]`).
//!
//! Read by walking `serde_json::Value` (already in the app), not by derived deserializers,
//! which cost far more wasm for the same work (see `catalogue_json`).

use serde_json::Value;

/// Where the app fetches the outlines (and where `xtask/src/map_data.rs` writes them in the site).
pub const URL: &str = "/data/region-paths.json";

/// A region's share of its whole area that must lie inside the southern view for the region to
/// be reached there (by keyboard and screen reader) rather than on the whole-province map: each
/// region is focusable once, where most of it is drawn.
const SOUTH_SHARE: f64 = 0.5;

/// One drawing of the regions: the whole province or the zoomed south.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub width: f64,
    pub height: f64,
    /// Pixels (viewBox units) per kilometre.
    pub scale: f64,
    /// Projected bounding box in metres: x0, y0, x1, y1.
    pub bbox: [f64; 4],
    /// Code and SVG path data, in the file's order.
    pub paths: Vec<(String, String)>,
    /// Code and a point inside the region's largest part.
    pub labels: Vec<(String, (f64, f64))>,
}

/// Both views.
#[derive(Debug, Clone, PartialEq)]
pub struct MapData {
    pub full: View,
    pub south: View,
}

impl View {
    fn read(v: &Value) -> Result<View, String> {
        let num = |x: &Value| x.as_f64().ok_or("not a number");
        let vb: Vec<f64> = v["viewBox"]
            .as_str()
            .ok_or("viewBox")?
            .split_whitespace()
            .map(|n| parse_number(n).ok_or("viewBox"))
            .collect::<Result<_, _>>()?;
        let [_, _, width, height] = vb[..] else {
            return Err("viewBox".into());
        };
        let b = v["projected_bbox_m"].as_array().ok_or("projected_bbox_m")?;
        if b.len() != 4 {
            return Err("projected_bbox_m".into());
        }
        let bbox = [num(&b[0])?, num(&b[1])?, num(&b[2])?, num(&b[3])?];
        let paths = v["paths"]
            .as_object()
            .ok_or("paths")?
            .iter()
            .map(|(code, d)| Ok((code.clone(), d.as_str().ok_or("path")?.to_string())))
            .collect::<Result<Vec<_>, &str>>()?;
        let labels = v["labels"]
            .as_object()
            .ok_or("labels")?
            .iter()
            .map(|(code, p)| Ok((code.clone(), (num(&p["x"])?, num(&p["y"])?))))
            .collect::<Result<Vec<_>, &str>>()?;
        Ok(View {
            width,
            height,
            scale: num(&v["scale_px_per_km"])?,
            bbox,
            paths,
            labels,
        })
    }

    pub fn path(&self, code: &str) -> Option<&str> {
        self.paths
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, d)| d.as_str())
    }

    pub fn label(&self, code: &str) -> Option<(f64, f64)> {
        self.labels.iter().find(|(c, _)| c == code).map(|(_, p)| *p)
    }

    /// Where a projected point (metres) falls in this view. Each view centres its projected
    /// box in its viewBox with y flipped (README: "scaled and y-flipped into the viewBox").
    pub fn project(&self, x: f64, y: f64) -> (f64, f64) {
        let k = self.scale / 1000.0;
        let [x0, y0, x1, y1] = self.bbox;
        let ox = (self.width - (x1 - x0) * k) / 2.0;
        let oy = (self.height - (y1 - y0) * k) / 2.0;
        (ox + (x - x0) * k, oy + (y1 - y) * k)
    }

    /// The area of a region in this view, in square kilometres (0 when not drawn here).
    pub fn area_km2(&self, code: &str) -> f64 {
        self.path(code)
            .map_or(0.0, |d| path_area(d) / (self.scale * self.scale))
    }
}

impl MapData {
    pub fn parse(json: &str) -> Result<MapData, String> {
        let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Ok(MapData {
            full: View::read(&v["full"]).map_err(|e| format!("full: {e}"))?,
            south: View::read(&v["south"]).map_err(|e| format!("south: {e}"))?,
        })
    }

    /// Whether a region belongs to the southern view rather than to the whole province: when
    /// most of it lies in the south (see [`SOUTH_SHARE`]). The one rule for both drawings of a
    /// region: the explorer focuses and names it there, and its static page draws it there.
    pub fn in_south(&self, code: &str) -> bool {
        let whole = self.full.area_km2(code);
        whole > 0.0 && self.south.area_km2(code) / whole >= SOUTH_SHARE
    }

    /// The view a region belongs to (see [`MapData::in_south`]).
    pub fn view_for(&self, code: &str) -> &View {
        if self.in_south(code) {
            &self.south
        } else {
            &self.full
        }
    }

    /// The southern view's frame drawn on the whole province (x, y, width, height), so a
    /// person sees what the zoomed map shows.
    pub fn south_frame(&self) -> (f64, f64, f64, f64) {
        let [x0, y0, x1, y1] = self.south.bbox;
        let (ax, ay) = self.full.project(x0, y1);
        let (bx, by) = self.full.project(x1, y0);
        (ax, ay, bx - ax, by - ay)
    }
}

/// The enclosed area of SVG path data made of absolute `M` and relative `l` commands (the
/// file's format) with optional `z`. Each subpath is a ring; holes wind the other way, so the
/// signed areas add up to the region's area, whichever way the outer rings turn.
pub fn path_area(d: &str) -> f64 {
    let mut total = 0.0;
    for sub in d.split('M').filter(|s| !s.trim().is_empty()) {
        let mut nums = numbers(sub);
        let (Some(sx), Some(sy)) = (nums.next(), nums.next()) else {
            continue;
        };
        let (mut x, mut y) = (sx, sy);
        let mut ring = 0.0;
        while let (Some(dx), Some(dy)) = (nums.next(), nums.next()) {
            ring += x * (y + dy) - (x + dx) * y;
            x += dx;
            y += dy;
        }
        // Close the ring back to its start.
        ring += x * sy - sx * y;
        total += ring / 2.0;
    }
    total.abs()
}

/// The numbers of a subpath: "10 0l80 0 0 60-80 0z" gives 10, 0, 80, 0, 0, 60, -80, 0 (a minus
/// sign starts a new number, as SVG allows).
fn numbers(s: &str) -> impl Iterator<Item = f64> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        let digit = c.is_ascii_digit() || c == '.';
        if let Some(a) = start
            && (!digit || c == '-')
        {
            out.extend(parse_number(&s[a..i]));
            start = None;
        }
        if start.is_none() && (digit || c == '-') {
            start = Some(i);
        }
    }
    out.into_iter()
}

/// Reads a plain decimal ("-12.5"). Written by hand because `str::parse::<f64>` and float
/// `Display` bring the standard library's general float code (tens of KB of wasm) for numbers
/// that are never more than a sign, digits and a point.
pub fn parse_number(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut value = 0.0;
    for b in int.bytes() {
        value = value * 10.0 + f64::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
    }
    let mut scale = 1.0;
    for b in frac.bytes() {
        scale /= 10.0;
        value += f64::from(b.checked_sub(b'0').filter(|d| *d < 10)?) * scale;
    }
    Some(if negative { -value } else { value })
}

/// Writes a coordinate for an SVG attribute with one decimal, by integer formatting (see
/// [`parse_number`]): 12.34 gives "12.3", -0.04 gives "0".
pub fn svg_number(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let (int, frac) = (tenths / 10, (tenths % 10).abs());
    let sign = if tenths < 0 && int == 0 { "-" } else { "" };
    if frac == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../tests/fixtures/region-paths.min.json");

    #[test]
    fn reads_the_fixture() {
        let m = MapData::parse(FIXTURE).unwrap();
        assert_eq!(m.full.width, 100.0);
        assert_eq!(m.south.height, 50.0);
        assert_eq!(m.full.paths.len(), 3);
        assert_eq!(m.south.label("05"), Some((60.0, 20.0)));
        assert!(m.south.path("10").is_none());
    }

    #[test]
    fn areas_and_the_southern_share() {
        assert_eq!(path_area("M10 0l80 0 0 60-80 0z"), 4800.0);
        // A square with a square hole that winds the other way.
        assert_eq!(path_area("M0 0l10 0 0 10-10 0zM2 2l0 2 2 0 0-2z"), 96.0);
        let m = MapData::parse(FIXTURE).unwrap();
        // 05 is 10 × 10 px at 0.1 px/km on the whole map, 20 × 20 px at 0.2 px/km in the south.
        assert!((m.full.area_km2("05") - 10_000.0).abs() < 1e-6);
        assert!((m.south.area_km2("05") - 10_000.0).abs() < 1e-6);
        assert!(m.in_south("05"));
        assert!(!m.in_south("10"));
        assert!(!m.in_south("99"));
        assert_eq!(m.view_for("05"), &m.south);
        assert_eq!(m.view_for("10"), &m.full);
    }

    #[test]
    fn the_south_frame_on_the_whole_map() {
        let m = MapData::parse(FIXTURE).unwrap();
        let (x, y, w, h) = m.south_frame();
        assert!((x - 10.0).abs() < 1e-9 && (y - 75.0).abs() < 1e-9);
        assert!((w - 50.0).abs() < 1e-9 && (h - 25.0).abs() < 1e-9);
    }

    #[test]
    fn numbers_without_the_float_machinery() {
        assert_eq!(parse_number("-12.5"), Some(-12.5));
        assert_eq!(parse_number("1000"), Some(1000.0));
        assert_eq!(parse_number(".5"), Some(0.5));
        assert_eq!(parse_number("-"), None);
        assert_eq!(parse_number("1e3"), None);
        assert_eq!(svg_number(12.34), "12.3");
        assert_eq!(svg_number(-0.46), "-0.5");
        assert_eq!(svg_number(-0.04), "0");
        assert_eq!(svg_number(995.7), "995.7");
    }

    #[test]
    fn refuses_a_broken_file() {
        assert!(MapData::parse("{}").is_err());
        assert!(MapData::parse("not json").is_err());
    }
}
