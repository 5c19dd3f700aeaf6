//! Architecture checks that keep the layers honest.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn offenders(dir: &str, banned: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(!files.is_empty(), "no Rust files under {dir}");
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for word in banned {
                if line.contains(word) {
                    found.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    found
}

/// Architecture Invariant: `src/math` is pure — no web, no drawing.
#[test]
fn math_knows_no_web_and_no_drawing() {
    let found = offenders(
        "src/math",
        &["wasm_bindgen", "web_sys", "js_sys", "plotters"],
    );
    assert!(
        found.is_empty(),
        "src/math must stay pure:\n{}",
        found.join("\n")
    );
}

/// Architecture Invariant: only `src/web` knows JavaScript.
#[test]
fn viz_knows_no_javascript() {
    let found = offenders("src/viz", &["wasm_bindgen", "web_sys", "js_sys"]);
    assert!(
        found.is_empty(),
        "src/viz must not know JavaScript:\n{}",
        found.join("\n")
    );
}

/// Data flows math → viz → web: a lower room never imports a higher one.
#[test]
fn lower_rooms_do_not_import_higher_ones() {
    let found = offenders("src/math", &["crate::viz", "crate::web"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let found = offenders("src/viz", &["crate::web"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The embed script defines an element for every widget before the wasm arrives; its list
/// must match the core's.
#[test]
fn embed_script_lists_every_widget() {
    let js =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/mathsight.js")).unwrap();
    let line = js
        .lines()
        .find(|l| l.starts_with("export const WIDGETS = ["))
        .expect("www/mathsight.js declares WIDGETS");
    let listed: Vec<&str> = line.split('\'').skip(1).step_by(2).collect();
    let core: Vec<&str> = mathsight::viz::registry::names().collect();
    assert_eq!(listed, core, "WIDGETS in www/mathsight.js");
}

/// Each widget has a Cargo feature of its name, which alone builds its own wasm module: the
/// `all-widgets` feature lists every widget (scripts/build.sh builds one module for each name
/// there), and each registry entry is behind its own feature, so a widget's module holds it
/// and no other.
#[test]
fn every_widget_has_its_own_feature() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let list = manifest
        .split("\nall-widgets = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("Cargo.toml declares the all-widgets feature");
    let listed: Vec<&str> = list.split('"').skip(1).step_by(2).collect();
    let core: Vec<&str> = mathsight::viz::registry::names().collect();
    assert_eq!(listed, core, "the all-widgets feature in Cargo.toml");
    let registry = fs::read_to_string(root.join("src/viz/registry.rs")).unwrap();
    let kinds = registry
        .split("pub const KINDS: &[Kind] = &[")
        .nth(1)
        .and_then(|rest| rest.split("\n];").next())
        .expect("registry.rs declares KINDS");
    let gated: Vec<String> = kinds
        .split("Kind {")
        .skip(1)
        .map(|entry| {
            entry
                .split("::NAME")
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect();
    let features: Vec<String> = kinds
        .lines()
        .filter_map(|l| l.trim().strip_prefix("#[cfg(feature = \""))
        .map(|rest| rest.trim_end_matches("\")]").to_string())
        .collect();
    let modules: Vec<String> = core
        .iter()
        .map(|n| format!("name: {}", n.replace('-', "_")))
        .collect();
    assert_eq!(gated, modules, "each KINDS entry names its widget's module");
    assert_eq!(
        features, core,
        "each KINDS entry is behind its widget's feature"
    );
    for name in core {
        assert!(
            manifest.contains(&format!("\n{name} = []\n")),
            "Cargo.toml declares the feature {name}"
        );
    }
}

/// URL keys the shell reserves are never option names.
#[test]
fn no_option_uses_a_reserved_url_key() {
    for kind in mathsight::viz::registry::KINDS {
        for spec in kind.options {
            assert!(
                !["widget", "hide", "lock"].contains(&spec.name),
                "{}: option {} is reserved",
                kind.name,
                spec.name
            );
        }
    }
}

/// Every line of shipped code (not tests) under src/ that uses one of `words`, as
/// "file:line: word".
fn shipped_uses(words: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut found = Vec::new();
    for file in files
        .iter()
        .filter(|f| !f.to_string_lossy().ends_with("tests.rs"))
    {
        let text = fs::read_to_string(file).unwrap();
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in shipped.lines().enumerate() {
            for word in words {
                if line.contains(word) && !line.trim_start().starts_with("//") {
                    found.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    found
}

/// Size: every sort goes through `math::sorting`. Each `slice::sort*` call with a new element
/// type or comparator compiles a sort of its own into the wasm (2–15 KB); test code may use
/// them (it is never shipped).
#[test]
fn every_sort_goes_through_math_sorting() {
    let found = shipped_uses(&[
        ".sort(",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_unstable",
        ".select_nth_unstable",
    ]);
    assert!(
        found.is_empty(),
        "use math::sorting instead:\n{}",
        found.join("\n")
    );
}

/// Size: the standard library's number parser and its Unicode text functions each bring a
/// table into every wasm module (10 KB of powers of five; 12 KB of case mappings; 3 KB to
/// escape text). Numbers are read with `math::decimal::parse_f64` and text is quoted with
/// `math::quote::quote`; the markup check compares ASCII, as HTML and URL schemes do.
#[test]
fn no_shipped_code_brings_in_the_large_std_tables() {
    let found = shipped_uses(&[
        "parse::<f64>",
        "parse::<f32>",
        "escape_debug",
        "to_lowercase",
        "to_uppercase",
        "is_alphabetic",
        "is_alphanumeric",
        "is_numeric",
        "is_uppercase",
        "is_lowercase",
    ]);
    assert!(
        found.is_empty(),
        "use math::decimal::parse_f64, math::quote::quote or ASCII checks instead:\n{}",
        found.join("\n")
    );
}
