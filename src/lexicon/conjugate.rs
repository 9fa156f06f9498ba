//! Meeting verbs from their lemmas: the third-person forms a news report
//! uses, generated from a language's conjugation rules (`[conjugation]` in
//! `<lang>/verbs.toml`) and sorted by what they tell of the meeting: held
//! ("a reçu", "received"), held in the passive ("a été reçue", "was
//! received"), leading a paragraph ("recevant", "receiving"), announced
//! ("recevra", "will receive") or recalled ("avait reçu", "had received").
//!
//! The rules are templates over a verb's principal parts and the language's
//! auxiliaries: `"{held_aux} {adverb}{participle}"` gives a form for every
//! auxiliary and adverb. A verb gives its parts in `[[parts]]`, or takes them
//! from the regular pattern of its ending.

use std::collections::BTreeMap;

use super::files::{Conjugation, Parts, Regular, Tense, Voice};
use crate::fold::fold;

/// The principal parts of one verb: part name → its forms.
pub type VerbParts = BTreeMap<String, Vec<String>>;

impl Conjugation {
    /// A lemma's infinitive, and whether it is reflexive ("s'entretenir").
    pub fn split_reflexive<'a>(&self, lemma: &'a str) -> (bool, &'a str) {
        self.reflexive_prefixes
            .iter()
            .find_map(|p| lemma.strip_prefix(p.as_str()))
            .map_or((false, lemma), |rest| (true, rest))
    }

    /// The parts of `infinitive`: those `[[parts]]` gives, else the regular
    /// pattern of its ending; `None` when neither applies.
    pub fn parts(&self, infinitive: &str, given: &[Parts]) -> Option<VerbParts> {
        let mut parts = match given.iter().find(|p| p.infinitive == infinitive) {
            Some(p) => p.parts.clone(),
            None => {
                let regular = self
                    .regular
                    .iter()
                    .find(|r| infinitive.ends_with(r.ending.as_str()))?;
                regular_parts(regular, infinitive)
            }
        };
        parts.insert("infinitive".into(), vec![infinitive.to_string()]);
        Some(parts)
    }

    /// Every form of a verb by tense class. `adverbs` may stand where a
    /// template says `{adverb}`; `passive` adds the passive voice.
    pub fn forms(
        &self,
        parts: &VerbParts,
        reflexive: bool,
        passive: bool,
        adverbs: &[String],
    ) -> Vec<(Tense, String)> {
        let participle: Vec<String> = parts
            .get("participle")
            .map(|p| p.iter().map(|f| fold(f)).collect())
            .unwrap_or_default();
        // Folding drops accents, so "signe" would also match a bare
        // participle ("l'accord signé"), which reports nothing: parts listed
        // in `distinct_from_participle` lose such forms.
        let parts: VerbParts = parts
            .iter()
            .map(|(name, forms)| {
                let keep = |f: &String| {
                    !self.distinct_from_participle.contains(name) || !participle.contains(&fold(f))
                };
                (
                    name.clone(),
                    forms.iter().filter(|f| keep(f)).cloned().collect(),
                )
            })
            .collect();
        let mut optional_adverb = vec![String::new()];
        optional_adverb.extend(adverbs.iter().map(|a| format!("{a} ")));
        let mut out = Vec::new();
        let mut voice = |v: &Voice| {
            for (tense, templates) in v.tenses() {
                for t in templates {
                    out.extend(
                        self.expand(t, &parts, &optional_adverb)
                            .into_iter()
                            .map(|f| (tense, self.elide(&f))),
                    );
                }
            }
        };
        voice(if reflexive {
            &self.reflexive
        } else {
            &self.active
        });
        // The passive is a transitive verb's: reflexive ones have none.
        if passive && !reflexive {
            voice(&self.passive);
        }
        out
    }

    /// A template with each `{name}` replaced by every form of the part or
    /// word list of that name, in every combination.
    fn expand(&self, template: &str, parts: &VerbParts, adverbs: &[String]) -> Vec<String> {
        let Some(open) = template.find('{') else {
            return vec![template.to_string()];
        };
        let close = open + template[open..].find('}').expect("templates are validated");
        let name = &template[open + 1..close];
        let values: &[String] = match name {
            "adverb" => adverbs,
            _ => parts
                .get(name)
                .or_else(|| self.words.get(name))
                .map_or(&[], Vec::as_slice),
        };
        let rest = self.expand(&template[close + 1..], parts, adverbs);
        values
            .iter()
            .flat_map(|v| {
                rest.iter()
                    .map(move |r| format!("{}{v}{r}", &template[..open]))
            })
            .collect()
    }

    /// Elision of the rules' words before a vowel: "se entretient" → "s'entretient".
    fn elide(&self, form: &str) -> String {
        let mut out = form.to_string();
        for e in &self.elision {
            let full = format!("{} ", e.word);
            let mut at = 0;
            while let Some(i) = out[at..].find(&full).map(|i| i + at) {
                let word_start = i == 0 || out[..i].ends_with(' ');
                let next = out[i + full.len()..].chars().next();
                if word_start && next.is_some_and(|c| e.before.contains(c)) {
                    out.replace_range(i..i + full.len(), &e.elided);
                    at = i + e.elided.len();
                } else {
                    at = i + full.len();
                }
            }
        }
        out
    }

    /// Template names no part or word list defines, for start-up validation.
    pub fn unknown_names(&self, part_names: &[String]) -> Vec<String> {
        let known = |n: &str| {
            n == "adverb"
                || n == "infinitive"
                || part_names.iter().any(|p| p == n)
                || self.words.contains_key(n)
        };
        let mut unknown = Vec::new();
        for v in [&self.active, &self.reflexive, &self.passive] {
            for (_, templates) in v.tenses() {
                for t in templates {
                    let mut rest = t.as_str();
                    while let Some(open) = rest.find('{') {
                        let Some(close) = rest[open..].find('}') else {
                            unknown.push(format!("unclosed '{{' in {t:?}"));
                            break;
                        };
                        let name = &rest[open + 1..open + close];
                        if !known(name) {
                            unknown.push(name.to_string());
                        }
                        rest = &rest[open + close + 1..];
                    }
                }
            }
        }
        unknown
    }
}

/// The parts of a regular verb: each template with `{stem}` (the infinitive
/// without its ending) and `{infinitive}`, then the ending's spelling rules
/// ("commenc" + "a" is written "commença").
fn regular_parts(regular: &Regular, infinitive: &str) -> VerbParts {
    let stem = &infinitive[..infinitive.len() - regular.ending.len()];
    let spell = |form: String| -> String {
        let rest = form.strip_prefix(stem).unwrap_or("");
        for s in &regular.spelling {
            if let Some(root) = stem.strip_suffix(s.stem_end.as_str()) {
                if rest.starts_with(|c| s.before.contains(c)) {
                    return format!("{root}{}{rest}", s.written);
                }
            }
        }
        form
    };
    regular
        .parts
        .iter()
        .map(|(name, templates)| {
            let forms = templates
                .iter()
                .map(|t| {
                    spell(
                        t.replace("{stem}", stem)
                            .replace("{infinitive}", infinitive),
                    )
                })
                .collect();
            (name.clone(), forms)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::files::VerbsFile;

    fn rules(lang: &str) -> VerbsFile {
        let text = match lang {
            "fr" => include_str!("../../lexicon/fr/verbs.toml"),
            _ => include_str!("../../lexicon/en/verbs.toml"),
        };
        toml::from_str(text).unwrap()
    }

    fn forms_of(lang: &str, lemma: &str, passive: bool, adverbs: &[&str]) -> Vec<(Tense, String)> {
        let file = rules(lang);
        let c = &file.conjugation;
        let (reflexive, infinitive) = c.split_reflexive(lemma);
        let parts = c.parts(infinitive, &file.parts).expect("conjugable");
        let adverbs: Vec<String> = adverbs.iter().map(|a| a.to_string()).collect();
        c.forms(&parts, reflexive, passive, &adverbs)
    }

    fn of(forms: &[(Tense, String)], tense: Tense) -> Vec<&str> {
        forms
            .iter()
            .filter(|(t, _)| *t == tense)
            .map(|(_, f)| f.as_str())
            .collect()
    }

    #[test]
    fn a_regular_french_verb_is_conjugated_from_its_infinitive() {
        let forms = forms_of("fr", "rencontrer", false, &[]);
        let held = of(&forms, Tense::Held);
        assert!(!held.contains(&"rencontre"), "folds to the participle");
        for f in [
            "rencontrait",
            "rencontra",
            "rencontrèrent",
            "a rencontré",
            "ayant rencontré",
        ] {
            assert!(held.contains(&f), "{f} missing from {held:?}");
        }
        assert!(of(&forms, Tense::Recalled).contains(&"avait rencontré"));
        assert_eq!(of(&forms, Tense::Lead), ["rencontrant"]);
        let announced = of(&forms, Tense::Announced);
        assert!(announced.contains(&"rencontrera") && announced.contains(&"va rencontrer"));
        assert!(!held.contains(&"rencontrera"));
        let file = rules("fr");
        assert!(file.conjugation.parts("recevoir", &[]).is_none());
    }

    #[test]
    fn an_adverb_may_stand_inside_a_compound_tense() {
        let forms = forms_of("fr", "travailler", false, &["successivement"]);
        let held = of(&forms, Tense::Held);
        assert!(held.contains(&"a successivement travaillé"));
        assert!(held.contains(&"a travaillé"));
        assert!(of(&forms, Tense::Recalled).contains(&"avait travaillé"));
        let forms = forms_of("en", "receive", false, &["also"]);
        let held = of(&forms, Tense::Held);
        assert!(held.contains(&"also received"));
        assert!(of(&forms, Tense::Recalled).contains(&"has also received"));
    }

    #[test]
    fn soft_c_and_g_keep_their_sound() {
        let file = rules("fr");
        let c = file.conjugation.parts("commencer", &[]).unwrap();
        assert!(c["simple"].contains(&"commença".to_string()));
        assert!(c["imperfect"].contains(&"commençait".to_string()));
        let g = file.conjugation.parts("échanger", &[]).unwrap();
        assert_eq!(g["present_participle"], ["échangeant"]);
    }

    #[test]
    fn a_reflexive_verb_takes_se_and_etre() {
        let forms = forms_of("fr", "s'entretenir", false, &[]);
        let held = of(&forms, Tense::Held);
        for f in [
            "s'entretient",
            "s'est entretenue",
            "se sont entretenus",
            "s'entretint",
        ] {
            assert!(held.contains(&f), "{f} missing");
        }
        assert!(of(&forms, Tense::Recalled).contains(&"s'était entretenue"));
        assert_eq!(of(&forms, Tense::Lead), ["s'entretenant"]);
        assert!(of(&forms, Tense::Announced).contains(&"va s'entretenir"));
    }

    #[test]
    fn the_passive_is_held_unless_in_the_future_or_the_pluperfect() {
        let forms = forms_of("fr", "signer", true, &[]);
        assert!(of(&forms, Tense::Passive).contains(&"a été signée"));
        assert!(of(&forms, Tense::Announced).contains(&"sera signé"));
        assert!(of(&forms, Tense::Recalled).contains(&"avait été signé"));
        assert!(!of(&forms, Tense::Passive).contains(&"sera signé"));
        let forms = forms_of("en", "receive", true, &[]);
        assert!(of(&forms, Tense::Passive).contains(&"was received"));
        assert!(of(&forms, Tense::Announced).contains(&"will receive"));
        assert!(of(&forms, Tense::Recalled).contains(&"had received"));
        assert!(of(&forms, Tense::Lead).contains(&"receiving"));
    }

    #[test]
    fn every_template_name_is_defined() {
        for lang in ["fr", "en"] {
            let file = rules(lang);
            let unknown = file.conjugation.unknown_names(&file.conjugation.part_names);
            assert!(unknown.is_empty(), "{lang}: {unknown:?}");
        }
    }
}
