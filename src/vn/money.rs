//! Amounts of money: "1.080.000 đồng" and "Một triệu không trăm tám mươi nghìn đồng".

/// Digits grouped by dots: 1080000 → "1.080.000".
pub fn format_dong(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    if amount < 0 {
        format!("-{out}")
    } else {
        out
    }
}

const DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const SCALES: [&str; 4] = ["", "nghìn", "triệu", "tỷ"];

/// Reads a group of three digits. `full` asks for "không trăm" / "linh" where a higher group
/// precedes it ("một nghìn không trăm linh năm").
fn read_group(n: u64, full: bool) -> Vec<&'static str> {
    let (h, t, u) = ((n / 100) as usize, ((n / 10) % 10) as usize, (n % 10) as usize);
    let mut w = Vec::new();
    if h > 0 || full {
        w.push(DIGITS[h]);
        w.push("trăm");
    }
    match t {
        0 => {
            if u > 0 && (h > 0 || full) {
                w.push("linh");
            }
        }
        1 => w.push("mười"),
        _ => {
            w.push(DIGITS[t]);
            w.push("mươi");
        }
    }
    match u {
        0 => {}
        1 if t >= 2 => w.push("mốt"),
        4 if t >= 2 => w.push("tư"),
        5 if t >= 1 => w.push("lăm"),
        _ => w.push(DIGITS[u]),
    }
    w
}

/// The amount in words, first word capitalised, ending in "đồng".
/// Follows the usual administrative spelling: "nghìn" (not "ngàn"), "mốt"/"tư" after a tens digit
/// of two or more, "lăm" after mười/mươi, "linh" for a zero tens digit, "không trăm" inside a number.
pub fn amount_in_words(amount: i64) -> String {
    let mut n = amount.unsigned_abs();
    let words = if n == 0 {
        vec!["không".to_string()]
    } else {
        // Groups of three digits, least significant first; "tỷ" repeats for each further nine digits.
        let mut groups = Vec::new();
        while n > 0 {
            groups.push(n % 1000);
            n /= 1000;
        }
        let top = groups.len() - 1;
        let mut words: Vec<String> = Vec::new();
        for i in (0..groups.len()).rev() {
            let g = groups[i];
            if g == 0 {
                // A whole billion group of zeros still needs its "tỷ" when lower groups follow.
                if i > 0 && i % 3 == 0 && i != top && groups[..i].iter().any(|&x| x > 0) {
                    words.push("tỷ".into());
                }
                continue;
            }
            words.extend(read_group(g, i != top).into_iter().map(String::from));
            let scale = if i == 0 {
                ""
            } else if i % 3 == 0 {
                "tỷ"
            } else {
                SCALES[i % 3]
            };
            if !scale.is_empty() {
                words.push(scale.into());
            }
        }
        words
    };
    let mut text = words.join(" ");
    if amount < 0 {
        text = format!("âm {text}");
    }
    text.push_str(" đồng");
    capitalise_first(&text)
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_take_dots() {
        assert_eq!(format_dong(1_080_000), "1.080.000");
        assert_eq!(format_dong(540_000), "540.000");
        assert_eq!(format_dong(999), "999");
        assert_eq!(format_dong(0), "0");
        assert_eq!(format_dong(1_000), "1.000");
    }

    #[test]
    fn worked_figures_in_words() {
        assert_eq!(amount_in_words(540_000), "Năm trăm bốn mươi nghìn đồng");
        assert_eq!(amount_in_words(1_080_000), "Một triệu không trăm tám mươi nghìn đồng");
        assert_eq!(amount_in_words(710_000), "Bảy trăm mười nghìn đồng");
        assert_eq!(amount_in_words(1_410_000), "Một triệu bốn trăm mười nghìn đồng");
    }

    #[test]
    fn special_unit_words() {
        assert_eq!(amount_in_words(21), "Hai mươi mốt đồng");
        assert_eq!(amount_in_words(11), "Mười một đồng");
        assert_eq!(amount_in_words(24), "Hai mươi tư đồng");
        assert_eq!(amount_in_words(15), "Mười lăm đồng");
        assert_eq!(amount_in_words(25), "Hai mươi lăm đồng");
        assert_eq!(amount_in_words(105), "Một trăm linh năm đồng");
        assert_eq!(amount_in_words(1_025), "Một nghìn không trăm hai mươi lăm đồng");
        assert_eq!(amount_in_words(1_005), "Một nghìn không trăm linh năm đồng");
        assert_eq!(amount_in_words(1_000_000), "Một triệu đồng");
        assert_eq!(amount_in_words(2_005_500_000), "Hai tỷ không trăm linh năm triệu năm trăm nghìn đồng");
        assert_eq!(amount_in_words(0), "Không đồng");
    }
}
