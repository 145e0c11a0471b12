//! eer-domain: the rules of Emplois en régions, in one place, with no web dependency.
//! Compiled natively for tests and the endpoint, and to wasm32 for the app.

pub mod lang;
pub mod route;

pub use lang::Lang;
pub use route::Page;
