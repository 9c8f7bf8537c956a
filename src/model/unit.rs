//! Units: who nominates (a district office, a mass organisation, a commune or town).

use serde::{Deserialize, Serialize};

use super::UnitId;

/// The kind of a unit; each kind has its own quota in a campaign (R4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum UnitKind {
    /// Phòng, ban, ngành: a specialised office of the awarding body.
    Office,
    /// Đoàn thể: a mass organisation.
    MassOrganisation,
    /// Xã, thị trấn: a commune or town People's Committee.
    Commune,
}

impl UnitKind {
    pub const ALL: [UnitKind; 3] = [UnitKind::Office, UnitKind::MassOrganisation, UnitKind::Commune];

    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Office => "office",
            UnitKind::MassOrganisation => "mass_organisation",
            UnitKind::Commune => "commune",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The label the secretary reads.
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Office => "Cơ quan chuyên môn",
            UnitKind::MassOrganisation => "Đoàn thể",
            UnitKind::Commune => "Xã, thị trấn",
        }
    }
}

/// A unit taking part in a campaign, in the campaign's own order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    pub kind: UnitKind,
    /// Position in the campaign's list of units (grouped annexes follow it).
    pub position: i64,
    /// How documents name it inside sentences (its kind's defaults unless set).
    pub forms: UnitForms,
    /// Whether the forms were set by the secretary rather than taken from the defaults.
    pub forms_set: bool,
}

/// The forms of a unit's name that documents put inside sentences (Decree 30/2020 Appendix II:
/// the common noun of an administrative unit is lower case before its proper name, «xã Cẩm
/// Giàng»; an agency's name keeps its capital, «Phòng Nội vụ»).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitForms {
    /// Who a letter to the unit is addressed to: «Ủy ban nhân dân xã Cẩm Giàng».
    pub addressee: String,
    /// The unit named inside a sentence: «do xã Cẩm Giàng gửi», «Công chức …, xã Vi Hương».
    pub in_sentence: String,
}

/// Administrative units' common nouns, as a unit's list name may begin with them.
const ADMINISTRATIVE_NOUNS: [&str; 7] = ["Thị trấn", "Thị xã", "Thành phố", "Xã", "Phường", "Huyện", "Tỉnh"];

impl UnitForms {
    /// The forms a unit of `kind` named `name` takes when the secretary has set none: a commune
    /// or town is addressed through its People's Committee, and its common noun is lower case
    /// inside a sentence; other units keep their name as listed.
    pub fn defaults(name: &str, kind: UnitKind) -> UnitForms {
        let name = name.trim();
        let in_sentence = match administrative_noun(name) {
            Some(noun) => format!("{}{}", noun.to_lowercase(), &name[noun.len()..]),
            None => name.to_string(),
        };
        let committee = "Ủy ban nhân dân";
        let addressee = if kind == UnitKind::Commune && !crate::vn::fold(name).starts_with(&crate::vn::fold(committee))
        {
            format!("{committee} {in_sentence}")
        } else {
            name.to_string()
        };
        UnitForms { addressee, in_sentence }
    }

    /// The forms set by the secretary, each one left unset taking its default.
    pub fn of(name: &str, kind: UnitKind, addressee: Option<String>, in_sentence: Option<String>) -> UnitForms {
        let d = UnitForms::defaults(name, kind);
        UnitForms {
            addressee: addressee.filter(|a| !a.trim().is_empty()).unwrap_or(d.addressee),
            in_sentence: in_sentence.filter(|a| !a.trim().is_empty()).unwrap_or(d.in_sentence),
        }
    }

    /// A person's position followed by their unit, as a sentence or a certificate says it: the
    /// unit is not said twice when the position already names it («Phó Bí thư Huyện đoàn»),
    /// and joins a position that ends with its common noun («Chủ tịch UBND xã» and «Xã Cẩm
    /// Giàng» make «Chủ tịch UBND xã Cẩm Giàng»; «Trưởng phòng» and «Phòng Nội vụ» make
    /// «Trưởng phòng Nội vụ»); otherwise a comma parts them.
    pub fn after_position(&self, position: &str) -> String {
        use crate::vn::fold;
        let position = position.trim();
        if position.is_empty() {
            return self.in_sentence.clone();
        }
        let p = fold(position);
        if p.ends_with(&fold(&self.in_sentence)) {
            return position.to_string();
        }
        let words: Vec<&str> = self.in_sentence.split_whitespace().collect();
        for n in (1..words.len()).rev() {
            let noun = fold(&words[..n].join(" "));
            if p == noun || p.ends_with(&format!(" {noun}")) {
                return format!("{position} {}", words[n..].join(" "));
            }
        }
        format!("{position}, {}", self.in_sentence)
    }
}

/// The administrative noun `name` begins with, as written there, when a proper name follows it
/// («Xã Cẩm Giàng»; not «Huyện đoàn», the district's Youth Union).
fn administrative_noun(name: &str) -> Option<&str> {
    ADMINISTRATIVE_NOUNS.iter().find_map(|noun| {
        let head = name.get(..noun.len())?;
        let mut rest = name[noun.len()..].chars();
        let proper = rest.next() == Some(' ') && rest.next().is_some_and(char::is_uppercase);
        (crate::vn::fold(head) == crate::vn::fold(noun) && proper).then_some(head)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commune_is_addressed_through_its_committee_and_lower_case_inside_a_sentence() {
        let f = UnitForms::defaults("Xã Cẩm Giàng", UnitKind::Commune);
        assert_eq!(f.addressee, "Ủy ban nhân dân xã Cẩm Giàng");
        assert_eq!(f.in_sentence, "xã Cẩm Giàng");
        let f = UnitForms::defaults("Thị trấn Phủ Thông", UnitKind::Commune);
        assert_eq!(f.addressee, "Ủy ban nhân dân thị trấn Phủ Thông");
        assert_eq!(f.in_sentence, "thị trấn Phủ Thông");
        let f = UnitForms::defaults("Ủy ban nhân dân xã Quân Hà", UnitKind::Commune);
        assert_eq!(f.addressee, "Ủy ban nhân dân xã Quân Hà");
        let f = UnitForms::defaults("Phòng Nội vụ", UnitKind::Office);
        assert_eq!((f.addressee.as_str(), f.in_sentence.as_str()), ("Phòng Nội vụ", "Phòng Nội vụ"));
        let f = UnitForms::of("Huyện đoàn", UnitKind::MassOrganisation, Some("Ban Thường vụ Huyện đoàn".into()), None);
        assert_eq!((f.addressee.as_str(), f.in_sentence.as_str()), ("Ban Thường vụ Huyện đoàn", "Huyện đoàn"));
    }

    #[test]
    fn a_position_that_names_its_unit_does_not_repeat_it() {
        let commune = UnitForms::defaults("Xã Cẩm Giàng", UnitKind::Commune);
        assert_eq!(commune.after_position("Chủ tịch UBND xã"), "Chủ tịch UBND xã Cẩm Giàng");
        assert_eq!(commune.after_position("Chủ tịch UBND xã Cẩm Giàng"), "Chủ tịch UBND xã Cẩm Giàng");
        assert_eq!(commune.after_position("Công chức Tư pháp - Hộ tịch"), "Công chức Tư pháp - Hộ tịch, xã Cẩm Giàng");
        let union = UnitForms::defaults("Huyện đoàn", UnitKind::MassOrganisation);
        assert_eq!(union.after_position("Phó Bí thư Huyện đoàn"), "Phó Bí thư Huyện đoàn");
        let office = UnitForms::defaults("Phòng Nội vụ", UnitKind::Office);
        assert_eq!(office.after_position("Trưởng phòng"), "Trưởng phòng Nội vụ");
        assert_eq!(office.after_position("Chuyên viên"), "Chuyên viên, Phòng Nội vụ");
        assert_eq!(office.after_position(""), "Phòng Nội vụ");
    }
}
