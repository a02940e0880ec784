//! Prints the visible text of an HTML file as the checker reads it (for looking at real pages).
fn main() {
    let path = std::env::args().nth(1).expect("usage: visible FILE.html");
    let bytes = std::fs::read(&path).expect("read");
    let text = nianbao::input::decode(&bytes).text;
    print!("{}", nianbao::input::html::to_visible(&text).text);
}
