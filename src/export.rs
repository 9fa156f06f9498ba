//! A result frame written as CSV or JSON records, for analysts who take the
//! numbers elsewhere (Parquet goes through [`crate::write::write_parquet`]).

use std::io::Write;

use polars::prelude::*;
use serde_json::{Map, Number, Value};

/// One cell as JSON: numbers stay numbers, a missing value is null, and
/// anything else (dates) is its text.
fn json(v: AnyValue) -> Value {
    match v {
        AnyValue::Null => Value::Null,
        AnyValue::Boolean(b) => Value::Bool(b),
        AnyValue::String(s) => Value::String(s.to_string()),
        AnyValue::Float32(x) => Number::from_f64(f64::from(x)).map_or(Value::Null, Value::Number),
        AnyValue::Float64(x) => Number::from_f64(x).map_or(Value::Null, Value::Number),
        v if v.is_integer() => v.extract::<i64>().map_or(Value::Null, Value::from),
        v => Value::String(v.to_string()),
    }
}

/// One cell as CSV text: empty for a missing value.
fn text(v: AnyValue) -> String {
    match json(v) {
        Value::Null => String::new(),
        Value::String(s) => s,
        other => other.to_string(),
    }
}

fn rows(df: &DataFrame) -> impl Iterator<Item = Vec<AnyValue<'_>>> {
    (0..df.height()).map(move |r| {
        df.columns()
            .iter()
            .map(|c| c.get(r).unwrap_or(AnyValue::Null))
            .collect()
    })
}

pub fn csv(df: &DataFrame, out: impl Write) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(df.get_column_names().iter().map(|n| n.as_str()))?;
    for row in rows(df) {
        w.write_record(row.into_iter().map(text))?;
    }
    w.flush()
}

/// An array of records, one object per row, keys in column order.
pub fn json_records(df: &DataFrame, mut out: impl Write) -> std::io::Result<()> {
    let names = df.get_column_names();
    let records: Vec<Value> = rows(df)
        .map(|row| {
            let record: Map<String, Value> = names
                .iter()
                .map(|n| n.to_string())
                .zip(row.into_iter().map(json))
                .collect();
            Value::Object(record)
        })
        .collect();
    serde_json::to_writer_pretty(&mut out, &records)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> DataFrame {
        df! {
            "partner" => [Some("Russia"), Some("Laos, PDR")],
            "year" => [Some(2024i16), None],
            "share" => [0.5f64, 1.0],
        }
        .unwrap()
    }

    #[test]
    fn csv_quotes_commas_and_leaves_nulls_empty() {
        let mut out = Vec::new();
        csv(&frame(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "partner,year,share\nRussia,2024,0.5\n\"Laos, PDR\",,1.0\n"
        );
    }

    #[test]
    fn json_records_keep_numbers_and_nulls() {
        let mut out = Vec::new();
        json_records(&frame(), &mut out).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v,
            serde_json::json!([
                {"partner": "Russia", "year": 2024, "share": 0.5},
                {"partner": "Laos, PDR", "year": null, "share": 1.0}
            ])
        );
    }
}
