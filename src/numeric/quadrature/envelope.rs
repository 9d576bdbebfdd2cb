//! Envelopes of log-densities in the tails (to be written).
