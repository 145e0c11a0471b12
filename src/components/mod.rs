//! Widgets shared by several pages.

pub mod compare;
pub mod error_summary;
pub mod explorer_state;
pub mod figure;
pub mod footer;
pub mod form;
pub mod header;
pub mod idle_warning;
pub mod legend;
pub mod map;
pub mod page_title;
pub mod qr;
pub mod quiz_url;
pub mod region_list;
pub mod region_panel;
pub mod share;
