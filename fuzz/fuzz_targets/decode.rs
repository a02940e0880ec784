//! Bytes → text: BOMs, UTF-16 without BOM, UTF-8, meta charset, GB18030; then the text-vs-HTML choice.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|b: &[u8]| {
    let d = nianbao::input::decode(b);
    let _ = nianbao::input::InputKind::detect(&d.text);
    let _ = nianbao::input::meta_charset(b);
});
