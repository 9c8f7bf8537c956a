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
}
