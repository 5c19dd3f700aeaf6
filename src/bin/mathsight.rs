//! `mathsight`: the native command line. Renders any widget state to SVG for static posts,
//! RSS and print, with the same options and seed as the browser, and prints state as JSON.
//!
//! ```text
//! mathsight render gradient-descent --learning-rate 0.05 --steps 20 -o figure.svg
//! mathsight state gradient-descent --steps 20
//! mathsight code gradient-descent --steps 20 > descent.py
//! mathsight list
//! ```

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use mathsight::viz::registry::{catalogue, AnyWidget};
use mathsight::viz::theme::Theme;

const USAGE: &str = "usage:
  mathsight render NAME [--OPTION VALUE]... [--width CSS_PX] [--scale DPR] [--dark] [-o FILE]
  mathsight state NAME [--OPTION VALUE]...
  mathsight code NAME [--OPTION VALUE]...
  mathsight list";

/// The parsed command line of `render` and `state`.
struct Request {
    name: String,
    options: Vec<(String, String)>,
    width_css: f64,
    scale: f64,
    dark: bool,
    output: Option<String>,
}

fn parse(args: &[String]) -> Result<Request, String> {
    let mut it = args.iter();
    let name = it.next().ok_or("missing widget NAME")?.clone();
    let mut r = Request {
        name,
        options: Vec::new(),
        width_css: 720.0,
        scale: 1.0,
        dark: false,
        output: None,
    };
    while let Some(arg) = it.next() {
        let mut value = |what: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{what} needs a value"))
        };
        match arg.as_str() {
            "-o" | "--output" => r.output = Some(value(arg)?),
            "--width" => {
                r.width_css = value(arg)?
                    .parse()
                    .ok()
                    .filter(|w: &f64| (200.0..=4000.0).contains(w))
                    .ok_or("--width must be a number from 200 to 4000")?
            }
            "--scale" => {
                r.scale = value(arg)?
                    .parse()
                    .ok()
                    .filter(|s: &f64| (0.5..=4.0).contains(s))
                    .ok_or("--scale must be a number from 0.5 to 4")?
            }
            "--dark" => r.dark = true,
            flag if flag.starts_with("--") => {
                let v = value(arg)?;
                r.options
                    .push((flag.trim_start_matches("--").to_string(), v));
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    Ok(r)
}

fn build(r: &Request) -> Result<AnyWidget, String> {
    AnyWidget::with_options(
        &r.name,
        r.options.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    )
    .map_err(|e| e.message)
}

/// Writes `text` to standard output; a reader that stopped reading (a closed pipe) is fine.
fn emit(text: &str) -> Result<(), String> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(format!("writing the output: {e}")),
        _ => Ok(()),
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("list") => emit(&format!("{}\n", catalogue().to_json())),
        Some("state") => {
            let r = parse(&args[1..])?;
            emit(&format!("{}\n", build(&r)?.as_widget().state().to_json()))
        }
        Some("code") => {
            let r = parse(&args[1..])?;
            let w = build(&r)?;
            let code = w
                .as_widget()
                .code()
                .ok_or_else(|| format!("{} has no program to show", r.name))?;
            emit(&code)
        }
        Some("render") => {
            let r = parse(&args[1..])?;
            let mut w = build(&r)?;
            let svg = w.to_svg(r.width_css, r.scale, Theme::for_dark(r.dark))?;
            match &r.output {
                Some(path) => std::fs::write(path, svg).map_err(|e| format!("{path}: {e}")),
                None => emit(&svg),
            }
        }
        _ => Err(USAGE.to_string()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mathsight: {message}");
            ExitCode::from(2)
        }
    }
}
