//! `www/lazy/rule-docs.js` is the rules' documentation for the web app, which leaves it out of its
//! first load (src/web/rule_docs.rs). It must say what the rules say: after changing a rule's doc
//! comment, rewrite it with `UPDATE_RULE_DOCS=1 cargo test --test rule_docs`.

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/lazy/rule-docs.js");

/// The module: one string, "ID\u{1}docs\u{2}ID\u{1}docs…" (cheap to split in the app's wasm).
fn module() -> String {
    let all: Vec<String> = nianbao::rules::all().map(|r| format!("{}\u{1}{}", r.id, r.docs)).collect();
    let text = serde_json::to_string(&all.join("\u{2}")).expect("a string");
    format!(
        "// Generated from the rules' doc comments by tests/rule_docs.rs (UPDATE_RULE_DOCS=1 cargo test --test rule_docs).\n\
         // The app imports it when 为什么/依据 is first opened (src/web/rule_docs.rs).\n\
         export default {text};\n"
    )
}

#[test]
fn lazy_rule_docs_match_the_rules() {
    let want = module();
    if std::env::var_os("UPDATE_RULE_DOCS").is_some() {
        std::fs::write(PATH, &want).expect("write www/lazy/rule-docs.js");
    }
    let have = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(have == want, "www/lazy/rule-docs.js is stale: run UPDATE_RULE_DOCS=1 cargo test --test rule_docs");
    // Every rule has its entry, with its headings.
    for r in nianbao::rules::all() {
        let entry = format!("{}\\u0001", r.id);
        assert!(have.contains(&entry), "{} missing", r.id);
        assert!(r.docs.contains("## 检查内容"), "{} has no 检查内容", r.id);
    }
}

/// `www/lazy/sample.js` is the 示例报告 (www/sample.txt) as a module the app imports when the button
/// is pressed, so the sample is not in the first load. Rewritten like the docs.
#[test]
fn lazy_sample_matches_the_sample() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/lazy/sample.js");
    let sample = include_str!("../www/sample.txt");
    let text = serde_json::to_string(sample).expect("a string");
    let want = format!(
        "// www/sample.txt as a module, written by tests/rule_docs.rs (UPDATE_RULE_DOCS=1 cargo test --test rule_docs).\n\
         // The app imports it when 示例报告 is pressed (src/web/app.rs).\n\
         export default {text};\n"
    );
    if std::env::var_os("UPDATE_RULE_DOCS").is_some() {
        std::fs::write(path, &want).expect("write www/lazy/sample.js");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "www/lazy/sample.js is stale: run UPDATE_RULE_DOCS=1 cargo test --test rule_docs");
}
