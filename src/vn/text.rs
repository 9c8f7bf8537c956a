//! Normalisation (NFC on the way in) and folding for search (no case, no tone marks, đ as d).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::error::TextProblem;

/// The text in Unicode NFC, as every text is stored.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// A name or label as typed: NFC, trimmed, inner runs of whitespace reduced to one space.
pub fn normalise_name(s: &str) -> String {
    nfc(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A person's name with each word capitalised («Nguyễn Văn A»), offered when the name was typed
/// all in lower case («nguyễn văn a») or all in capitals («NGUYỄN THỊ ĐÀO»); `None` when it was
/// typed with mixed case (taken as meant) or is already so.
pub fn title_case_offer(name: &str) -> Option<String> {
    let name = normalise_name(name);
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let one_case = letters.iter().all(|c| c.is_lowercase()) || letters.iter().all(|c| c.is_uppercase());
    if letters.len() < 2 || !one_case {
        return None;
    }
    let titled = name
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let titled = nfc(&titled);
    (titled != name).then_some(titled)
}

/// The search key of a text: lower case, no diacritics, đ folded to d, single spaces.
/// "Nguyễn Thị Hường" and its decomposed spelling both fold to "nguyen thi huong".
pub fn fold(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most the first 40 characters of a value a user gave, to quote it in a message without
/// echoing a whole file back.
pub fn shown(s: &str) -> String {
    prefix(s, 40)
}

/// At most the first `max` characters of `s`, with «…» when cut.
pub fn prefix(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        format!("{}…", s.chars().take(max).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Bidirectional embeddings, overrides and isolates: they reorder what is shown, so a name could
/// print differently from what it is. Vietnamese never needs them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn common_checks(s: &str, max: usize, allowed: &[char]) -> Result<(), TextProblem> {
    let length = s.chars().count();
    if length > max {
        return Err(TextProblem::TooLong { length, max });
    }
    if s.chars().any(is_bidi_control) {
        return Err(TextProblem::Bidi);
    }
    if s.chars().any(|c| (c.is_control() && !allowed.contains(&c)) || c == '\u{FEFF}') {
        return Err(TextProblem::Control);
    }
    Ok(())
}

/// A one-line text that came in (a name, a position, a place, a setting), checked and
/// normalised: at most `max` characters, no control or direction characters, no leading formula
/// sign; NFC, trimmed, single-spaced. This is the one check every path applies.
pub fn checked_line(s: &str, max: usize) -> Result<String, TextProblem> {
    // Tabs and line breaks are spaces in one line; `normalise_name` folds them.
    common_checks(s, max, &['\t', '\n', '\r'])?;
    let line = normalise_name(s);
    match line.chars().next() {
        Some(c @ ('=' | '+' | '-' | '@')) => Err(TextProblem::Formula(c)),
        _ => Ok(line),
    }
}

/// A text of several lines that came in (an achievement summary, a note to the unit), checked
/// and normalised: at most `max` characters, no control or direction characters but tabs and
/// line breaks; NFC, trimmed, line breaks as `\n`.
pub fn checked_paragraphs(s: &str, max: usize) -> Result<String, TextProblem> {
    common_checks(s, max, &['\t', '\n', '\r'])?;
    Ok(nfc(s.replace("\r\n", "\n").replace('\r', "\n").trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_typed_in_one_case_is_offered_in_title_case() {
        assert_eq!(title_case_offer("nguyễn văn a").as_deref(), Some("Nguyễn Văn A"));
        assert_eq!(title_case_offer("NGUYỄN THỊ ĐÀO").as_deref(), Some("Nguyễn Thị Đào"));
        assert_eq!(title_case_offer("  đàm   văn đạt ").as_deref(), Some("Đàm Văn Đạt"));
        // Decomposed input comes back composed.
        assert_eq!(title_case_offer("nguye\u{302}\u{303}n thị hoa").as_deref(), Some("Nguyễn Thị Hoa"));
        assert_eq!(title_case_offer("Nguyễn Văn A"), None);
        assert_eq!(title_case_offer("Ma Văn Lành"), None);
        // Mixed case is taken as meant.
        assert_eq!(title_case_offer("Nguyễn văn a"), None);
    }

    #[test]
    fn decomposed_and_composed_spellings_are_one_name() {
        let nfd = "Nguye\u{302}\u{303}n";
        assert_ne!(nfd, "Nguyễn");
        assert_eq!(nfc(nfd), "Nguyễn");
    }

    #[test]
    fn folding_drops_case_tones_and_bar_of_d() {
        assert_eq!(fold("Đàm Văn Đạt"), "dam van dat");
        assert_eq!(fold("  Nguyễn   Thị HƯỜNG "), "nguyen thi huong");
        assert_eq!(fold("Trie\u{302}\u{300}u Thi\u{323} Ye\u{302}\u{301}n"), "trieu thi yen");
    }

    #[test]
    fn names_lose_repeated_spaces() {
        assert_eq!(normalise_name(" Xã  Quân\tHà "), "Xã Quân Hà");
    }
}
