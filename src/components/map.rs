//! The map of the regions: the populated south, zoomed (where 10 of the 15 destinations are
//! small enough to need it on a tablet), then the whole province with the south's frame drawn
//! on it. Montréal and Laval are drawn as the starting point, in grey, and cannot be chosen.
//!
//! Every destination is one focusable shape (`role="button"`, named "region: value", Enter or
//! Space opens its facts), on the map where most of it lies (`MapData::in_south`); its parts on
//! the other map answer a click or a tap too, but are hidden from the keyboard and screen
//! readers so that no region is met twice. Nothing needs dragging or zooming.
//!
//! The structure is drawn once per language; colours, names and the selection are reactive
//! attributes, so the shape that has the focus keeps it when a choice changes the URL.

use crate::components::explorer_state::{Explorer, Show, use_explorer};
use crate::components::legend::{fill, format_value};
use crate::i18n::{K, text, use_lang};
use eer_domain::map_data::{MapData, View, svg_number as n};
use eer_domain::{Lang, catalogue};
use leptos::prelude::*;
use std::sync::Arc;

/// Which of the two maps.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    South,
    Full,
}

/// A region's accessible name: "Estrie : 3,1 %", "Estrie : aucune donnée",
/// "Estrie : correspondance 72 sur 100".
pub fn region_name_with_value(ex: &Explorer, code: &str, lang: Lang) -> String {
    let name = catalogue().region(code).map_or("", |r| r.name(lang));
    let show = ex.state.with(|s| s.show);
    let value = match (show, ex.value(show, code)) {
        (_, None) => text(lang, K::ExplorerNoData).to_string(),
        (Show::Fit, Some(v)) => {
            text(lang, K::ExplorerScore).replace("{n}", &format_value(show, v, lang))
        }
        (Show::Metric(_), Some(v)) => format_value(show, v, lang),
    };
    format!("{name}{} {value}", lang.pick("\u{a0}:", ":"))
}

/// Both maps.
#[component]
pub fn RegionMap(data: Arc<MapData>) -> impl IntoView {
    let lang = use_lang();
    let south = data.clone();
    let full = data;
    view! {
        <div class="maps">
            <figure class="map map--south">
                <figcaption id="map-south-title" class="map__caption">{move || text(lang.get(), K::ExplorerMapSouth)}</figcaption>
                {move || draw(&south, Which::South, lang.get())}
            </figure>
            <figure class="map map--full">
                <figcaption id="map-full-title" class="map__caption">{move || text(lang.get(), K::ExplorerMapFull)}</figcaption>
                {move || draw(&full, Which::Full, lang.get())}
            </figure>
        </div>
    }
}

/// One map. The keyboard meets regions from west to east (by their label point): the order of
/// the St. Lawrence, upstream to downstream, in which the regions are usually listed; the
/// southern map first, where most destinations are, then the north and east.
fn draw(data: &MapData, which: Which, lang: Lang) -> AnyView {
    let ex = use_explorer();
    // The region whose shape has the keyboard focus: its ring is drawn on top (see `ring`).
    let focused = RwSignal::new(None::<Arc<str>>);
    let (view, title, pattern) = match which {
        Which::South => (&data.south, "map-south-title", "hatch-south"),
        Which::Full => (&data.full, "map-full-title", "hatch-full"),
    };
    let focusable = |code: &str| {
        catalogue().region(code).is_some_and(|r| r.destination)
            && data.in_south(code) == (which == Which::South)
    };
    let mut order: Vec<(&str, &str)> = view
        .paths
        .iter()
        .map(|(c, d)| (c.as_str(), d.as_str()))
        .collect();
    // Parts that cannot take the focus first (painted below), then the focusable regions in
    // keyboard order.
    order.sort_by(|a, b| {
        let key = |code: &str| (focusable(code), view.label(code).map_or(0.0, |p| p.0));
        key(a.0)
            .partial_cmp(&key(b.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let shapes = order
        .into_iter()
        .map(|(code, d)| shape(ex, code, d, focusable(code), pattern, lang, focused))
        .collect_view();
    let (vx, vw) = match which {
        // The whole map's content spans x 99–901 of 1000: crop the empty sides (and keep the
        // south's frame, which starts at x 69) so the province is drawn larger.
        Which::Full => (60.0, view.width - 120.0),
        Which::South => (0.0, view.width),
    };
    let frame = (which == Which::Full).then(|| {
        let (x, y, w, h) = data.south_frame();
        view! { <rect class="map__frame" x=n(x) y=n(y) width=n(w) height=n(h) aria-hidden="true"/> }
    });
    let origin = (which == Which::South).then(|| origin_label(view, lang));
    let selected = selected_overlay(ex, view, which, data);
    let ring = focus_ring(view, focused);
    view! {
        <svg class="map__svg" viewBox=format!("{} 0 {} {}", n(vx), n(vw), n(view.height)) role="group" aria-labelledby=title focusable="false">
            <defs>
                <pattern id=pattern width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="8" height="8" fill="#ffffff"/>
                    <line x1="0" y1="0" x2="0" y2="8" stroke="#4e5662" stroke-width="3"/>
                </pattern>
            </defs>
            {shapes}
            {frame}
            {selected}
            {ring}
            {origin}
        </svg>
    }
    .into_any()
}

/// One region's shape on one map.
fn shape(
    ex: Explorer,
    code: &str,
    d: &str,
    focusable: bool,
    pattern: &str,
    lang: Lang,
    focused: RwSignal<Option<Arc<str>>>,
) -> AnyView {
    let code: Arc<str> = Arc::from(code);
    let destination = catalogue().region(&code).is_some_and(|r| r.destination);
    if !destination {
        return view! { <path class="region region--origin" d=d.to_string() aria-hidden="true"/> }
            .into_any();
    }
    let pattern = pattern.to_string();
    let c1 = code.clone();
    let fill_now = move || ex.scale.with(|s| fill(s.class_of(&c1), &pattern));
    let c2 = code.clone();
    let pressed = move || {
        ex.state
            .with(|s| s.region.as_deref() == Some(&*c2))
            .to_string()
    };
    let c3 = code.clone();
    let on_click = move |_| ex.select(&c3);
    if !focusable {
        return view! {
            <path class="region region--part" d=d.to_string() fill=fill_now aria-hidden="true" on:click=on_click/>
        }
        .into_any();
    }
    let c4 = code.clone();
    let label = move || region_name_with_value(&ex, &c4, lang);
    let c5 = code.clone();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            ex.select(&c5);
        }
    };
    let c6 = code.clone();
    // Only a keyboard focus shows the ring (as `:focus-visible` would); a tap shows the selection.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let visible = event_target::<web_sys::Element>(&ev)
            .matches(":focus-visible")
            .unwrap_or(true);
        focused.set(visible.then(|| c6.clone()));
    };
    view! {
        <path class="region" d=d.to_string() fill=fill_now role="button" tabindex="0"
            aria-label=label aria-pressed=pressed data-code=code.to_string()
            on:click=on_click on:keydown=on_key on:focus=on_focus on:blur=move |_| focused.set(None)/>
    }
    .into_any()
}

/// A region's outline and label point, kept for drawing it on top when it is selected.
#[derive(Clone)]
struct Outline {
    code: String,
    d: String,
    label: (f64, f64),
}

/// The selected region's outline and name, drawn on top (and ignoring the pointer) on the map
/// where it is focusable, so a thick outline is never hidden under a neighbour.
fn selected_overlay(ex: Explorer, view: &View, which: Which, data: &MapData) -> impl IntoView {
    let outlines: Vec<Outline> = view
        .paths
        .iter()
        .filter(|(c, _)| data.in_south(c) == (which == Which::South))
        .map(|(c, d)| Outline {
            code: c.clone(),
            d: d.clone(),
            label: view.label(c).unwrap_or((0.0, 0.0)),
        })
        .collect();
    let lang = use_lang();
    move || {
        let code = ex.state.with(|s| s.region.clone())?;
        let o = outlines.iter().find(|o| o.code == code)?.clone();
        // The short name: "Estrie", not "Estrie (Eastern Townships)", to fit on the map.
        let name = catalogue().region(&code).map(|r| {
            let full = r.name(lang.get());
            full.split(" (").next().unwrap_or(full).to_string()
        });
        let (x, y) = o.label;
        Some(view! {
            <g class="map__selected" aria-hidden="true">
                <path class="region-outline" d=o.d/>
                <text class="map__label" x=n(x) y=n(y) text-anchor="middle">{name}</text>
            </g>
        })
    }
}

/// The focus ring of the region that has the keyboard focus, drawn on top of every shape (a
/// shape's own stroke is partly hidden under its neighbours): amber inside a dark edge, the
/// site's focus style, visible on every class colour (WCAG 2.4.7, 2.4.11).
fn focus_ring(view: &View, focused: RwSignal<Option<Arc<str>>>) -> impl IntoView + use<> {
    let paths = view.paths.clone();
    move || {
        let code = focused.get()?;
        let d = paths.iter().find(|(c, _)| **c == *code)?.1.clone();
        Some(view! {
            <g class="map__focus" aria-hidden="true">
                <path class="focus-ring focus-ring--edge" d=d.clone()/>
                <path class="focus-ring" d=d/>
            </g>
        })
    }
}

/// "Montréal" at its label point: where households start from.
fn origin_label(view: &View, lang: Lang) -> impl IntoView {
    let (x, y) = view.label("06").unwrap_or((0.0, 0.0));
    view! {
        <g class="map__origin" aria-hidden="true">
            <circle cx=n(x) cy=n(y) r="6"/>
            <text class="map__label map__label--origin" x=n(x - 12.0) y=n(y + 30.0) text-anchor="end">{text(lang, K::ExplorerOriginShort)}</text>
        </g>
    }
}
