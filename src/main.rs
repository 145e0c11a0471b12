//! Entry point: sets the panic hook and mounts the app. Everything else lives in the library.

fn main() {
    eer_web::start();
}
