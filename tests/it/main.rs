//! One integration-test binary, split by topic.

mod batch;
mod eval;
mod harness;
mod interop;
mod properties;
mod robustness;
mod run;
