//! Prints what the file readers make of a .docx/.doc/.wps or (with mutool) .pdf:
//! `cargo run --example extract FILE [--text]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = std::fs::read(&args[0]).expect("read");
    let r = if bytes.starts_with(b"%PDF") {
        let out = std::process::Command::new("mutool").args(["trace", &args[0]]).output().expect("mutool");
        nianbao::input::pdf::layout(&nianbao::input::pdf::from_mutool_trace(&String::from_utf8_lossy(&out.stdout)))
    } else {
        nianbao::input::office::read_office(&bytes)
    };
    match r {
        Ok(x) if args.iter().any(|a| a == "--text") => println!("{}", nianbao::input::html::to_visible(&x.html).text),
        Ok(x) => println!("{}", x.html),
        Err(e) => eprintln!("{e}"),
    }
}
