//! Fuzz target: pasted data as text through every data and matrix parser. See
//! `mathsight_fuzz::data`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mathsight_fuzz::data(data));
