//! Per-thread tables of constants at one working precision, for the table-driven logarithm and exponential.
//!
//! A quadrature evaluates thousands of points at one precision, so each table is filled once and then only
//! read. Thread-local tables need no lock; a thread keeps a few precisions and starts over past that.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

/// The precisions the table-driven logarithm and exponential serve: below, MPFR's functions are cheap
/// enough (and the quadrature's points are double-double balls); beyond, their series grow long and MPFR's
/// AGM and binary splitting win.
pub const MIN_PRECISION: u32 = 100;
/// See [`MIN_PRECISION`].
pub const MAX_PRECISION: u32 = 1000;

/// Bits computed beyond the precision asked for, so that an error bound of a few hundred roundings'
/// worth (counted generously) stays below one unit of the last place.
pub const GUARD: u32 = 12;

/// Whether the table-driven functions serve `precision`.
pub fn serves(precision: u32) -> bool {
    (MIN_PRECISION..=MAX_PRECISION).contains(&precision)
}

/// Tables keyed by working precision.
pub type Tables<T> = RefCell<HashMap<u32, T>>;

/// How many precisions a thread keeps before it starts over (a query asks for one or two).
const MAX_TABLES: usize = 16;

/// Runs `f` on the table for `precision`, made by `make` if the thread has none yet.
pub fn with_table<T: 'static, R>(
    tables: &'static LocalKey<Tables<T>>,
    precision: u32,
    make: impl FnOnce(u32) -> T,
    f: impl FnOnce(&mut T) -> R,
) -> R {
    tables.with(|tables| {
        let mut tables = tables.borrow_mut();
        if tables.len() >= MAX_TABLES && !tables.contains_key(&precision) {
            tables.clear();
        }
        f(tables.entry(precision).or_insert_with(|| make(precision)))
    })
}

/// Checks that `enclose` of every thin interval [a, a + k ulps] (a = numerator/denominator from `starts`, at
/// precisions the tables serve) holds the exact values at both ends, computed 64 bits wider by `exact`.
#[cfg(test)]
pub fn assert_thin_intervals_hold(
    name: &str,
    starts: &[(f64, u32)],
    enclose: impl Fn(
        &crate::numeric::Interval,
    ) -> Result<crate::numeric::Interval, crate::numeric::interval::Failure>,
    exact: impl Fn(&rug::Float, u32) -> rug::Float,
) {
    for precision in [100u32, 101, 142, 150, 200] {
        for &(numerator, denominator) in starts {
            let a = rug::Float::with_val(precision, numerator) / denominator;
            for ulps in [1, 2, 5, 17, 63] {
                let mut b = a.clone();
                for _ in 0..ulps {
                    b.next_up();
                }
                let x = crate::numeric::Interval::new(a.clone(), b.clone()).unwrap();
                let enclosure = enclose(&x).unwrap();
                for end in [&a, &b] {
                    let exact = exact(end, precision + 64);
                    assert!(
                        enclosure.lower <= exact && exact <= enclosure.upper,
                        "{name} [{a}, {b}] at {precision}: {enclosure:?}"
                    );
                }
            }
        }
    }
}
