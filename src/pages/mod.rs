//! One file per screen.

pub mod check;
pub mod explorer;
pub mod home;
pub mod interest;
pub mod interest_sent;
pub mod not_found;
pub mod privacy;
pub mod quiz;
pub mod region;
pub mod regions;
pub mod results;
