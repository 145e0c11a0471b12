//! Small SVG maps for the region pages: every region in light grey, the region of the page in
//! the accent blue, and Montréal — where households leave from — marked by a dot. Drawn from
//! the outlines in `region-paths.json` (Données Québec, CC-BY 4.0; see domain/data/map/README.md),
//! read by the same reader as the explorer's (`eer_domain::map_data`), at build time. A region
//! is drawn on the view the explorer puts it on (`MapData::view_for`): the south (the populated
//! part, larger on screen) when most of it lies there, the whole province otherwise.

use crate::sh::Result;
use eer_domain::catalogue::Region;
use eer_domain::map_data::MapData;
use eer_domain::{Lang, Metric};
use std::fmt::Write;
use std::fs;
use std::path::Path;

/// The outlines, both views.
pub type Maps = MapData;

/// The origin region whose label point stands for Montréal.
const MONTREAL: &str = "06";

/// Reads the outlines file; `Ok(None)` when there is no such file (the site is then built
/// without maps), an error when it exists but cannot be read.
pub fn load(path: &Path) -> Result<Option<Maps>> {
    let Ok(text) = fs::read_to_string(path) else {
        return Ok(None);
    };
    MapData::parse(&text)
        .map(Some)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Path data written into an attribute as it is: only what SVG path data may hold, so that a
/// strange file cannot open the attribute.
fn safe_path(d: &str) -> bool {
    d.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b" .,-+".contains(&b))
}

/// The SVG of one region's map, or `None` if the outlines lack it (or lack Montréal).
pub fn svg(maps: &Maps, code: &str, title: &str) -> Option<String> {
    let view = maps.view_for(code);
    let own = view.path(code).filter(|d| safe_path(d))?;
    let (mx, my) = view.label(MONTREAL)?;
    let (w, h) = (view.width, view.height);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\
         <title>{}</title><rect width=\"{w}\" height=\"{h}\" fill=\"#eef3f8\"/>\
         <g fill=\"#d3dae3\" stroke=\"#ffffff\" stroke-width=\"1.5\" stroke-linejoin=\"round\">",
        super::html::esc(title)
    );
    // The others in code order (the outlines file's order may differ).
    let mut others: Vec<_> = view
        .paths
        .iter()
        .filter(|(other, d)| other != code && safe_path(d))
        .collect();
    others.sort();
    for (_, d) in others {
        let _ = write!(svg, "<path d=\"{d}\"/>");
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
        if let Some(svg) = svg(maps, &region.code, &title) {
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
    view.path(&region.code)?;
    let (rx, ry) = view.label(&region.code)?;
    let (mx, my) = view.label(MONTREAL)?;
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
        load(&path).unwrap().expect("fixture exists")
    }

    #[test]
    fn a_missing_file_means_no_maps() {
        assert!(
            load(Path::new("/nonexistent/region-paths.json"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn the_region_is_highlighted_and_montreal_marked() {
        let maps = fixture();
        let drawn = svg(&maps, "05", "Estrie").unwrap();
        assert!(
            drawn.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 60\"")
        );
        assert!(drawn.contains("<path d=\"M70 40l10 0l0 10l-10 0z\" fill=\"#095797\""));
        assert!(
            drawn.contains("<path d=\"M10 0l10 0l0 10l-10 0z\"/>"),
            "others in grey"
        );
        assert!(
            drawn.contains("<circle cx=\"50\" cy=\"30\""),
            "Montréal marked"
        );
        assert!(!drawn.contains("style"), "no inline style (CSP)");
        // A region the fixture lacks has no map.
        assert!(svg(&maps, "09", "Côte-Nord").is_none());
    }

    #[test]
    fn a_region_is_drawn_where_most_of_it_lies() {
        let maps = fixture();
        // 05 is whole in the south view (twice the scale, twice the size); only a quarter of
        // 08's area is inside the south's frame.
        assert_eq!(maps.view_for("05").height, 60.0);
        assert!(
            svg(&maps, "05", "Estrie")
                .unwrap()
                .contains("viewBox=\"0 0 100 60\"")
        );
        assert_eq!(maps.view_for("08").height, 100.0);
        assert!(
            svg(&maps, "08", "Abitibi")
                .unwrap()
                .contains("viewBox=\"0 0 100 100\"")
        );
    }

    #[test]
    fn the_real_outlines_put_each_region_where_the_explorer_does() {
        let file = crate::sh::root().join("domain/data/map/region-paths.json");
        let maps = load(&file).unwrap().expect("the repository's outlines");
        // Mauricie (04) and Abitibi-Témiscamingue (08) lie mostly in the south, though its
        // frame cuts their northern tips: the explorer focuses them on the southern map, and
        // their static pages draw them there too. Côte-Nord (09) lies in the north.
        let south = format!("viewBox=\"0 0 {} {}\"", maps.south.width, maps.south.height);
        for code in ["04", "05", "08"] {
            assert!(maps.in_south(code), "{code}");
            assert!(svg(&maps, code, code).unwrap().contains(&south), "{code}");
        }
        assert!(!svg(&maps, "09", "09").unwrap().contains(&south));
    }

    #[test]
    fn path_data_that_could_open_the_attribute_is_left_out() {
        assert!(safe_path("M10 0l80 0 0 60-80 0z"));
        assert!(!safe_path("M0 0\"/><script>"));
    }

    #[test]
    fn directions_from_montreal() {
        assert_eq!(compass(1.0, -1.0, Lang::Fr), "au sud-est de");
        assert_eq!(compass(-1.0, 0.1, Lang::En), "west of");
        assert_eq!(compass(0.0, 5.0, Lang::En), "north of");
    }
}
