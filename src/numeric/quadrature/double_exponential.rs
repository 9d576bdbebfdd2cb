//! Double-exponential estimates (to be written).
