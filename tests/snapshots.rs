//! One SVG snapshot per scenario in `viz::registry::SCENARIOS`, rendered through plotters' SVG
//! backend: the same drawing code as the browser canvas. Run with `UPDATE_SNAPSHOTS=1` to
//! accept new pictures (then look at them).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use mathsight::viz::registry::SCENARIOS;
use mathsight::viz::theme::Theme;

fn snapshot_path(id: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{id}.svg"))
}

#[test]
fn every_scenario_matches_its_snapshot() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for scenario in SCENARIOS {
        let mut widget = scenario
            .build()
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.id));
        let svg = widget
            .to_svg(scenario.width_css, 1.0, Theme::for_dark(scenario.dark))
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.id));
        let path = snapshot_path(scenario.id);
        if update {
            std::fs::write(&path, &svg).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == svg => {}
            Ok(_) => {
                let out = path.with_extension("new.svg");
                std::fs::write(&out, &svg).unwrap();
                failures.push(format!(
                    "{} differs; new picture at {}",
                    scenario.id,
                    out.display()
                ));
            }
            Err(_) => failures.push(format!(
                "{} has no snapshot; run UPDATE_SNAPSHOTS=1 cargo test --test snapshots",
                scenario.id
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn same_options_same_svg() {
    for scenario in SCENARIOS {
        let a = scenario
            .build()
            .unwrap()
            .to_svg(500.0, 2.0, Theme::LIGHT)
            .unwrap();
        let b = scenario
            .build()
            .unwrap()
            .to_svg(500.0, 2.0, Theme::LIGHT)
            .unwrap();
        assert_eq!(a, b, "{}", scenario.id);
    }
}
