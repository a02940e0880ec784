//! A small zip reader for .docx: the central directory, stored and deflated entries (inflated by
//! `miniz_oxide` with a size limit). Every length and offset is checked against the file: a damaged
//! or hostile archive gives an error, never a panic or a huge allocation.

use super::sniff::FileError;

/// The most one entry may inflate to (a report's document.xml is well under 5 MB; this stops zip
/// bombs).
pub const MAX_ENTRY: usize = 64 << 20;
/// At most this many entries are listed (a docx has a few dozen).
const MAX_ENTRIES: usize = 65_536;

pub struct Archive<'a> {
    data: &'a [u8],
    entries: Vec<Entry<'a>>,
}

struct Entry<'a> {
    name: &'a [u8],
    method: u16,
    flags: u16,
    compressed: usize,
    size: usize,
    local: usize,
}

fn corrupt(why: &str) -> FileError {
    FileError::Corrupt(format!("zip：{why}"))
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

impl<'a> Archive<'a> {
    pub fn new(data: &'a [u8]) -> Result<Self, FileError> {
        // The end-of-central-directory record is in the last 22 + 65 535 (comment) bytes.
        let from = data.len().saturating_sub(22 + 65_535);
        let eocd = (from..data.len().saturating_sub(21))
            .rev()
            .find(|&i| data[i..].starts_with(b"PK\x05\x06"))
            .ok_or_else(|| corrupt("找不到目录，文件可能不完整"))?;
        let count = u16_at(data, eocd + 10).ok_or_else(|| corrupt("目录损坏"))? as usize;
        let cd_size = u32_at(data, eocd + 12).ok_or_else(|| corrupt("目录损坏"))? as usize;
        let cd_at = u32_at(data, eocd + 16).ok_or_else(|| corrupt("目录损坏"))? as usize;
        if cd_at == 0xFFFF_FFFF || count == 0xFFFF {
            return Err(corrupt("不支持 ZIP64 大文件"));
        }
        let cd = data.get(cd_at..cd_at.saturating_add(cd_size)).ok_or_else(|| corrupt("目录超出文件"))?;
        let mut entries = Vec::with_capacity(count.min(MAX_ENTRIES));
        let mut at = 0;
        while at + 46 <= cd.len() && entries.len() < MAX_ENTRIES {
            if !cd[at..].starts_with(b"PK\x01\x02") {
                break;
            }
            let g16 = |o: usize| u16_at(cd, at + o).unwrap_or(0);
            let g32 = |o: usize| u32_at(cd, at + o).unwrap_or(0);
            let (name_len, extra_len, comment_len) = (g16(28) as usize, g16(30) as usize, g16(32) as usize);
            let name = cd.get(at + 46..at + 46 + name_len).ok_or_else(|| corrupt("目录项超出文件"))?;
            entries.push(Entry {
                name,
                method: g16(10),
                flags: g16(8),
                compressed: g32(20) as usize,
                size: g32(24) as usize,
                local: g32(42) as usize,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        if entries.is_empty() {
            return Err(corrupt("没有文件"));
        }
        Ok(Archive { data, entries })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter_map(|e| std::str::from_utf8(e.name).ok())
    }

    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// Entry names compare case-insensitively, with `\` as `/` (some writers use either).
    fn find(&self, name: &str) -> Option<&Entry<'a>> {
        let same = |e: &&Entry| {
            e.name.len() == name.len()
                && e.name.iter().zip(name.bytes()).all(|(a, b)| {
                    let a = if *a == b'\\' { b'/' } else { *a };
                    a.eq_ignore_ascii_case(&b)
                })
        };
        self.entries.iter().find(same)
    }

    /// The bytes of an entry; `Ok(None)` when there is no such entry.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, FileError> {
        let Some(e) = self.find(name) else { return Ok(None) };
        if e.flags & 1 != 0 {
            return Err(FileError::Encrypted);
        }
        let lh = e.local;
        if !self.data.get(lh..).is_some_and(|d| d.starts_with(b"PK\x03\x04")) {
            return Err(corrupt("文件头损坏"));
        }
        let name_len = u16_at(self.data, lh + 26).unwrap_or(0) as usize;
        let extra_len = u16_at(self.data, lh + 28).unwrap_or(0) as usize;
        let start = lh + 30 + name_len + extra_len;
        let raw = self.data.get(start..start.saturating_add(e.compressed)).ok_or_else(|| corrupt("内容超出文件"))?;
        match e.method {
            0 => Ok(Some(raw.to_vec())),
            8 => {
                let limit = if e.size > 0 { e.size.min(MAX_ENTRY) } else { MAX_ENTRY };
                miniz_oxide::inflate::decompress_to_vec_with_limit(raw, limit).map(Some).map_err(|err| {
                    match err.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                            FileError::TooLarge(e.size.max(MAX_ENTRY + 1) as u64, MAX_ENTRY as u64)
                        }
                        _ => corrupt("解压失败"),
                    }
                })
            }
            _ => Err(corrupt("不支持的压缩方法")),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    /// Writes a zip of stored entries (for tests).
    pub fn stored(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut cd = Vec::new();
        for (name, data) in files {
            let at = out.len() as u32;
            let header = |sig: &[u8], out: &mut Vec<u8>, central: bool| {
                out.extend_from_slice(sig);
                if central {
                    out.extend_from_slice(&20u16.to_le_bytes());
                }
                out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
                out.extend_from_slice(&(data.len() as u32).to_le_bytes());
                out.extend_from_slice(&(data.len() as u32).to_le_bytes());
                out.extend_from_slice(&(name.len() as u16).to_le_bytes());
                out.extend_from_slice(&[0, 0]);
                if central {
                    out.extend_from_slice(&[0; 8]);
                    out.extend_from_slice(&[0, 0]);
                    out.extend_from_slice(&at.to_le_bytes());
                }
                out.extend_from_slice(name.as_bytes());
            };
            header(b"PK\x03\x04", &mut out, false);
            out.extend_from_slice(data);
            header(b"PK\x01\x02", &mut cd, true);
        }
        let cd_at = out.len() as u32;
        out.extend_from_slice(&cd);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(cd.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_at.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    #[test]
    fn reads_stored_entries() {
        let z = stored(&[("a.txt", b"hello"), ("word/document.xml", b"<w:document/>")]);
        let a = super::Archive::new(&z).unwrap();
        assert!(a.has("word/document.xml"));
        assert_eq!(a.read("A.TXT").unwrap().unwrap(), b"hello");
        assert!(a.read("missing").unwrap().is_none());
    }

    #[test]
    fn truncated_archives_are_errors() {
        let z = stored(&[("a.txt", b"hello")]);
        for cut in 0..z.len() {
            let _ = super::Archive::new(&z[..cut]).and_then(|a| a.read("a.txt"));
        }
        assert!(super::Archive::new(&z[..10]).is_err());
    }
}
