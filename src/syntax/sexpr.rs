//! Compact S-expression rendering of the syntax tree, for tests and `:ast` (to be written).
