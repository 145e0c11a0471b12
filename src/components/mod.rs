//! Widgets shared by several pages.

pub mod error_summary;
pub mod figure;
pub mod footer;
pub mod header;
pub mod page_title;
pub mod qr;
pub mod quiz_url;
pub mod share;
