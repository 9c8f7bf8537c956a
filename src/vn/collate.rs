//! Vietnamese alphabetical order (a ă â b c d đ e ê …), by ICU4X's collator with the `vi` data.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

/// The collator with the Vietnamese data alone (crate `vi-collation`), not every locale's.
fn collator() -> Option<CollatorBorrowed<'static>> {
    static COLLATOR: OnceLock<Option<Collator>> = OnceLock::new();
    COLLATOR
        .get_or_init(|| {
            Collator::try_new_unstable(&vi_collation::Vietnamese, locale!("vi").into(), CollatorOptions::default()).ok()
        })
        .as_ref()
        .map(Collator::as_borrowed)
}

/// Compares two texts in Vietnamese order, syllable by syllable: within a syllable letters decide
/// first and tones only break ties (none, huyền, hỏi, ngã, sắc, nặng); the first syllable that
/// differs decides. So «Ma Văn Lành» comes before «Mã Thị Lành»: «Ma» before «Mã» settles it,
/// whatever the syllables after.
pub fn compare_text(a: &str, b: &str) -> Ordering {
    let mut left = a.split_whitespace();
    let mut right = b.split_whitespace();
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match compare_syllable(x, y) {
                Ordering::Equal => continue,
                other => return other,
            },
        }
    }
}

/// One syllable against another by ICU's Vietnamese collation (letters, then tones, then case).
fn compare_syllable(a: &str, b: &str) -> Ordering {
    match collator() {
        Some(c) => c.compare(a, b),
        // The data ships inside the binary, so this branch is a last resort only.
        None => a.cmp(b),
    }
}

/// Compares two people's full names as Vietnamese lists order them: by given name (the last
/// word) first, then by the rest of the name from the family name on.
pub fn compare_people(a: &str, b: &str) -> Ordering {
    let (a_given, a_rest) = split_given(a);
    let (b_given, b_rest) = split_given(b);
    compare_text(a_given, b_given).then_with(|| compare_text(a_rest, b_rest)).then_with(|| a.cmp(b))
}

fn split_given(name: &str) -> (&str, &str) {
    let name = name.trim();
    match name.rfind(char::is_whitespace) {
        Some(i) => (name[i..].trim_start(), name[..i].trim_end()),
        None => (name, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vietnamese_data_alone_builds_the_collator() {
        assert!(collator().is_some(), "crates/vi-collation must hold the root and the vi tailoring");
    }

    #[test]
    fn d_bar_sorts_after_d_and_breve_after_a() {
        let mut v = vec!["Đào", "Dung", "Ân", "Ăn", "An", "Bình"];
        v.sort_by(|a, b| compare_text(a, b));
        assert_eq!(v, ["An", "Ăn", "Ân", "Bình", "Dung", "Đào"]);
    }

    #[test]
    fn tones_only_break_ties_after_letters() {
        // "Hà" < "Hải" because letters decide before tones: "ha" < "hai".
        assert_eq!(compare_text("Hà", "Hải"), Ordering::Less);
        assert_eq!(compare_text("Ha", "Hà"), Ordering::Less);
    }

    #[test]
    fn tones_break_ties_syllable_by_syllable() {
        // The family names differ only by a tone, so they decide before the middle names' letters.
        assert_eq!(compare_people("Ma Văn Lành", "Mã Thị Lành"), Ordering::Less);
        assert_eq!(compare_people("Mã Thị Lành", "Ma Văn Lành"), Ordering::Greater);
        assert_eq!(compare_text("Ma Văn", "Mã Thị"), Ordering::Less);
        let mut v = vec!["Ân Thị Hoa", "Ăn Văn Hoa", "An Văn Hoa", "Đào Thị Hoa", "Dao Văn Hoa"];
        v.sort_by(|a, b| compare_people(a, b));
        assert_eq!(v, ["An Văn Hoa", "Ăn Văn Hoa", "Ân Thị Hoa", "Dao Văn Hoa", "Đào Thị Hoa"]);
        // The six tones in their order: none, huyền, hỏi, ngã, sắc, nặng.
        let mut tones = vec!["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"];
        tones.sort_by(|a, b| compare_text(a, b));
        assert_eq!(tones, ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]);
        // A shorter name that is the start of a longer one comes first.
        assert_eq!(compare_text("Hà", "Hà Giang"), Ordering::Less);
    }

    #[test]
    fn people_sort_by_given_name_then_family_name() {
        let mut v =
            vec!["Nguyễn Thị Hường", "Lê Thu Trang", "Đàm Văn Đạt", "Triệu Thị Yến", "Ma Văn Lành", "Bế Văn Đạt"];
        v.sort_by(|a, b| compare_people(a, b));
        assert_eq!(
            v,
            ["Bế Văn Đạt", "Đàm Văn Đạt", "Nguyễn Thị Hường", "Ma Văn Lành", "Lê Thu Trang", "Triệu Thị Yến"]
        );
    }
}
