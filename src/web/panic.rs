//! Panic handling: record the message (for the shell to show in place of the widget) and log
//! it to the console, as egui's web panic handler does.

use std::cell::RefCell;

thread_local! {
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the hook once.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("mathsight panicked: {message}").into());
        LAST.with(|last| {
            if let Ok(mut slot) = last.try_borrow_mut() {
                *slot = Some(message);
            }
        });
    }));
}

/// The last panic's message, if any.
pub fn last_message() -> Option<String> {
    LAST.with(|last| last.try_borrow().ok().and_then(|m| m.clone()))
}
