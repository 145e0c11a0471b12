//! Small SVG maps for the region pages: every region in light grey, the region of the page in
//! the accent blue, and Montréal — where households leave from — marked by a dot. Drawn from
//! the outlines in `region-paths.json` (Données Québec, CC-BY 4.0; see domain/data/map/README.md),
//! read at build time and never copied into the repository. Southern regions use the `south`
//! view (the populated south, larger on screen); the others the whole province.

use crate::sh::Result;
use eer_domain::catalogue::Region;
use eer_domain::{Lang, Metric};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::fs;
use std::path::Path;

/// The origin region whose label point stands for Montréal.
const MONTREAL: &str = "06";
/// A region is shown in the `south` view when its extent there, in km, is at least this share of
/// its extent in the whole province: otherwise the frame cuts it.
const WHOLE: f64 = 0.95;

/// One view of the outlines.
pub struct View {
    pub width: f64,
    pub height: f64,
    /// View units per km (`scale_px_per_km`), to compare extents across views.
    pub scale: Option<f64>,
    pub paths: BTreeMap<String, String>,
    pub labels: BTreeMap<String, (f64, f64)>,
}

/// The two views of the outlines file.
pub struct Maps {
    pub full: View,
    pub south: Option<View>,
}

impl Maps {
    /// Reads the outlines file; `Ok(None)` when there is no such file (the site is then built
    /// without maps), an error when it exists but cannot be read.
    pub fn load(path: &Path) -> Result<Option<Maps>> {
        let Ok(text) = fs::read_to_string(path) else {
            return Ok(None);
        };
        let json: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let full =
            view(&json["full"]).ok_or_else(|| format!("{}: no `full` view", path.display()))?;
        Ok(Some(Maps {
            full,
            south: view(&json["south"]),
        }))
    }

    /// The view that shows `code` best: the south (larger) when the region is whole in it.
    pub fn view_for(&self, code: &str) -> &View {
        match &self.south {
            Some(south) if south.shows_whole(code, &self.full) => south,
            _ => &self.full,
        }
    }

    /// The SVG of one region's map, or `None` if the outlines lack it (or lack Montréal).
    pub fn svg(&self, code: &str, title: &str) -> Option<String> {
        let view = self.view_for(code);
        let own = view.paths.get(code)?;
        let &(mx, my) = view.labels.get(MONTREAL)?;
        let (w, h) = (view.width, view.height);
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\
             <title>{}</title><rect width=\"{w}\" height=\"{h}\" fill=\"#eef3f8\"/>\
             <g fill=\"#d3dae3\" stroke=\"#ffffff\" stroke-width=\"1.5\" stroke-linejoin=\"round\">",
            super::html::esc(title)
        );
        for (other, d) in &view.paths {
            if other != code {
                let _ = write!(svg, "<path d=\"{d}\"/>");
            }
        }
        // Label size in view units, so it reads the same in both views once scaled to the page.
        let font = (w / 34.0).round();
        let _ = write!(
            svg,
            "</g><path d=\"{own}\" fill=\"#095797\" stroke=\"#223654\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\
             <circle cx=\"{mx}\" cy=\"{my}\" r=\"{r}\" fill=\"#1d2733\" stroke=\"#ffffff\" stroke-width=\"{sw}\"/>\
             <text x=\"{tx}\" y=\"{ty}\" font-family=\"system-ui, sans-serif\" font-size=\"{font}\" font-weight=\"700\" \
             fill=\"#1d2733\" stroke=\"#ffffff\" stroke-width=\"{halo}\" paint-order=\"stroke\" text-anchor=\"end\">Montréal</text></svg>",
            r = font * 0.35,
            sw = font * 0.12,
            tx = mx - font * 0.6,
            ty = my + font * 1.1,
            halo = font * 0.2,
        );
        svg.push('\n');
        Some(svg)
    }
}

impl View {
    /// Whether `code` appears whole here: its extent in km is (nearly) its extent in `full`.
    fn shows_whole(&self, code: &str, full: &View) -> bool {
        let km = |view: &View| {
            let (x0, y0, x1, y1) = bbox(view.paths.get(code)?)?;
            let scale = view.scale?;
            Some(((x1 - x0) / scale, (y1 - y0) / scale))
        };
        match (km(self), km(full)) {
            (Some((w, h)), Some((fw, fh))) => w >= WHOLE * fw && h >= WHOLE * fh,
            _ => false,
        }
    }
}

/// The bounding box (x0, y0, x1, y1) of path data made of absolute `M`, relative `l` and `z`
/// (the outlines file's form).
fn bbox(d: &str) -> Option<(f64, f64, f64, f64)> {
    let (mut x, mut y) = (0.0, 0.0);
    let mut out: Option<(f64, f64, f64, f64)> = None;
    let mut absolute = false;
    let mut pending: Option<f64> = None;
    let mut number = String::new();
    let mut flush = |number: &mut String, absolute: bool, pending: &mut Option<f64>| {
        if number.is_empty() {
            return;
        }
        let Ok(n) = number.parse::<f64>() else {
            number.clear();
            return;
        };
        number.clear();
        match pending.take() {
            None => *pending = Some(n),
            Some(first) => {
                if absolute {
                    (x, y) = (first, n);
                } else {
                    (x, y) = (x + first, y + n);
                }
                out = Some(match out {
                    None => (x, y, x, y),
                    Some((a, b, c, d)) => (a.min(x), b.min(y), c.max(x), d.max(y)),
                });
            }
        }
    };
    for ch in d.chars() {
        match ch {
            'M' | 'l' | 'z' | 'Z' => {
                flush(&mut number, absolute, &mut pending);
                pending = None;
                absolute = ch == 'M';
            }
            '-' => {
                flush(&mut number, absolute, &mut pending);
                number.push(ch);
            }
            ' ' | ',' => flush(&mut number, absolute, &mut pending),
            _ => number.push(ch),
        }
    }
    flush(&mut number, absolute, &mut pending);
    out
}

fn view(json: &Value) -> Option<View> {
    let mut dims = json["viewBox"]
        .as_str()?
        .split_whitespace()
        .filter_map(|n| n.parse::<f64>().ok())
        .skip(2);
    let (width, height) = (dims.next()?, dims.next()?);
    let paths = json["paths"]
        .as_object()?
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        // Path data is written into an attribute: keep only what SVG path data may hold.
        .filter(|(_, d)| {
            d.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b" .,-+".contains(&b))
        })
        .collect();
    let labels = json["labels"]
        .as_object()?
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), (v["x"].as_f64()?, v["y"].as_f64()?))))
        .collect();
    Some(View {
        width,
        height,
        scale: json["scale_px_per_km"].as_f64(),
        paths,
        labels,
    })
}

/// The address of a region's map image.
pub fn href(code: &str) -> String {
    format!("/map/{code}.svg")
}

/// Writes `dist/map/<code>.svg` for every destination region the outlines have.
pub fn write_all(maps: &Maps, dist: &Path) -> Result {
    let dir = dist.join("map");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for region in eer_domain::catalogue().destinations() {
        // The SVG's own title is bilingual: one file serves both languages' pages, whose
        // `alt` text (in the page's language) is what assistive technology reads.
        let title = format!("{} / {}", region.name_fr, region.name_en);
        if let Some(svg) = maps.svg(&region.code, &title) {
            let file = dir.join(format!("{}.svg", region.code));
            fs::write(&file, svg).map_err(|e| format!("{}: {e}", file.display()))?;
        }
    }
    Ok(())
}

/// The map's text alternative: which region is highlighted, where it lies from Montréal and
/// how far (the straight-line figure of the catalogue, when there is one).
pub fn alt(maps: &Maps, region: &Region, lang: Lang) -> Option<String> {
    let view = maps.view_for(&region.code);
    view.paths.get(&region.code)?;
    let &(rx, ry) = view.labels.get(&region.code)?;
    let &(mx, my) = view.labels.get(MONTREAL)?;
    let direction = compass(rx - mx, my - ry, lang);
    let distance = region
        .metric(Metric::DistanceKm)
        .map(|f| Metric::DistanceKm.format(f.value, lang));
    let name = region.name(lang);
    Some(match (lang, distance) {
        (Lang::Fr, Some(km)) => format!(
            "Carte du Québec : la région {name} en bleu, à environ {km} {direction} Montréal, point de départ marqué d’un point noir."
        ),
        (Lang::Fr, None) => format!(
            "Carte du Québec : la région {name} en bleu, {direction} Montréal, point de départ marqué d’un point noir."
        ),
        (Lang::En, Some(km)) => format!(
            "Map of Québec: the {name} region in blue, about {km} {direction} Montréal, the starting point, shown as a black dot."
        ),
        (Lang::En, None) => format!(
            "Map of Québec: the {name} region in blue, {direction} Montréal, the starting point, shown as a black dot."
        ),
    })
}

/// "au sud-est de" / "south-east of", from a vector (east, north).
fn compass(east: f64, north: f64, lang: Lang) -> &'static str {
    let angle = north.atan2(east).to_degrees(); // 0 = east, 90 = north
    let sector = (((angle + 360.0 + 22.5) % 360.0) / 45.0) as usize;
    const FR: [&str; 8] = [
        "à l’est de",
        "au nord-est de",
        "au nord de",
        "au nord-ouest de",
        "à l’ouest de",
        "au sud-ouest de",
        "au sud de",
        "au sud-est de",
    ];
    const EN: [&str; 8] = [
        "east of",
        "north-east of",
        "north of",
        "north-west of",
        "west of",
        "south-west of",
        "south of",
        "south-east of",
    ];
    lang.pick(FR, EN)[sector % 8]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Maps {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src/site/fixtures/region-paths.json");
        Maps::load(&path).unwrap().expect("fixture exists")
    }

    #[test]
    fn a_missing_file_means_no_maps() {
        assert!(
            Maps::load(Path::new("/nonexistent/region-paths.json"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn the_region_is_highlighted_and_montreal_marked() {
        let maps = fixture();
        let svg = maps.svg("05", "Estrie").unwrap();
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 60\"")
        );
        assert!(svg.contains("<path d=\"M70 40l10 0l0 10l-10 0z\" fill=\"#095797\""));
        assert!(
            svg.contains("<path d=\"M10 0l10 0l0 10l-10 0z\"/>"),
            "others in grey"
        );
        assert!(
            svg.contains("<circle cx=\"50\" cy=\"30\""),
            "Montréal marked"
        );
        assert!(!svg.contains("style"), "no inline style (CSP)");
        // A region the fixture lacks has no map.
        assert!(maps.svg("09", "Côte-Nord").is_none());
    }

    #[test]
    fn southern_regions_use_the_south_view_unless_cut_off() {
        let maps = fixture();
        // 05 is whole in the south view (twice the scale, twice the size); the frame cuts 08.
        assert_eq!(maps.view_for("05").height, 60.0);
        assert_eq!(maps.view_for("08").height, 100.0);
        assert_eq!(bbox("M1 2l3 4-1.5 -6z"), Some((1.0, 0.0, 4.0, 6.0)));
    }

    #[test]
    fn directions_from_montreal() {
        assert_eq!(compass(1.0, -1.0, Lang::Fr), "au sud-est de");
        assert_eq!(compass(-1.0, 0.1, Lang::En), "west of");
        assert_eq!(compass(0.0, 5.0, Lang::En), "north of");
    }
}
