//! One integration-test binary, split by topic.

mod compare;
mod eval;
mod harness;
mod interop;
mod notebooks;
mod run;
