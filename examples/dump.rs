//! Prints what the parser recognised in a report: sections, year, format and every table cell.
//! `cargo run --example dump -- FILE`

fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let bytes = std::fs::read(&path).expect("read");
    let text = nianbao::input::decode(&bytes).text;
    let kind = nianbao::input::InputKind::detect(&text);
    let visible = (kind == nianbao::input::InputKind::Html).then(|| nianbao::input::html::to_visible(&text));
    let src = visible.as_ref().map_or(text.as_str(), |v| v.text.as_str());
    let r = nianbao::report::Report::build(src);
    println!(
        "title={:?} org={:?} year={:?} format={:?} pub={:?}",
        r.title.as_ref().map(|t| &t.text),
        r.org,
        r.year,
        r.format,
        r.pub_date.map(|d| d.0)
    );
    for s in &r.sections {
        println!("section {} {:?} {:?} variant={}", s.canonical, s.ordinal, s.title, s.variant);
    }
    for t in &r.tables {
        println!(
            "table {:?} cells {}/{} headers {} unknown {:?}",
            t.id,
            t.found_cells,
            t.expected_cells,
            t.headers.len(),
            t.unknown_rows
        );
        for row in &t.rows {
            let vals: Vec<&str> = r.cells.iter().filter(|c| c.key.row() == row.key).map(|c| c.raw.as_str()).collect();
            println!("  {:7} {}/{} {:?}", format!("{:?}", row.key), row.found, row.expected, vals);
        }
    }
}
