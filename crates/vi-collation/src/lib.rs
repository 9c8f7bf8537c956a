//! The data ICU4X's collator needs to order Vietnamese text, and nothing for other languages: the
//! root ordering with the Vietnamese tailoring (letters ă â đ ê ô ơ ư after their base letters,
//! tones as secondary differences). ICU4X's own compiled data carries the tailorings of about a
//! hundred locales (0.9 MB); this is one. `data/` is generated: `cargo run --manifest-path
//! scripts/collation-data/Cargo.toml` writes it again from the ICU4X release in use.
#![allow(clippy::all, missing_docs, unused_imports)]

use icu_collator::provider::*;
use icu_normalizer::provider::{NormalizerNfdDataV1, NormalizerNfdTablesV1};
use icu_provider::prelude::*;

/// Data provider for `icu_collator::Collator::try_new_unstable` with the locale `vi`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Vietnamese;

include!("../data/mod.rs");
impl_data_provider!(Vietnamese);

// The canonical decompositions the collator normalises with: ICU4X's compiled normaliser data,
// which the rest of the program links already.
impl DataProvider<NormalizerNfdDataV1> for Vietnamese {
    fn load(&self, req: DataRequest) -> Result<DataResponse<NormalizerNfdDataV1>, DataError> {
        icu_normalizer::provider::Baked.load(req)
    }
}

impl DataProvider<NormalizerNfdTablesV1> for Vietnamese {
    fn load(&self, req: DataRequest) -> Result<DataResponse<NormalizerNfdTablesV1>, DataError> {
        icu_normalizer::provider::Baked.load(req)
    }
}
