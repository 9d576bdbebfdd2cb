//! A reproducible stream of random numbers for the numeric tests (no dependency for a few thousand points).

use rug::Float;

/// A linear congruential generator, seeded by its state.
pub struct Stream(pub u64);

impl Stream {
    /// A number in [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in [0, 1) with every bit of `precision` set at random.
    pub fn bits(&mut self, precision: u32) -> Float {
        let mut x = Float::new(precision);
        for chunk in 0..=precision / 53 {
            x += Float::with_val(precision, self.uniform()) >> (53 * chunk);
        }
        x
    }
}
