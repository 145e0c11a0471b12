//! A QR code of a link, drawn in the browser as SVG (no third-party service sees the link).

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

/// The SVG path of the dark modules of `data`'s QR code, and the code's width in modules
/// (including a 4-module quiet zone, as the standard asks).
pub fn qr_path(data: &str) -> Option<(String, usize)> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (i, color) in colors.iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((path, width + 8))
}

/// The QR code of `data`, labelled for screen readers.
#[component]
pub fn Qr(
    #[prop(into)] data: Signal<String>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    move || {
        qr_path(&data.get()).map(|(path, size)| {
            view! {
                <svg
                    class="qr"
                    role="img"
                    aria-label=label.get()
                    viewBox=format!("0 0 {size} {size}")
                    xmlns="http://www.w3.org/2000/svg"
                    shape-rendering="crispEdges"
                >
                    <rect width=size.to_string() height=size.to_string() fill="#fff"/>
                    <path d=path fill="#000"/>
                </svg>
            }
        })
    }
}
