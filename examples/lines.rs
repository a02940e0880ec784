//! Prints the lines of a report as the checker reads them (for looking at real inputs): noise lines
//! marked `~`, table rows `|` with their cells, and the recognised title, year and org.
fn main() {
    let path = std::env::args().nth(1).expect("usage: lines FILE");
    let bytes = std::fs::read(&path).expect("read");
    let text = nianbao::input::decode(&bytes).text;
    let visible;
    let report = if nianbao::input::InputKind::detect(&text) == nianbao::input::InputKind::Html {
        visible = nianbao::input::html::to_visible(&text);
        eprintln!("blocks: {}", visible.blocks.len());
        nianbao::report::Report::build_visible(&visible)
    } else {
        nianbao::report::Report::build(&text)
    };
    let doc = &report.doc;
    for l in &doc.lines {
        let mark = if l.noise {
            "~"
        } else if l.tabular {
            "|"
        } else {
            " "
        };
        let cells: Vec<&str> = l.cells.iter().map(|c| doc.text(c.span)).collect();
        let shown = if l.tabular { cells.join(" | ") } else { doc.text(l.span).to_string() };
        let shown: String = shown.chars().take(120).collect();
        println!("{mark} {shown}");
    }
    if std::env::args().any(|a| a == "--sentences") {
        for st in &report.prose_sentences {
            println!("S{:?} {}", st.section, st.text());
        }
    }
    println!(
        "trusted_year={:?} evidence={:?}",
        report.trusted_year(),
        (report.year_evidence.title, report.year_evidence.period, report.year_evidence.first_sentence)
    );
    println!(
        "title={:?} year={:?} org={:?} pub={:?}",
        report.title.map(|t| t.text),
        report.year,
        report.org,
        report.pub_date.map(|d| d.0)
    );
}
