//! One integration-test binary, split by topic.

mod batch;
mod compare;
mod eval;
mod gen_corpus;
mod harness;
mod interop;
mod languages;
mod meetings;
mod notebooks;
mod participants;
mod properties;
mod report;
mod robustness;
mod run;
