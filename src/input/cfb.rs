//! A reader of OLE compound files (the container of .doc and .wps): the FAT and mini FAT chains
//! and the streams of the root storage. Chains are followed at most as many steps as the file has
//! sectors, so loops and out-of-range sectors end as errors, never hangs or panics.

use super::sniff::FileError;

pub const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const NO_STREAM: u32 = 0xFFFF_FFFF;

pub struct Compound<'a> {
    data: &'a [u8],
    shift: u32,
    fat: Vec<u32>,
    minifat: Vec<u32>,
    mini_stream: Vec<u8>,
    mini_cutoff: u64,
    /// The streams directly in the root storage: (name, start sector, size).
    streams: Vec<(String, u32, u64)>,
}

fn corrupt(why: &str) -> FileError {
    FileError::Corrupt(format!("复合文档：{why}"))
}

fn u32_at(d: &[u8], at: usize) -> u32 {
    d.get(at..at + 4).map_or(NO_STREAM, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(d: &[u8], at: usize) -> u16 {
    d.get(at..at + 2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

impl<'a> Compound<'a> {
    pub fn new(data: &'a [u8]) -> Result<Self, FileError> {
        if data.len() < 512 || data[..8] != MAGIC {
            return Err(corrupt("文件头不完整"));
        }
        let shift = u16_at(data, 0x1E) as u32;
        if shift != 9 && shift != 12 {
            return Err(corrupt("扇区大小无效"));
        }
        let mut c = Compound {
            data,
            shift,
            fat: Vec::new(),
            minifat: Vec::new(),
            mini_stream: Vec::new(),
            mini_cutoff: u32_at(data, 0x38) as u64,
            streams: Vec::new(),
        };
        // The FAT sectors: 109 in the header, then the DIFAT chain.
        let n_fat = u32_at(data, 0x2C) as usize;
        let mut fat_sectors: Vec<u32> = (0..109).map(|i| u32_at(data, 0x4C + 4 * i)).collect();
        let mut difat = u32_at(data, 0x44);
        let per = c.sector_size() / 4 - 1;
        for _ in 0..c.sector_count() {
            if difat >= END_OF_CHAIN || fat_sectors.len() >= n_fat {
                break;
            }
            let s = c.sector(difat).ok_or_else(|| corrupt("DIFAT 超出文件"))?;
            fat_sectors.extend((0..per).map(|i| u32_at(s, 4 * i)));
            difat = u32_at(s, 4 * per);
        }
        fat_sectors.truncate(n_fat.min(c.sector_count()));
        for &fs in &fat_sectors {
            let s = c.sector(fs).ok_or_else(|| corrupt("FAT 超出文件"))?;
            c.fat.extend(s.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])));
        }
        let dir = c.chain(u32_at(data, 0x30), u64::MAX)?;
        let entry = |i: u32| dir.get(i as usize * 128..i as usize * 128 + 128);
        let root = entry(0).ok_or_else(|| corrupt("没有目录"))?;
        if root[0x42] != 5 {
            return Err(corrupt("根目录无效"));
        }
        let root_size = u64::from(u32_at(root, 0x78));
        // The root storage's children form a tree through left/right siblings.
        let mut todo = vec![u32_at(root, 0x4C)];
        let mut seen = vec![false; dir.len() / 128];
        while let Some(i) = todo.pop() {
            let Some(e) = entry(i) else { continue };
            if std::mem::replace(&mut seen[i as usize], true) {
                continue;
            }
            todo.push(u32_at(e, 0x44));
            todo.push(u32_at(e, 0x48));
            let name_len = (u16_at(e, 0x40) as usize).min(64);
            let units: Vec<u16> = e[..name_len]
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
                .take_while(|&u| u != 0)
                .collect();
            let name = String::from_utf16_lossy(&units);
            let kind = e[0x42];
            if kind == 2 || kind == 1 {
                c.streams.push((name, u32_at(e, 0x74), u64::from(u32_at(e, 0x78))));
            }
        }
        c.minifat = {
            let raw = c.chain(u32_at(data, 0x3C), u64::MAX)?;
            raw.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()
        };
        if root_size > 0 {
            c.mini_stream = c.chain(u32_at(root, 0x74), root_size)?;
        }
        Ok(c)
    }

    fn sector_size(&self) -> usize {
        1 << self.shift
    }

    fn sector_count(&self) -> usize {
        (self.data.len() >> self.shift).saturating_sub(1)
    }

    fn sector(&self, n: u32) -> Option<&'a [u8]> {
        let at = (n as usize).checked_add(1)?.checked_mul(self.sector_size())?;
        self.data.get(at..at.checked_add(self.sector_size())?)
    }

    /// The bytes of a FAT chain, at most `size` bytes.
    fn chain(&self, mut s: u32, size: u64) -> Result<Vec<u8>, FileError> {
        let mut out = Vec::new();
        let mut steps = 0;
        while s < END_OF_CHAIN - 2 && (out.len() as u64) < size {
            steps += 1;
            if steps > self.sector_count() + 1 {
                return Err(corrupt("扇区链成环"));
            }
            out.extend_from_slice(self.sector(s).ok_or_else(|| corrupt("扇区超出文件"))?);
            s = *self.fat.get(s as usize).ok_or_else(|| corrupt("FAT 项缺失"))?;
        }
        if size != u64::MAX {
            if (out.len() as u64) < size {
                return Err(corrupt("数据流不完整"));
            }
            out.truncate(size as usize);
        }
        Ok(out)
    }

    fn mini_chain(&self, mut s: u32, size: u64) -> Result<Vec<u8>, FileError> {
        let mut out = Vec::new();
        let mut steps = 0;
        while s < END_OF_CHAIN - 2 && (out.len() as u64) < size {
            steps += 1;
            if steps > self.minifat.len() + 1 {
                return Err(corrupt("小扇区链成环"));
            }
            let at = s as usize * 64;
            out.extend_from_slice(self.mini_stream.get(at..at + 64).ok_or_else(|| corrupt("小扇区超出文件"))?);
            s = *self.minifat.get(s as usize).ok_or_else(|| corrupt("小 FAT 项缺失"))?;
        }
        if (out.len() as u64) < size {
            return Err(corrupt("数据流不完整"));
        }
        out.truncate(size as usize);
        Ok(out)
    }

    pub fn has(&self, name: &str) -> bool {
        self.streams.iter().any(|(n, ..)| n.eq_ignore_ascii_case(name))
    }

    /// A stream of the root storage; `Ok(None)` when there is none.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, FileError> {
        let Some(&(_, start, size)) = self.streams.iter().find(|(n, ..)| n.eq_ignore_ascii_case(name)) else {
            return Ok(None);
        };
        if size > self.data.len() as u64 {
            return Err(corrupt("数据流长度超出文件"));
        }
        let bytes = if size < self.mini_cutoff { self.mini_chain(start, size)? } else { self.chain(start, size)? };
        Ok(Some(bytes))
    }

    /// The first `n` bytes of a stream (the whole stream is read: they are small next to the file).
    pub fn read_prefix(&self, name: &str, n: usize) -> Result<Vec<u8>, FileError> {
        let mut s = self.read(name)?.unwrap_or_default();
        s.truncate(n);
        Ok(s)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A compound file with streams in the root storage, each in regular sectors (for tests; the
    /// mini stream cutoff is set to 0 so that no stream goes to the mini stream).
    pub fn build(streams: &[(&str, &[u8])]) -> Vec<u8> {
        let ss = 512;
        let mut sectors: Vec<Vec<u8>> = Vec::new();
        let mut fat: Vec<u32> = Vec::new();
        let place = |data: &[u8], sectors: &mut Vec<Vec<u8>>, fat: &mut Vec<u32>| -> u32 {
            let first = sectors.len() as u32;
            let chunks: Vec<&[u8]> = if data.is_empty() { vec![&[][..]] } else { data.chunks(ss).collect() };
            for (i, ch) in chunks.iter().enumerate() {
                let mut s = ch.to_vec();
                s.resize(ss, 0);
                sectors.push(s);
                fat.push(if i + 1 == chunks.len() { END_OF_CHAIN } else { first + i as u32 + 1 });
            }
            first
        };
        let starts: Vec<u32> = streams.iter().map(|(_, d)| place(d, &mut sectors, &mut fat)).collect();
        // Directory: root, then the streams as a right-leaning chain of siblings.
        let mut dir = Vec::new();
        let entry = |name: &str, kind: u8, child: u32, right: u32, start: u32, size: u32| {
            let mut e = vec![0u8; 128];
            let units: Vec<u16> = name.encode_utf16().chain([0]).collect();
            for (i, u) in units.iter().enumerate() {
                e[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
            }
            e[0x40..0x42].copy_from_slice(&((units.len() * 2) as u16).to_le_bytes());
            e[0x42] = kind;
            e[0x44..0x48].copy_from_slice(&NO_STREAM.to_le_bytes());
            e[0x48..0x4C].copy_from_slice(&right.to_le_bytes());
            e[0x4C..0x50].copy_from_slice(&child.to_le_bytes());
            e[0x74..0x78].copy_from_slice(&start.to_le_bytes());
            e[0x78..0x7C].copy_from_slice(&size.to_le_bytes());
            e
        };
        dir.extend(entry("Root Entry", 5, if streams.is_empty() { NO_STREAM } else { 1 }, NO_STREAM, END_OF_CHAIN, 0));
        for (i, (name, data)) in streams.iter().enumerate() {
            let right = if i + 1 < streams.len() { i as u32 + 2 } else { NO_STREAM };
            dir.extend(entry(name, 2, NO_STREAM, right, starts[i], data.len() as u32));
        }
        let dir_start = place(&dir, &mut sectors, &mut fat);
        let fat_start = sectors.len() as u32;
        let n_fat = (fat.len() + 1).div_ceil(128) as u32;
        fat.resize(fat.len() + n_fat as usize, 0xFFFF_FFFD);
        let mut fat_bytes: Vec<u8> = fat.iter().flat_map(|v| v.to_le_bytes()).collect();
        fat_bytes.resize(n_fat as usize * ss, 0xFF);
        for ch in fat_bytes.chunks(ss) {
            sectors.push(ch.to_vec());
        }
        let mut h = vec![0u8; 512];
        h[..8].copy_from_slice(&MAGIC);
        h[0x1A..0x1C].copy_from_slice(&3u16.to_le_bytes());
        h[0x1C..0x1E].copy_from_slice(&0xFFFEu16.to_le_bytes());
        h[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
        h[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
        h[0x2C..0x30].copy_from_slice(&n_fat.to_le_bytes());
        h[0x30..0x34].copy_from_slice(&dir_start.to_le_bytes());
        h[0x38..0x3C].copy_from_slice(&0u32.to_le_bytes());
        h[0x3C..0x40].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        h[0x44..0x48].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        for i in 0..109 {
            let v = if i < n_fat { fat_start + i } else { NO_STREAM };
            h[0x4C + 4 * i as usize..0x50 + 4 * i as usize].copy_from_slice(&v.to_le_bytes());
        }
        h.extend(sectors.concat());
        h
    }

    #[test]
    fn reads_root_streams() {
        let big = vec![7u8; 1500];
        let f = build(&[("WordDocument", b"abc"), ("1Table", &big)]);
        let c = Compound::new(&f).unwrap();
        assert!(c.has("worddocument"));
        assert_eq!(c.read("WordDocument").unwrap().unwrap(), b"abc");
        assert_eq!(c.read("1Table").unwrap().unwrap(), big);
        assert!(c.read("Data").unwrap().is_none());
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        let f = build(&[("WordDocument", &[1u8; 3000][..])]);
        for cut in (0..f.len()).step_by(97) {
            let _ = Compound::new(&f[..cut]).and_then(|c| c.read("WordDocument"));
        }
        // The directory's FAT entry (sector 6, after the stream's six) pointing at itself: a loop.
        let mut looped = f.clone();
        let fat_at = 512 + 512 * (looped.len() / 512 - 2);
        looped[fat_at + 24..fat_at + 28].copy_from_slice(&6u32.to_le_bytes());
        assert!(Compound::new(&looped).is_err());
    }
}
