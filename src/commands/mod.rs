//! Commands that check the content and write one file of their own, above the pipeline
//! (the build writes the same things for the whole site).

pub mod register;
