//! One file per screen.

pub mod check;
pub mod explorer;
pub mod interest;
pub mod interest_answers;
pub mod interest_sent;
pub mod not_found;
pub mod quiz;
pub mod results;
pub mod static_page;
