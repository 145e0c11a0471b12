//! Addresses of the services the rules point people to, in one place so that program staff can
//! check them. Each is the organisation's home or topic page (not a deep link), which changes
//! least often. Checked by name only: confirm them before launch (no network in this build).

/// Emplois en régions (facts file: the EER entry of region 06).
pub const EER: &str = "https://emploisenregions.ca";
/// Place aux jeunes en région: Québec-born and other graduates aged 18-35 (PROGRAM.md).
pub const PLACE_AUX_JEUNES: &str = "https://www.placeauxjeunes.qc.ca";
/// The Government of Québec's immigration pages (CSQ, selection programs).
pub const IMMIGRATION_QC: &str = "https://www.quebec.ca/immigration";
/// Services Québec employment pages: job search and regional offices.
pub const EMPLOI_QC: &str = "https://www.quebec.ca/emploi";
/// French courses of Francisation Québec (free for immigrants).
pub const FRANCISATION: &str = "https://www.quebec.ca/education/apprendre-le-francais";
/// Office des professions du Québec: the list of professional orders.
pub const OPQ: &str = "https://www.opq.gouv.qc.ca";
/// La Place 0-5: the single waiting list for subsidised daycare.
pub const PLACE_0_5: &str = "https://www.laplace0-5.com";
/// Société de l'assurance automobile du Québec: licences and exchanges.
pub const SAAQ: &str = "https://saaq.gouv.qc.ca";
