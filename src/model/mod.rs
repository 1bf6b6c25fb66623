//! The checked content model that every later stage trusts.

pub mod calendar;
