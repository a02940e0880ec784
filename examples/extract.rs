//! Prints what the file readers make of a .docx/.doc/.wps: `cargo run --example extract FILE [--text]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = std::fs::read(&args[0]).expect("read");
    match nianbao::input::office::read_office(&bytes) {
        Ok(x) if args.iter().any(|a| a == "--text") => println!("{}", nianbao::input::html::to_visible(&x.html).text),
        Ok(x) => println!("{}", x.html),
        Err(e) => eprintln!("{e}"),
    }
}
