//! Fuzz target: a URL fragment or query as `embed.html` receives it, applied option by option
//! to a widget, as the shell's `setOption` does. See `mathsight_fuzz::options`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mathsight_fuzz::options(data));
