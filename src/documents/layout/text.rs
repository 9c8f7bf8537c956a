//! Runs of text in one face, broken into lines that fit a width (greedy, at spaces; a word wider
//! than the line is broken between letters), as a pure computation over the fonts' metrics.

use super::fonts::{Face, Fonts};

/// A piece of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: Face,
    pub text: String,
}

impl Run {
    pub fn new(face: Face, text: impl Into<String>) -> Run {
        Run { face, text: crate::vn::nfc(&text.into()) }
    }
}

/// A word: the letters between two spaces, possibly in several faces ("**1.**" then "Tặng").
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub pieces: Vec<Run>,
    pub width: f32,
    /// Width of the space that follows the word, in the face of its last piece.
    pub space: f32,
    /// A line break ("\n") follows the word.
    pub hard_break: bool,
}

/// One laid-out line: its words and whether it ends its paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub words: Vec<Word>,
    pub last: bool,
}

impl Line {
    /// Natural width: the words and the single spaces between them.
    pub fn width(&self) -> f32 {
        let n = self.words.len();
        self.words.iter().enumerate().map(|(i, w)| w.width + if i + 1 < n { w.space } else { 0.0 }).sum()
    }
}

/// Splits runs into words at spaces, measuring each.
pub fn words(fonts: &Fonts, size: f32, runs: &[Run]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Vec<Run> = Vec::new();
    let finish = |current: &mut Vec<Run>, out: &mut Vec<Word>, hard_break: bool| {
        if current.is_empty() {
            if let Some(w) = out.last_mut() {
                w.hard_break |= hard_break;
            }
            return;
        }
        let pieces = std::mem::take(current);
        let width = pieces.iter().map(|p| fonts.width(p.face, size, &p.text)).sum();
        let last_face = pieces.last().map_or(Face::Regular, |p| p.face);
        out.push(Word { pieces, width, space: fonts.width(last_face, size, " "), hard_break });
    };
    for run in runs {
        let mut piece = String::new();
        for c in run.text.chars() {
            if c == ' ' || c == '\n' {
                if !piece.is_empty() {
                    current.push(Run { face: run.face, text: std::mem::take(&mut piece) });
                }
                finish(&mut current, &mut out, c == '\n');
            } else {
                piece.push(c);
            }
        }
        if !piece.is_empty() {
            current.push(Run { face: run.face, text: piece });
        }
    }
    finish(&mut current, &mut out, false);
    out
}

/// Breaks a word wider than `max` between letters into pieces that fit.
fn split_long(fonts: &Fonts, size: f32, word: Word, max: f32) -> Vec<Word> {
    let mut out = Vec::new();
    let mut pieces: Vec<Run> = Vec::new();
    let mut width = 0.0;
    for run in word.pieces {
        let mut text = String::new();
        for c in run.text.chars() {
            let w = fonts.width(run.face, size, c.encode_utf8(&mut [0; 4]));
            if width + w > max && (width > 0.0) {
                if !text.is_empty() {
                    pieces.push(Run { face: run.face, text: std::mem::take(&mut text) });
                }
                out.push(Word { pieces: std::mem::take(&mut pieces), width, space: 0.0, hard_break: false });
                width = 0.0;
            }
            text.push(c);
            width += w;
        }
        if !text.is_empty() {
            pieces.push(Run { face: run.face, text });
        }
    }
    out.push(Word { pieces, width, space: word.space, hard_break: word.hard_break });
    out
}

/// Greedy line breaking: the first line is `first` wide, the others `rest`.
pub fn break_lines(fonts: &Fonts, size: f32, runs: &[Run], first: f32, rest: f32) -> Vec<Line> {
    break_words(fonts, size, words(fonts, size, runs), first, rest)
}

/// Greedy line breaking of words already measured.
fn break_words(fonts: &Fonts, size: f32, all: Vec<Word>, first: f32, rest: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut used = 0.0;
    for word in all {
        let max = if lines.is_empty() { first } else { rest };
        let gap = line.last().map_or(0.0, |w: &Word| w.space);
        if !line.is_empty() && used + gap + word.width > max + 0.01 {
            lines.push(Line { words: std::mem::take(&mut line), last: false });
            used = 0.0;
        }
        let max = if lines.is_empty() { first } else { rest };
        if line.is_empty() && word.width > max {
            let mut parts = split_long(fonts, size, word, max);
            let tail = parts.pop();
            for p in parts {
                lines.push(Line { words: vec![p], last: false });
            }
            if let Some(t) = tail {
                used = t.width;
                let hard = t.hard_break;
                line.push(t);
                if hard {
                    lines.push(Line { words: std::mem::take(&mut line), last: true });
                    used = 0.0;
                }
            }
            continue;
        }
        used += if line.is_empty() { word.width } else { gap + word.width };
        let hard = word.hard_break;
        line.push(word);
        if hard {
            lines.push(Line { words: std::mem::take(&mut line), last: true });
            used = 0.0;
        }
    }
    lines.push(Line { words: line, last: true });
    lines
}

/// Breaks a heading that does not fit on one line into as few lines as fit, of widths as even as
/// can be, so that "ỦY BAN NHÂN DÂN / HUYỆN BẠCH THÔNG" reads as offices write it. A lone dash
/// binds the two words either side of it: "THI ĐUA - KHEN THƯỞNG" stays whole whenever some
/// breaking keeps it so (even at the cost of a line more), and no line ends or starts with the
/// dash (a line that starts with one reads as a bullet).
pub fn balanced_lines(fonts: &Fonts, size: f32, runs: &[Run], max: f32) -> Vec<Line> {
    let all = words(fonts, size, runs);
    let whole = Line { words: all.clone(), last: true };
    if whole.width() <= max || all.len() < 2 || all.len() > MAX_HEADING_WORDS {
        return break_lines(fonts, size, runs, max, max);
    }
    let dash =
        |i: usize| all.get(i).is_some_and(|w| w.pieces.iter().map(|p| p.text.as_str()).collect::<String>() == "-");
    // How much a cut before word `cut` breaks: 0 free, 1 inside a compound joined by a dash,
    // 2 next to the dash itself (never taken).
    let cost = |cut: usize| -> u8 {
        if dash(cut) || dash(cut - 1) {
            2
        } else if dash(cut + 1) || (cut >= 2 && dash(cut - 2)) {
            1
        } else {
            0
        }
    };
    let width = |from: usize, to: usize| Line { words: all[from..to].to_vec(), last: false }.width();
    for allowed in [0, 1] {
        let cuts: Vec<usize> = (1..all.len()).filter(|&c| cost(c) <= allowed).collect();
        for lines in 2..=MAX_HEADING_LINES {
            let mut best: Option<(f32, Vec<usize>)> = None;
            let mut chosen = Vec::new();
            choose_cuts(&cuts, lines - 1, 0, &mut chosen, &mut |set: &[usize]| {
                let bounds: Vec<usize> = std::iter::once(0).chain(set.iter().copied()).chain([all.len()]).collect();
                let widest = bounds.windows(2).map(|b| width(b[0], b[1])).fold(0.0, f32::max);
                if widest <= max && best.as_ref().is_none_or(|(w, _)| widest < *w) {
                    best = Some((widest, set.to_vec()));
                }
            });
            if let Some((_, set)) = best {
                let bounds: Vec<usize> = std::iter::once(0).chain(set).chain([all.len()]).collect();
                let n = bounds.len() - 1;
                return bounds
                    .windows(2)
                    .enumerate()
                    .map(|(i, b)| Line { words: all[b[0]..b[1]].to_vec(), last: i + 1 == n })
                    .collect();
            }
        }
    }
    break_words(fonts, size, glue_dashes(all), max, max)
}

/// Headings longer than this are broken greedily (the search below is combinatorial).
const MAX_HEADING_WORDS: usize = 16;
/// A heading is searched for the best breaking into at most this many lines.
const MAX_HEADING_LINES: usize = 3;

/// Calls `visit` with every increasing choice of `k` cuts from `cuts[from..]`.
fn choose_cuts(cuts: &[usize], k: usize, from: usize, chosen: &mut Vec<usize>, visit: &mut dyn FnMut(&[usize])) {
    if k == 0 {
        visit(chosen);
        return;
    }
    for i in from..cuts.len() {
        chosen.push(cuts[i]);
        choose_cuts(cuts, k - 1, i + 1, chosen, visit);
        chosen.pop();
    }
}

/// Joins each lone dash to the words either side ("ĐUA - KHEN" becomes one word), so that greedy
/// breaking never leaves the dash at a line's end or start.
fn glue_dashes(all: Vec<Word>) -> Vec<Word> {
    let is_dash = |w: &Word| w.pieces.iter().map(|p| p.text.as_str()).collect::<String>() == "-";
    let mut out: Vec<Word> = Vec::with_capacity(all.len());
    let mut pending = false;
    for word in all {
        let glue_to_previous = pending || (is_dash(&word) && out.last().is_some_and(|w| !w.hard_break));
        pending = is_dash(&word) && !word.hard_break;
        match out.last_mut() {
            Some(prev) if glue_to_previous => {
                if let Some(last) = prev.pieces.last_mut() {
                    last.text.push(' ');
                }
                prev.width += prev.space + word.width;
                prev.space = word.space;
                prev.hard_break = word.hard_break;
                prev.pieces.extend(word.pieces);
            }
            _ => out.push(word),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().unwrap_or_else(|_| panic!("fonts"))
    }

    fn text(line: &Line) -> String {
        line.words
            .iter()
            .map(|w| w.pieces.iter().map(|p| p.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let f = fonts();
        let s = "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho các tập thể và cá nhân đã có thành tích xuất sắc trong Đợt thi đua";
        let lines = break_lines(&f, 13.0, &[Run::new(Face::Regular, s)], 150.0, 200.0);
        assert!(lines.len() > 2);
        assert!(lines[0].width() <= 150.0);
        assert!(lines[1..].iter().all(|l| l.width() <= 200.0));
        assert_eq!(lines.iter().map(text).collect::<Vec<_>>().join(" "), s);
        assert!(lines.last().is_some_and(|l| l.last) && !lines[0].last);
    }

    #[test]
    fn a_bold_label_and_regular_text_share_a_line_with_their_faces() {
        let f = fonts();
        let runs = [Run::new(Face::Bold, "Điều 1. "), Run::new(Face::Regular, "Tặng Giấy khen")];
        let lines = break_lines(&f, 13.0, &runs, 400.0, 400.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].words[1].pieces[0].face, Face::Bold);
        assert_eq!(lines[0].words[2].pieces[0].face, Face::Regular);
    }

    #[test]
    fn a_word_wider_than_the_column_is_cut_between_letters() {
        let f = fonts();
        let lines = break_lines(&f, 12.0, &[Run::new(Face::Regular, "Nghiêngnghiêngnghiêng")], 30.0, 30.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width() <= 30.0));
        assert_eq!(lines.iter().map(text).collect::<String>(), "Nghiêngnghiêngnghiêng");
    }

    #[test]
    fn a_newline_ends_the_line_and_is_not_justified() {
        let f = fonts();
        let lines = break_lines(&f, 12.0, &[Run::new(Face::Regular, "Bà Nguyễn Thị Hường\nChuyên viên")], 400.0, 400.0);
        assert_eq!(lines.iter().map(text).collect::<Vec<_>>(), ["Bà Nguyễn Thị Hường", "Chuyên viên"]);
        assert!(lines[0].last);
    }

    #[test]
    fn a_heading_too_wide_for_its_column_breaks_into_two_even_lines() {
        let f = fonts();
        let runs = [Run::new(Face::Bold, "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG")];
        let one = f.width(Face::Bold, 12.0, "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG");
        let lines = balanced_lines(&f, 12.0, &runs, one - 1.0);
        assert_eq!(lines.iter().map(text).collect::<Vec<_>>(), ["ỦY BAN NHÂN DÂN", "HUYỆN BẠCH THÔNG"]);
    }

    #[test]
    fn a_heading_keeps_the_dashed_compound_together() {
        let f = fonts();
        for body in ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG HUYỆN", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG XÃ"] {
            let runs = [Run::new(Face::Bold, body)];
            let one = f.width(Face::Bold, 12.0, body);
            let compound = f.width(Face::Bold, 12.0, "THI ĐUA - KHEN THƯỞNG");
            for max in [one - 1.0, one * 0.8, compound + 1.0, compound - 1.0] {
                let whole = max > compound;
                let lines: Vec<String> = balanced_lines(&f, 12.0, &runs, max).iter().map(text).collect();
                assert_eq!(lines.join(" "), body);
                assert!(lines.iter().all(|l| !l.starts_with('-') && !l.ends_with('-')), "{lines:?}");
                // The compound stays whole, on a line of its own when it must.
                assert_eq!(lines.iter().any(|l| l.contains("THI ĐUA - KHEN THƯỞNG")), whole, "{max} {lines:?}");
                assert!(!whole || lines.len() <= 3, "{lines:?}");
            }
        }
    }
}
