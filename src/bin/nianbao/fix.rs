//! `nianbao check --fix` and `--diff`: the certain fixes applied to a text or HTML file, written
//! back in the file's own encoding (only when every untouched byte stays as it was), or shown as a
//! unified diff.

use nianbao::diag::Finding;
use nianbao::output::fixed;

/// The bytes of `text` in `encoding` (as `input::decode` names it), with the BOM the original had;
/// `None` where the encoding cannot write some character.
fn encode(text: &str, encoding: &str, bom: &[u8]) -> Option<Vec<u8>> {
    let mut out = bom.to_vec();
    match encoding {
        "UTF-8" => out.extend_from_slice(text.as_bytes()),
        "UTF-16LE" => out.extend(text.encode_utf16().flat_map(u16::to_le_bytes)),
        "UTF-16BE" => out.extend(text.encode_utf16().flat_map(u16::to_be_bytes)),
        other => {
            let enc = encoding_rs::Encoding::for_label(other.as_bytes())?;
            let (bytes, _, unmappable) = enc.encode(text);
            if unmappable {
                return None;
            }
            out.extend_from_slice(&bytes);
        }
    }
    Some(out)
}

fn bom_of(bytes: &[u8]) -> &[u8] {
    for bom in [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]] {
        if bytes.starts_with(bom) {
            return &bytes[..bom.len()];
        }
    }
    &[]
}

/// The fixed file's bytes, or why it cannot be written (a Chinese sentence). `original` are the
/// file's bytes, `text` their decoding (which the findings' spans index).
pub fn fixed_bytes(
    original: &[u8],
    text: &str,
    encoding: &str,
    findings: &[Finding],
) -> Result<(Vec<u8>, usize), String> {
    let applied = fixed::apply(text, findings);
    if applied.applied.is_empty() {
        return Ok((original.to_vec(), 0));
    }
    let bom = bom_of(original);
    // Written back only if the decoded text encodes to exactly the bytes read: then every byte the
    // fixes do not touch stays as it was.
    if encode(text, encoding, bom).as_deref() != Some(original) {
        return Err(format!("文件的编码（{encoding}）无法原样写回，未作修改；请用 --diff 查看修改后手工修改"));
    }
    let bytes = encode(&applied.text, encoding, bom)
        .ok_or_else(|| format!("修改后的文字无法用 {encoding} 编码写回，未作修改；请用 --diff 查看修改后手工修改"))?;
    Ok((bytes, applied.applied.len()))
}

/// A unified diff of the fixes (empty when there is none), with `path` in its header.
pub fn diff(path: &str, text: &str, findings: &[Finding]) -> String {
    let applied = fixed::apply(text, findings);
    if applied.applied.is_empty() {
        return String::new();
    }
    // a/ and b/ for relative paths, as `git apply` and `patch -p1` read them.
    let (a, b) = if path.starts_with('/') {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    similar::TextDiff::from_lines(text, &applied.text).unified_diff().context_radius(1).header(&a, &b).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_round_trip() {
        let s = "问提\r\n2024年";
        for (enc, bom) in [("UTF-8", &[0xEF, 0xBB, 0xBF][..]), ("UTF-16LE", &[0xFF, 0xFE]), ("GBK", &[])] {
            let bytes = encode(s, enc, bom).expect("encodes");
            let d = nianbao::input::decode(&bytes);
            assert_eq!(d.text, s, "{enc}");
            assert_eq!(bom_of(&bytes), bom);
        }
        assert_eq!(encode("😀", "GBK", &[]), None);
    }
}
