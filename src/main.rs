//! The web app's entry point for Trunk: mounts the Yew app.

fn main() {
    nianbao::web::run();
}
