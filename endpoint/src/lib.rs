//! eer-endpoint: the axum Router that serves the built site and the API.
