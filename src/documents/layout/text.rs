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
    let mut lines = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut used = 0.0;
    for word in words(fonts, size, runs) {
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

/// Breaks a heading into at most two lines of similar width when it does not fit on one, so that
/// "ỦY BAN NHÂN DÂN / HUYỆN BẠCH THÔNG" reads as offices write it.
pub fn balanced_lines(fonts: &Fonts, size: f32, runs: &[Run], max: f32) -> Vec<Line> {
    let all = words(fonts, size, runs);
    let whole = Line { words: all.clone(), last: true };
    if whole.width() <= max || all.len() < 2 {
        return break_lines(fonts, size, runs, max, max);
    }
    let mut best: Option<(f32, usize)> = None;
    for cut in 1..all.len() {
        let a = Line { words: all[..cut].to_vec(), last: false };
        let b = Line { words: all[cut..].to_vec(), last: true };
        let widest = a.width().max(b.width());
        if widest <= max && best.is_none_or(|(w, _)| widest < w) {
            best = Some((widest, cut));
        }
    }
    match best {
        Some((_, cut)) => {
            vec![Line { words: all[..cut].to_vec(), last: false }, Line { words: all[cut..].to_vec(), last: true }]
        }
        None => break_lines(fonts, size, runs, max, max),
    }
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
}
