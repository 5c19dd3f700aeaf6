//! A bounded cache of measured text sizes, for a text measure that is slow to ask (the
//! browser's `measureText` crosses into JavaScript and styles the font).
//!
//! Direct-mapped: a key (the font string, a NUL and the text) goes to one of [`SLOTS`] slots by
//! its FNV-1a hash, and a new key in a taken slot replaces the one there. Memory stays bounded
//! without ever being cleared at once, a hit allocates nothing, and a slot's string is reused
//! when it is replaced. A frame draws a few dozen labels, so collisions are rare.

/// How many keys the cache holds at most.
pub const SLOTS: usize = 1024;

/// Measured sizes (width, height in pixels) by key.
#[derive(Debug, Default)]
pub struct TextSizes {
    /// `SLOTS` entries once anything was stored; an empty key never matches (keys hold a NUL).
    slots: Vec<(String, (u32, u32))>,
}

impl TextSizes {
    /// An empty cache (allocates nothing until the first store).
    pub const fn new() -> Self {
        Self { slots: Vec::new() }
    }

    /// The size stored for `key`, if it is still there.
    pub fn get(&self, key: &str) -> Option<(u32, u32)> {
        let (stored, size) = self.slots.get(slot(key))?;
        (!key.is_empty() && stored == key).then_some(*size)
    }

    /// Stores `size` for `key`, replacing whatever was in its slot.
    pub fn put(&mut self, key: &str, size: (u32, u32)) {
        if self.slots.is_empty() {
            self.slots.resize_with(SLOTS, Default::default);
        }
        if let Some((stored, stored_size)) = self.slots.get_mut(slot(key)) {
            stored.clear();
            stored.push_str(key);
            *stored_size = size;
        }
    }
}

/// The slot of `key`: its 32-bit FNV-1a hash modulo [`SLOTS`].
fn slot(key: &str) -> usize {
    let hash = key.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash as usize % SLOTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_finds_sizes() {
        let mut cache = TextSizes::new();
        assert_eq!(cache.get("400 12px sans-serif\0x"), None);
        cache.put("400 12px sans-serif\0x", (7, 12));
        cache.put("400 12px sans-serif\0slope m", (41, 12));
        assert_eq!(cache.get("400 12px sans-serif\0x"), Some((7, 12)));
        assert_eq!(cache.get("400 12px sans-serif\0slope m"), Some((41, 12)));
        assert_eq!(cache.get("400 13px sans-serif\0x"), None);
        // The empty key never matches an empty slot.
        assert_eq!(cache.get(""), None);
    }

    #[test]
    fn a_key_in_a_taken_slot_replaces_the_one_there() {
        let mut cache = TextSizes::new();
        let first = "f\0a";
        let other = (0..100_000)
            .map(|k| format!("f\0{k}"))
            .find(|k| slot(k) == slot(first))
            .expect("some key shares the slot");
        cache.put(first, (1, 1));
        cache.put(&other, (2, 2));
        assert_eq!(cache.get(first), None);
        assert_eq!(cache.get(&other), Some((2, 2)));
    }

    #[test]
    fn holds_at_most_its_slots_and_keeps_most_of_a_frame() {
        let mut cache = TextSizes::new();
        let keys: Vec<String> = (0..5_000).map(|k| format!("f\0label {k}")).collect();
        for (k, key) in keys.iter().enumerate() {
            cache.put(key, (k as u32, 1));
        }
        assert_eq!(cache.slots.len(), SLOTS);
        let kept = keys.iter().filter(|k| cache.get(k).is_some()).count();
        assert!(kept <= SLOTS && kept > SLOTS / 2, "{kept}");
        // A frame's worth of labels, stored after all that: nearly all are found.
        let frame: Vec<String> = (0..60).map(|k| format!("12px\0tick {k}")).collect();
        for key in &frame {
            cache.put(key, (3, 12));
        }
        let found = frame
            .iter()
            .filter(|k| cache.get(k) == Some((3, 12)))
            .count();
        assert!(found >= 55, "{found}");
    }
}
