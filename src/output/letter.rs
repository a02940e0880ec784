//! 整改意见: a letter to the reporting unit listing its report's errors and warnings with place and
//! suggestion (verified ones separately), as a page that prints cleanly (`html`) and as a minimal
//! Word document (`docx`) for sending on. Both are written from one outline, so they say the same.

use super::sheet::{self, Entry, Row};
use super::xlsx::{escape, zip_stored};
use crate::diag::Severity;

/// One item of the letter.
struct Item {
    message: String,
    place: String,
    suggestion: String,
    note: String,
}

/// What the letter says, before it is laid out.
struct Outline {
    title: String,
    to: String,
    intro: String,
    /// (heading, items)
    parts: Vec<(String, Vec<Item>)>,
    closing: Vec<String>,
}

fn item(r: &Row) -> Item {
    Item { message: r.message.clone(), place: r.place.clone(), suggestion: r.suggestion.clone(), note: r.note.clone() }
}

fn outline(e: &Entry) -> Outline {
    let r = &e.checked.report;
    let rows = sheet::rows(e);
    let ([errors, warnings, infos], verified) = sheet::counts(e.checked);
    let year = r.year.map(|y| format!("{y}年")).unwrap_or_default();
    let report_name = match &r.title {
        Some(t) if !t.trim().is_empty() => format!("《{}》", t.trim()),
        _ => format!("{year}政府信息公开工作年度报告"),
    };
    let open = |s: Severity| -> Vec<Item> {
        e.checked
            .findings
            .iter()
            .zip(&rows)
            .filter(|(f, _)| f.severity == s && f.verified.is_none())
            .map(|(_, r)| item(r))
            .collect()
    };
    let mut parts = Vec::new();
    let mut n = 0;
    for (s, label, what) in
        [(Severity::Error, "错误", "须改正"), (Severity::Warning, "警告", "请核实，确有问题的请改正")]
    {
        let items = open(s);
        if !items.is_empty() {
            n += 1;
            parts.push((format!("{}、{label}（{} 项，{what}）", crate::report::keys::hanzi(n), items.len()), items));
        }
    }
    let checked_ok: Vec<Item> =
        e.checked.findings.iter().zip(&rows).filter(|(f, _)| f.verified.is_some()).map(|(_, r)| item(r)).collect();
    if !checked_ok.is_empty() {
        n += 1;
        parts.push((
            format!(
                "{}、已核实（{} 项，经你单位核实说明，不作为问题）",
                crate::report::keys::hanzi(n),
                checked_ok.len()
            ),
            checked_ok,
        ));
    }
    let intro = if !r.recognised {
        "所报送的文件未能识别为政府信息公开工作年度报告（没有找到年报标题、六个部分或统计表），未作检查，请核对后重新报送。".to_string()
    } else if errors + warnings == 0 {
        format!("经检查，你单位{report_name}未发现需要整改的错误或警告。")
    } else {
        format!(
            "经检查，你单位{report_name}有 {errors} 处错误、{warnings} 处警告，具体如下。请逐项核实，改正后重新发布，并将整改情况反馈给我们。"
        )
    };
    let mut closing = Vec::new();
    if infos > 0 {
        closing.push(format!("另有 {infos} 条提示（格式、用语等），供修改时参考，不作整改要求。"));
    }
    if verified > 0 {
        closing.push(format!("已核实的 {verified} 项不计入上述错误和警告。"));
    }
    closing.push("位置中的“表二、表三、表四”指第二、三、四部分的统计表；行号按报告正文计。".into());
    Outline {
        title: "政府信息公开工作年度报告整改意见".into(),
        to: format!("{}：", r.org.clone().unwrap_or_else(|| "报告单位".into())),
        intro,
        parts,
        closing,
    }
}

const PRINT_CSS: &str = "\
body{font-family:'FangSong','仿宋','STFangsong','Songti SC','SimSun',serif;font-size:16pt;line-height:1.6;max-width:42em;margin:2em auto;padding:0 1em;color:#000;background:#fff}
h1{font-family:'SimHei','黑体','Heiti SC',sans-serif;font-size:22pt;text-align:center;font-weight:normal;margin:0 0 1em}
h2{font-family:'SimHei','黑体','Heiti SC',sans-serif;font-size:16pt;font-weight:normal;margin:1em 0 .3em}
p{margin:.3em 0;text-indent:2em}p.to{text-indent:0}
ol{margin:0;padding-left:2em}li{margin:.4em 0;break-inside:avoid;page-break-inside:avoid}
.where,.fix,.note{display:block;font-size:14pt}.where{color:#333}
@page{size:A4;margin:2.5cm 2.2cm}
@media print{body{margin:0;max-width:none;padding:0}a{color:inherit;text-decoration:none}}";

/// The letter as a self-contained HTML page (print it, or save it as PDF from the browser).
pub fn html(e: &Entry) -> String {
    let o = outline(e);
    let mut h = String::from("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
    h.push_str(&format!("<title>{}</title><style>{PRINT_CSS}</style></head><body>\n", escape(&o.title)));
    h.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"to\">{}</p>\n<p>{}</p>\n",
        escape(&o.title),
        escape(&o.to),
        escape(&o.intro)
    ));
    for (heading, items) in &o.parts {
        h.push_str(&format!("<h2>{}</h2>\n<ol>\n", escape(heading)));
        for it in items {
            h.push_str(&format!("<li>{}", escape(&it.message)));
            h.push_str(&format!("<span class=\"where\">位置：{}</span>", escape(&it.place)));
            if it.note.is_empty() {
                h.push_str(&format!("<span class=\"fix\">修改建议：{}</span>", escape(&it.suggestion)));
            } else {
                h.push_str(&format!("<span class=\"note\">说明：{}</span>", escape(&it.note)));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ol>\n");
    }
    for c in &o.closing {
        h.push_str(&format!("<p>{}</p>\n", escape(c)));
    }
    h.push_str("</body></html>\n");
    h
}

/// A paragraph of WordprocessingML: `style` is (size in half-points, bold font, centred, indent).
fn para(text: &str, size: u32, heading: bool, centred: bool, indent: bool) -> String {
    let mut p = String::from("<w:p><w:pPr>");
    if centred {
        p.push_str("<w:jc w:val=\"center\"/>");
    }
    if indent {
        p.push_str("<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
    }
    p.push_str("<w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr><w:r><w:rPr>");
    let font = if heading { "黑体" } else { "仿宋" };
    p.push_str(&format!("<w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\"/>"));
    p.push_str(&format!("<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr>"));
    p.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", escape(text)));
    p
}

/// The letter as a .docx (Word 2007+): [Content_Types].xml, _rels/.rels and word/document.xml.
pub fn docx(e: &Entry) -> Vec<u8> {
    let o = outline(e);
    let mut body = String::new();
    body.push_str(&para(&o.title, 44, true, true, false));
    body.push_str(&para(&o.to, 32, false, false, false));
    body.push_str(&para(&o.intro, 32, false, false, true));
    for (heading, items) in &o.parts {
        body.push_str(&para(heading, 32, true, false, true));
        for (i, it) in items.iter().enumerate() {
            body.push_str(&para(&format!("{}. {}", i + 1, it.message), 32, false, false, true));
            body.push_str(&para(&format!("位置：{}", it.place), 28, false, false, true));
            if it.note.is_empty() {
                body.push_str(&para(&format!("修改建议：{}", it.suggestion), 28, false, false, true));
            } else {
                body.push_str(&para(&format!("说明：{}", it.note), 28, false, false, true));
            }
        }
    }
    for c in &o.closing {
        body.push_str(&para(c, 32, false, false, true));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    zip_stored(&[
        ("[Content_Types].xml", DOCX_TYPES.to_string()),
        ("_rels/.rels", DOCX_RELS.to_string()),
        ("word/document.xml", document),
    ])
}

const DOCX_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const DOCX_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verified_findings_are_listed_apart_and_not_counted() {
        let text = include_str!("../../www/sample.txt");
        let mut checked = crate::check(text, &crate::Options::default());
        let i = checked.findings.iter().position(|f| f.rule == "N-PLAN-YEAR").expect("the sample's error");
        let e = Entry { path: "s.txt", source: text, checked: &checked };
        let before = html(&e);
        assert!(before.contains("有 1 处错误") && before.contains("一、错误（1 项"), "{before}");
        checked.findings[i].verified = Some("计划年度已另行说明".into());
        let e = Entry { path: "s.txt", source: text, checked: &checked };
        let page = html(&e);
        assert!(page.contains("有 0 处错误") && !page.contains("、错误（"), "{page}");
        let apart = page.find("已核实（1 项").expect("a part for verified findings");
        let item = page.find("改进计划写的是2024年").expect("still listed");
        assert!(item > apart && page.contains("说明：计划年度已另行说明"));
        assert!(docx(&e).starts_with(b"PK\x03\x04"));
    }
}
