//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/*`) through the same entry
//! functions the libFuzzer targets call (`fuzz/src/lib.rs`), so every `cargo test` checks the
//! seeds and every crash the fuzzer ever found (kept in the corpus as a regression input)
//! without needing libFuzzer. `make fuzz` explores further.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
mod entries;

use std::path::Path;

/// Every file of one target's corpus, sorted by name; at least `min` of them.
fn corpus(target: &str, min: usize) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path.display().to_string(), bytes)
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= min,
        "{}: {} files, expected at least {min}",
        dir.display(),
        files.len()
    );
    files
}

#[test]
fn options_corpus_replays() {
    for (name, bytes) in corpus("options", 13) {
        println!("{name}");
        entries::options(&bytes);
    }
}

#[test]
fn data_corpus_replays() {
    for (name, bytes) in corpus("data", 5) {
        println!("{name}");
        entries::data(&bytes);
    }
}

/// The fragment decoder follows `URLSearchParams`: `+` is a space, `%XX` a byte, a malformed
/// escape stays as written, one leading `#` or `?` is dropped.
#[test]
fn fragments_decode_as_the_browser_decodes_them() {
    assert_eq!(
        entries::form_pairs(b"#widget=a+b&x=%3Cimg%3E&&y&z=%ZZ%4"),
        vec![
            ("widget".to_string(), "a b".to_string()),
            ("x".to_string(), "<img>".to_string()),
            ("y".to_string(), String::new()),
            ("z".to_string(), "%ZZ%4".to_string()),
        ]
    );
    assert_eq!(entries::form_decode(b"%E2%88%9E%FF"), "∞\u{fffd}");
}
