//! SVG plots of a comparison, drawn with `plotters`: a partner × theme
//! heatmap of shares, and a timeline of meetings per partner.
//!
//! Only the SVG backend is built (no font rasteriser), so text sizes are
//! estimated from character counts; margins are sized from the longest label
//! so that no label is clipped.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::compare::{Matrix, Timeline};
use crate::error::Error;

const FONT: &str = "sans-serif";
/// plotters writes SVG font sizes as size / 1.24: 15 gives about 12 px.
const LABEL_SIZE: f64 = 15.0;
/// Width of one character at `LABEL_SIZE`, generous for a sans-serif font.
const CHAR_WIDTH: f64 = 7.5;
const CELL: (u32, u32) = (46, 26);

fn text_width(s: &str) -> u32 {
    (s.chars().count() as f64 * CHAR_WIDTH).ceil() as u32
}

fn plot_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Plot {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Only `.svg` is drawn: a bitmap backend would need a font rasteriser and
/// image codecs in every build.
fn check_svg(path: &Path) -> Result<(), Error> {
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("svg"))
    {
        Ok(())
    } else {
        Err(plot_error(path, "only .svg plots are supported"))
    }
}

/// White to dark blue as the share goes from 0 to 1.
fn shade(share: f64) -> RGBColor {
    let lerp = |from: f64, to: f64| (from + (to - from) * share.clamp(0.0, 1.0)).round() as u8;
    RGBColor(lerp(255.0, 8.0), lerp(255.0, 48.0), lerp(255.0, 107.0))
}

/// Heatmap of shares: one row per partner (with its meeting count), one
/// column per theme, each cell the share of the partner's meetings that
/// discussed the theme, printed as a percentage.
pub fn heatmap(m: &Matrix, path: &Path) -> Result<(), Error> {
    check_svg(path)?;
    if m.partners.is_empty() || m.themes.is_empty() {
        return Err(plot_error(
            path,
            "nothing to plot: no meeting with a theme matches the selection",
        ));
    }
    let rows: Vec<String> = m
        .partners
        .iter()
        .zip(&m.partner_meetings)
        .map(|(p, n)| format!("{p} ({n})"))
        .collect();
    let title = "Share of each partner's meetings that discussed a theme";
    let left = 20 + rows.iter().map(|r| text_width(r)).max().unwrap_or(0);
    let top = 50 + m.themes.iter().map(|t| text_width(t)).max().unwrap_or(0);
    let grid = (
        CELL.0 * m.themes.len() as u32,
        CELL.1 * m.partners.len() as u32,
    );
    let width = (left + grid.0 + 20).max(text_width(title) + 40);
    let height = top + grid.1 + 20;

    let root = SVGBackend::new(path, (width, height)).into_drawing_area();
    let fail = |e| plot_error(path, e);
    root.fill(&WHITE).map_err(fail)?;
    let font = (FONT, LABEL_SIZE).into_font();
    root.draw(&Text::new(title, (20, 16), font.clone().resize(17.0)))
        .map_err(fail)?;
    let at = |p: usize, t: usize| {
        (
            (left + CELL.0 * t as u32) as i32,
            (top + CELL.1 * p as u32) as i32,
        )
    };
    for (t, theme) in m.themes.iter().enumerate() {
        let (x, _) = at(0, t);
        let style = TextStyle::from(font.clone())
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(
            theme.as_str(),
            (x + CELL.0 as i32 / 2, top as i32 - 6),
            style,
        ))
        .map_err(fail)?;
    }
    for (p, row) in rows.iter().enumerate() {
        let (_, y) = at(p, 0);
        let style = TextStyle::from(font.clone()).pos(Pos::new(HPos::Right, VPos::Center));
        root.draw(&Text::new(
            row.as_str(),
            (left as i32 - 8, y + CELL.1 as i32 / 2),
            style,
        ))
        .map_err(fail)?;
        for t in 0..m.themes.len() {
            let (x, y) = at(p, t);
            let share = m.share(p, t);
            root.draw(&Rectangle::new(
                [(x, y), (x + CELL.0 as i32, y + CELL.1 as i32)],
                shade(share).filled(),
            ))
            .map_err(fail)?;
            if m.meetings[p][t] > 0 {
                let ink = if share > 0.5 { &WHITE } else { &BLACK };
                let style = TextStyle::from(font.clone().resize(13.0))
                    .color(ink)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                root.draw(&Text::new(
                    format!("{:.0}%", share * 100.0),
                    (x + CELL.0 as i32 / 2, y + CELL.1 as i32 / 2),
                    style,
                ))
                .map_err(fail)?;
            }
        }
    }
    root.present().map_err(fail)
}

/// Meetings per partner and period, one line per partner.
pub fn timeline(t: &Timeline, path: &Path) -> Result<(), Error> {
    check_svg(path)?;
    if t.periods.is_empty() {
        return Err(plot_error(
            path,
            "nothing to plot: no dated meeting matches the selection",
        ));
    }
    let most = t
        .series
        .iter()
        .flat_map(|(_, counts)| counts.iter().copied())
        .max()
        .unwrap_or(0);
    let title = if t.undated > 0 {
        format!(
            "Meetings per partner ({} without a known date not shown)",
            t.undated
        )
    } else {
        "Meetings per partner".to_string()
    };
    let label_width = t.periods.iter().map(|p| text_width(p)).max().unwrap_or(0);
    let width = (80 + label_width * t.periods.len() as u32).clamp(720, 1600);
    let root = SVGBackend::new(path, (width, 480)).into_drawing_area();
    let fail = |e| plot_error(path, e);
    root.fill(&WHITE).map_err(fail)?;
    let last = t.periods.len() as i32 - 1;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, (FONT, 20))
        .margin(16)
        // The last period's label is centred on the right edge of the plot.
        .margin_right(16 + label_width / 2)
        .x_label_area_size(36)
        .y_label_area_size(48)
        .build_cartesian_2d(0..last.max(1), 0..most + 1)
        .map_err(fail)?;
    let label = |i: &i32| t.periods.get(*i as usize).cloned().unwrap_or_default();
    chart
        .configure_mesh()
        .x_labels(t.periods.len())
        .x_label_formatter(&label)
        .y_desc("meetings")
        .label_style((FONT, LABEL_SIZE))
        .draw()
        .map_err(fail)?;
    for (i, (partner, counts)) in t.series.iter().enumerate() {
        let color = Palette99::pick(i).to_rgba();
        let points = counts.iter().enumerate().map(|(x, n)| (x as i32, *n));
        chart
            .draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))
            .map_err(fail)?
            .label(partner.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], color.filled()));
        chart
            .draw_series(points.map(|p| Circle::new(p, 3, color.filled())))
            .map_err(fail)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font((FONT, LABEL_SIZE))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()
        .map_err(fail)?;
    root.present().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shade_runs_from_white_to_dark_blue() {
        assert_eq!(shade(0.0), RGBColor(255, 255, 255));
        assert_eq!(shade(1.0), RGBColor(8, 48, 107));
        assert_eq!(shade(7.0), shade(1.0), "shares above 1 are clamped");
    }

    #[test]
    fn heatmap_margins_fit_the_longest_labels() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.svg");
        let long = "United Nations Office on Drugs and Crime";
        let m = Matrix {
            period: "all".into(),
            partners: vec![long.into(), "Laos".into()],
            partner_meetings: vec![4, 2],
            themes: vec!["multilateral_cooperation".into(), "terrorism".into()],
            meetings: vec![vec![3, 1], vec![0, 2]],
        };
        heatmap(&m, &path).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.contains(&format!("{long} (4)")), "{svg}");
        // Right-aligned at `left - 8`, the longest row label needs `left` ≥ its width + 8.
        let left = 20 + text_width(&format!("{long} (4)"));
        let grid_start = format!("<rect x=\"{left}\"");
        assert!(
            svg.contains(&grid_start),
            "grid starts after the labels: {svg}"
        );
        assert!(svg.contains("75%") && svg.contains("100%"), "{svg}");
    }

    #[test]
    fn refuses_bitmap_formats_naming_the_file() {
        let e = check_svg(Path::new("plot.png")).unwrap_err();
        assert_eq!(e.to_string(), "plot.png: only .svg plots are supported");
    }
}
