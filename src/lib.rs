//! entente: French and English news articles about security meetings in,
//! analytics tables out.
//!
//! The pipeline runs one way, one module per stage:
//! [`read`] → [`clean`] → [`segment`] → [`extract`] (meetings, participants,
//! themes) → [`tables`] → [`aggregate`] → [`write`], driven by [`pipeline`]
//! with the settings of [`config`], into a [`dataset`] (its lock, staging
//! and journal, partitions, the `runs` table, the keys of the articles it
//! holds), which [`check`] verifies. Domain knowledge lives in the
//! [`lexicon`] data files.
//!
//! The written tables are read back by [`dataset`] for [`eval`] (scores
//! against gold) and [`compare`] (partners compared on themes, drawn by
//! [`plot`], written out by [`export`]); [`report`] makes an HTML page of a
//! comparison with the evidence of every meeting.

pub mod aggregate;
pub mod check;
pub mod clean;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod dataset;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod fold;
pub mod lexicon;
pub mod pipeline;
pub mod plot;
pub mod read;
pub mod report;
pub mod segment;
pub mod tables;
pub mod write;

/// The theme codes of SPEC, in its order.
pub const THEMES: [&str; 23] = [
    "terrorism",
    "cybersecurity",
    "cybercrime",
    "transnational_crime",
    "drug_trafficking",
    "human_trafficking",
    "economic_crime",
    "wildlife_trafficking",
    "illegal_migration",
    "information_sharing",
    "training",
    "legal_assistance",
    "citizen_protection",
    "digital_transformation",
    "fire_rescue",
    "technology_equipment",
    "security_industry",
    "maritime_security",
    "border_management",
    "peacekeeping",
    "political_security",
    "multilateral_cooperation",
    "law_enforcement",
];
