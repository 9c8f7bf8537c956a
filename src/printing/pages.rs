//! Page ranges as the secretary types them ("3", "5-7", "2,9"), checked against the document.

use crate::error::{Error, Result};

/// Pages to print, 1-based and inclusive, in the order typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRanges(Vec<(u32, u32)>);

impl PageRanges {
    /// Parses "3", "5-7", "2,9" or "1-2, 5" (spaces allowed, en dash accepted as a hyphen).
    pub fn parse(text: &str) -> Result<PageRanges> {
        let bad = |why: String| Error::PageRange { range: text.to_string(), why };
        if text.trim().is_empty() {
            return Err(bad("chưa ghi trang nào; ghi ví dụ «3», «5-7» hoặc «2,9»".into()));
        }
        let mut ranges = Vec::new();
        for part in text.split(',') {
            let part = part.trim();
            let number = |s: &str| -> Result<u32> {
                let s = s.trim();
                match s.parse::<u32>() {
                    Ok(n) if n >= 1 => Ok(n),
                    Ok(_) => Err(bad("số trang bắt đầu từ 1".into())),
                    Err(_) if s.is_empty() => Err(bad(format!("phần «{part}» thiếu số trang"))),
                    Err(_) => Err(bad(format!("«{s}» không phải số trang"))),
                }
            };
            let (first, last) = match part.split_once(['-', '–']) {
                Some((a, b)) => (number(a)?, number(b)?),
                None => {
                    let n = number(part)?;
                    (n, n)
                }
            };
            if first > last {
                return Err(bad(format!("trong «{part}», trang đầu lớn hơn trang cuối")));
            }
            ranges.push((first, last));
        }
        Ok(PageRanges(ranges))
    }

    /// Fails when a page lies beyond the document's last page.
    pub fn check(&self, pages: u32) -> Result<()> {
        match self.0.iter().map(|r| r.1).max() {
            Some(last) if last > pages => Err(Error::PageRange {
                range: self.to_string(),
                why: format!("văn bản chỉ có {pages} trang, không có trang {last}"),
            }),
            _ => Ok(()),
        }
    }

    /// How many pages the ranges select (a page named twice counts twice, as CUPS prints it).
    pub fn count(&self) -> u32 {
        self.0.iter().map(|(a, b)| b - a + 1).sum()
    }

    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.0
    }
}

impl std::fmt::Display for PageRanges {
    /// The form the print system takes: "2,5-7".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> =
            self.0.iter().map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}-{b}") }).collect();
        write!(f, "{}", parts.join(","))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn single_pages_ranges_and_lists_parse_to_the_print_systems_form() {
        assert_eq!(PageRanges::parse("3").unwrap().to_string(), "3");
        assert_eq!(PageRanges::parse(" 5 - 7 ").unwrap().to_string(), "5-7");
        assert_eq!(PageRanges::parse("2,9").unwrap().to_string(), "2,9");
        assert_eq!(PageRanges::parse("1–2, 5").unwrap().ranges(), &[(1, 2), (5, 5)]);
        assert_eq!(PageRanges::parse("2,5-7").unwrap().count(), 4);
    }

    #[test]
    fn bad_ranges_say_what_is_wrong_in_vietnamese() {
        let msg = |t: &str| PageRanges::parse(t).unwrap_err().to_string();
        assert!(msg("").contains("chưa ghi trang nào"), "{}", msg(""));
        assert!(msg("0").contains("bắt đầu từ 1"));
        assert!(msg("7-5").contains("trang đầu lớn hơn trang cuối"));
        assert!(msg("a").contains("«a» không phải số trang"));
        assert!(msg("2,").contains("thiếu số trang"));
        let e = PageRanges::parse("5-9").unwrap().check(6).unwrap_err();
        assert_eq!(e.code(), "bad_page_range");
        assert!(e.to_string().contains("chỉ có 6 trang"), "{e}");
        assert!(PageRanges::parse("6").unwrap().check(6).is_ok());
    }
}
