//! eer-domain: the rules of Emplois en régions, in one place, with no web dependency.
//! Compiled natively for tests and the endpoint, and to wasm32 for the app.

pub mod answers;
pub mod asset;
pub mod catalogue;
mod catalogue_json;
pub mod cite;
pub mod destination;
pub mod eligibility;
pub mod embedded_catalogue;
pub mod explorer;
pub mod facts;
pub mod fit;
pub mod flow;
pub mod interest;
pub mod lang;
pub mod links;
pub mod map_data;
pub mod metric;
pub mod query;
pub mod questionnaire;
pub mod readiness;
pub mod route;
pub mod scale;
pub mod text;
pub mod tree;
pub mod vocab;
pub mod weights;

pub use answers::Answers;
pub use catalogue::Catalogue;
pub use embedded_catalogue::catalogue;
pub use lang::Lang;
pub use metric::Metric;
pub use route::Page;
pub use text::Text;
