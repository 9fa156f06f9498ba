//! Partners as the article's language writes them: names, demonyms and
//! capitals from the lexicon, article forms from the templates file.

use std::collections::BTreeMap;

use super::files::{
    ElisionFile, FeminineFile, FormsFile, GrammarFile, NameSource, PartnerKind, PartnersFile,
};
use crate::fold::fold;
use crate::lexicon::{Entity, Lexicon, OrgKind};

pub(super) struct Partner {
    /// Canonical English name, as in the tables.
    pub canonical: String,
    pub kind: PartnerKind,
    /// Without its article ("Russie").
    pub name: String,
    /// With its article ("la Russie").
    pub the: String,
    /// After the language's "of" ("de la Russie", "du Japon").
    pub of: String,
    /// Where ("en Russie", "in the Philippines").
    pub within: String,
    pub dem: String,
    pub dem_f: String,
    /// Capital: (name in the language, canonical name).
    pub capital: Option<(String, String)>,
}

/// Renders a name in each form of its article.
struct Forms<'a> {
    forms: &'a FormsFile,
    elision: &'a [ElisionFile],
}

impl Forms<'_> {
    fn render(
        &self,
        key: &str,
        article: &str,
        map: &BTreeMap<String, String>,
        name: &str,
    ) -> Result<String, String> {
        let form = map.get(article).ok_or_else(|| {
            let known: Vec<_> = map.keys().map(|k| format!("{k:?}")).collect();
            format!(
                "{key}: article {article:?} is not one of {}",
                known.join(", ")
            )
        })?;
        let mut out = form.replace("{name}", name);
        // "de Interpol" -> "d'Interpol".
        for e in self.elision {
            let first = name.chars().next().map(|c| c.to_lowercase().to_string());
            if first.is_some_and(|c| e.before.contains(c.as_str())) {
                out = out.replace(&format!("{}{name}", e.word), &format!("{}{name}", e.elided));
            }
        }
        Ok(out)
    }

    fn partner(
        &self,
        key: &str,
        canonical: &str,
        kind: PartnerKind,
        article: &str,
        name: String,
    ) -> Result<Partner, String> {
        let at = |m: String| format!("{key}: {canonical:?}: {m}");
        Ok(Partner {
            canonical: canonical.to_string(),
            kind,
            the: self
                .render("the", article, &self.forms.the, &name)
                .map_err(at)?,
            of: self
                .render("of", article, &self.forms.of, &name)
                .map_err(at)?,
            within: self
                .render("in", article, &self.forms.within, &name)
                .map_err(at)?,
            name,
            dem: String::new(),
            dem_f: String::new(),
            capital: None,
        })
    }
}

/// Every partner of the templates file, checked against the lexicon.
pub(super) fn partners(
    p: &PartnersFile,
    g: &GrammarFile,
    lex: &Lexicon,
) -> Result<Vec<Partner>, String> {
    let forms = Forms {
        forms: &p.forms,
        elision: &g.elision,
    };
    let mut out = Vec::new();
    for (canonical, article) in &p.countries {
        out.push(country(
            canonical,
            article,
            p.country_names,
            &forms,
            g,
            lex,
        )?);
    }
    for (list, kind, key) in [
        (&p.organizations, PartnerKind::Organization, "organizations"),
        (&p.companies, PartnerKind::Company, "companies"),
    ] {
        for (canonical, article, name) in list {
            out.push(organization(
                key, canonical, article, name, kind, &forms, lex,
            )?);
        }
    }
    if !out.iter().any(|p| p.kind == PartnerKind::Country) {
        return Err("countries is empty".into());
    }
    Ok(out)
}

fn country(
    canonical: &str,
    article: &str,
    source: NameSource,
    forms: &Forms,
    g: &GrammarFile,
    lex: &Lexicon,
) -> Result<Partner, String> {
    let c = lex
        .countries
        .iter()
        .find(|c| c.name == canonical)
        .ok_or_else(|| {
            format!("countries: unknown country {canonical:?} (not in lexicon/countries.toml)")
        })?;
    let name = match source {
        NameSource::Canonical => canonical.to_string(),
        NameSource::Lexicon => c.names.first().cloned().ok_or_else(|| {
            format!("countries: {canonical:?} has no name in the language (lexicon/countries.toml)")
        })?,
    };
    let dem = c.demonyms.first().cloned().ok_or_else(|| {
        format!("countries: {canonical:?} has no demonym in the language (lexicon/countries.toml)")
    })?;
    let dem_f = feminine(&dem, &c.demonyms, &g.feminine_demonyms);
    let capital = c
        .capital
        .map(|i| (city_name(lex, i), lex.cities[i].name.clone()));
    Ok(Partner {
        dem,
        dem_f,
        capital,
        ..forms.partner("countries", canonical, PartnerKind::Country, article, name)?
    })
}

fn organization(
    key: &str,
    canonical: &str,
    article: &str,
    name: &str,
    kind: PartnerKind,
    forms: &Forms,
    lex: &Lexicon,
) -> Result<Partner, String> {
    let i = lex
        .organizations
        .iter()
        .position(|o| o.name == *canonical)
        .ok_or_else(|| {
            format!("{key}: unknown organisation {canonical:?} (not in lexicon/organizations.toml)")
        })?;
    let is_company = lex.organizations[i].kind == OrgKind::Company;
    if is_company != (kind == PartnerKind::Company) {
        return Err(format!(
            "{key}: {canonical:?} is of the other kind in lexicon/organizations.toml"
        ));
    }
    let partner = forms.partner(key, canonical, kind, article, name.to_string())?;
    let names_it = lex
        .mentions(&fold(&partner.the))
        .iter()
        .any(|m| m.what.contains(&Entity::Organization(i)));
    if !names_it {
        return Err(format!(
            "{key}: the lexicon does not read {:?} as {canonical:?}",
            partner.the
        ));
    }
    Ok(partner)
}

/// The first feminine pattern whose form the lexicon lists; else the
/// masculine when it does not change; else the lexicon's second form.
fn feminine(dem: &str, demonyms: &[String], f: &FeminineFile) -> String {
    let known = f
        .patterns
        .iter()
        .map(|p| p.replace("{dem}", dem))
        .find(|form| demonyms.contains(form));
    let invariable = || {
        f.invariable_endings
            .iter()
            .any(|e| dem.ends_with(e.as_str()))
    };
    known
        .or_else(|| invariable().then(|| dem.to_string()))
        .or_else(|| demonyms.get(1).filter(|_| f.second_form).cloned())
        .unwrap_or_else(|| dem.to_string())
}

/// The home cities: (name in the language, canonical name).
pub(super) fn home_cities(
    names: &[String],
    lex: &Lexicon,
) -> Result<Vec<(String, String)>, String> {
    names
        .iter()
        .map(|name| {
            let c = lex
                .cities
                .iter()
                .position(|c| c.name == *name && c.country == lex.home)
                .ok_or_else(|| {
                    format!("home_cities: {name:?} is not a city of the home country in lexicon/cities.toml")
                })?;
            Ok((city_name(lex, c), name.clone()))
        })
        .collect()
}

/// A city's usual name in the language: the first form in the lexicon.
fn city_name(lex: &Lexicon, city: usize) -> String {
    lex.cities[city]
        .names
        .first()
        .cloned()
        .unwrap_or_else(|| lex.cities[city].name.clone())
}
