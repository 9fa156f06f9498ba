//! One integration-test binary, split by topic.

mod eval;
mod harness;
mod interop;
mod properties;
mod run;
