//! The kiosk's idle warning (`crate::kiosk`): after `idle` seconds without a touch, a modal
//! alert dialog counts down `warn` seconds with one large "Continue" button; when it runs out,
//! `on_timeout` runs (the kiosk resets itself for the next visitor). The warning knows nothing
//! of the kiosk: the kiosk hands it its reset, so each imports only what it uses.
//!
//! Accessibility: `role="alertdialog"` with `aria-modal`, its title and text; focus moves to
//! the button and stays in the dialog (the rest of the page is `inert` meanwhile), and returns
//! where it was on "Continue" (or Escape). The countdown is visible every second but announced
//! politely only at 10 and 5 seconds, so a screen reader is not flooded (WCAG 2.2.1, 4.1.3).

use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What counts as someone using the kiosk.
const ACTIVITY: [&str; 6] = [
    "pointerdown",
    "touchstart",
    "keydown",
    "wheel",
    "scroll",
    "input",
];

const DIALOG_ID: &str = "idle-warning";
const BUTTON_ID: &str = "idle-warning-continue";

#[component]
pub fn IdleWarning(
    /// Seconds without activity before the warning.
    idle: u32,
    /// Seconds the warning lasts before the reset.
    warn: u32,
    /// What to do when the warning runs out (once).
    on_timeout: fn(),
) -> impl IntoView {
    let lang = use_lang();
    let last = StoredValue::new(js_sys::Date::now());
    // Seconds left before the reset, while the warning shows.
    let left = RwSignal::new(None::<u32>);
    let resetting = StoredValue::new(false);

    for name in ACTIVITY {
        let _ = window_event_listener_untyped(name, move |_| {
            // While the warning shows, only its button continues: a stray touch behind it
            // must not silently keep the previous visitor's answers on screen.
            if left.get_untracked().is_none() {
                last.set_value(js_sys::Date::now());
            }
        });
    }

    let tick = move || {
        let quiet = (js_sys::Date::now() - last.get_value()) / 1000.0;
        let over = quiet - f64::from(idle);
        if over < 0.0 {
            if left.get_untracked().is_some() {
                left.set(None);
            }
            return;
        }
        let remaining = (f64::from(warn) - over).ceil();
        if remaining <= 0.0 {
            if !resetting.get_value() {
                resetting.set_value(true);
                on_timeout();
            }
            return;
        }
        let remaining = remaining as u32;
        if left.get_untracked() != Some(remaining) {
            left.set(Some(remaining));
        }
    };
    // A short tick so the countdown is exact even after the tablet slept (Date, not counts).
    gloo_timers::callback::Interval::new(250, tick).forget();

    let keep_going = move || {
        last.set_value(js_sys::Date::now());
        left.set(None);
    };

    // Opening: the page behind goes inert and focus moves to the button; closing undoes both
    // and gives focus back.
    let previous_focus = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let open = left.get().is_some();
        if was_open.unwrap_or(false) != open {
            if open {
                previous_focus.set_value(
                    document()
                        .active_element()
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()),
                );
                set_background_inert(true);
                request_animation_frame(|| focus_by_id(BUTTON_ID));
            } else {
                set_background_inert(false);
                if let Some(el) = previous_focus.get_value() {
                    let _ = el.focus();
                }
            }
        }
        open
    });

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        // One control: Tab stays on it.
        "Tab" => {
            ev.prevent_default();
            focus_by_id(BUTTON_ID);
        }
        "Escape" => {
            ev.prevent_default();
            keep_going();
        }
        _ => {}
    };
    let announce = Memo::new(move |before: Option<&String>| match left.get() {
        Some(n @ (5 | 10)) => text(lang.get(), K::KioskIdleAnnounce).replace("{n}", &n.to_string()),
        Some(_) => before.cloned().unwrap_or_default(),
        None => String::new(),
    });
    let seconds = move || left.get().unwrap_or(0).to_string();
    let body = move || {
        let template = text(lang.get(), K::KioskIdleBody);
        let (before, after) = template.split_once("{n}").unwrap_or((template, ""));
        view! { {before.to_string()}<strong class="idle-warning__count">{seconds}</strong>{after.to_string()} }
    };

    view! {
        <Show when=move || left.get().is_some()>
            <div class="idle-warning" id=DIALOG_ID>
                <div
                    class="idle-warning__dialog"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="idle-warning-title"
                    aria-describedby="idle-warning-body"
                    on:keydown=on_keydown
                >
                    <h2 id="idle-warning-title">{move || text(lang.get(), K::KioskIdleTitle)}</h2>
                    <p id="idle-warning-body">{body}</p>
                    <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
                    <button type="button" id=BUTTON_ID class="button idle-warning__continue" on:click=move |_| keep_going()>
                        {move || text(lang.get(), K::KioskIdleContinue)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

fn focus_by_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Makes every child of `<body>` but the dialog inert (or lively again).
fn set_background_inert(inert: bool) {
    let Some(body) = document().body() else {
        return;
    };
    let children = body.children();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        if child.id() == DIALOG_ID {
            continue;
        }
        if inert && !child.has_attribute("inert") {
            let _ = child.set_attribute("inert", "");
            let _ = child.set_attribute("data-idle-inert", "");
        } else if !inert && child.has_attribute("data-idle-inert") {
            let _ = child.remove_attribute("inert");
            let _ = child.remove_attribute("data-idle-inert");
        }
    }
}
