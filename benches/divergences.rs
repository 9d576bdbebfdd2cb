//! End-to-end timings, from parsing to certified printed digits: quadrature, series and closed forms.
//! Run with `cargo bench --bench divergences`; the README's table comes from one such run. The process
//! allocates as the `divcalc` binary does (mimalloc, for GMP and MPFR too), so the figures are the binary's.

#[path = "../src/bin/divcalc/allocation.rs"]
mod allocation;

use criterion::{criterion_group, Criterion};
use divcalc::{Options, Session};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn evaluate(expression: &str, digits: usize) {
    let mut session = Session::with_options(Options {
        digits,
        ..Options::default()
    });
    session
        .eval(expression)
        .expect("the benchmark expressions evaluate");
}

fn quadrature(c: &mut Criterion) {
    let mut group = c.benchmark_group("quadrature");
    group.sample_size(10);
    for digits in [15, 30, 50, 100] {
        group.bench_function(format!("KL(T(3) || Cauchy(0,1)) {digits} digits"), |b| {
            b.iter(|| evaluate("KL(T(3) || Cauchy(0,1))", digits))
        });
    }
    for digits in [15, 30, 50] {
        group.bench_function(
            format!("KL(0.3*N(-1,1/2) + 0.7*N(2,1) || N(0,2)) {digits} digits"),
            |b| b.iter(|| evaluate("KL(0.3*N(-1,1/2) + 0.7*N(2,1) || N(0,2))", digits)),
        );
    }
    group.finish();
}

fn series(c: &mut Criterion) {
    let mut group = c.benchmark_group("series");
    group.sample_size(10);
    group.bench_function("KL(Poisson(3) || NegBin(2,1/3)) 50 digits", |b| {
        b.iter(|| evaluate("KL(Poisson(3) || NegBin(2, 1/3))", 50))
    });
    group.finish();
}

fn closed_form(c: &mut Criterion) {
    let mut group = c.benchmark_group("closed form");
    for digits in [20, 1000] {
        group.bench_function(format!("KL(N(0,1) || N(0,4)) {digits} digits"), |b| {
            b.iter(|| evaluate("KL(N(0,1) || N(0,4))", digits))
        });
    }
    group.bench_function(
        "KL(T(3) || N(0,1)) 50 digits (closed form since the moment table)",
        |b| b.iter(|| evaluate("KL(T(3) || N(0,1))", 50)),
    );
    group.finish();
}

criterion_group!(benches, quadrature, series, closed_form);
fn main() {
    // SAFETY: first thing in main: no GMP or MPFR value exists yet, and no other thread runs.
    unsafe { allocation::use_mimalloc_for_numbers() };
    benches();
    Criterion::default().configure_from_args().final_summary();
}
