//! The domain types: campaigns, units and nominations, named after DOMAIN.md's glossary.

pub mod campaign;
pub mod council;
pub mod definition;
pub mod documents;
pub mod nomination;
pub mod transfer;
pub mod unit;

pub use campaign::{
    Award, Campaign, CampaignDefinition, CampaignSettings, Criteria, Criterion, Indicator, Issuer, NextCampaign,
    Period, Plan, RequiredPart, RequiredParts, UnitDefinition,
};
pub use council::{
    CouncilMember, CouncilRole, CouncilRules, Meeting, MeetingId, MemberId, Share, SheetEntry, SheetSource,
    ShortlistEntry, VoteCount,
};
pub use documents::{
    bases_on, implementing_decrees, AnnexOrder, BonusRate, CertificateSettings, CouncilSettings, DecisionRecord,
    DecisionSettings, DecreeChange, DecreeRow, MoneySettings, Offset, ProposalSettings, Rounding, SalaryRow, Signer,
};
pub use nomination::{
    DossierPart, Gender, NewNomination, Nomination, NomineeKind, PartState, Parts, Reason, Refusal, RefusalSource,
    Status,
};
pub use transfer::{CampaignImport, Tables};
pub use unit::{Unit, UnitForms, UnitKind};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A campaign's row id.
    CampaignId
);
id_type!(
    /// A unit's row id.
    UnitId
);
id_type!(
    /// A nomination's row id; the number the secretary quotes ("hồ sơ số 7").
    NominationId
);
