//! One integration-test binary, split by topic.

mod batch;
mod check;
mod compare;
mod eval;
mod faults;
mod gen_corpus;
mod harness;
mod interop;
mod languages;
mod meetings;
mod notebooks;
mod participants;
mod properties;
mod reextract;
mod report;
mod robustness;
mod run;
