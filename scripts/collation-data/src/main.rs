//! Exports the collation data of the Vietnamese locale (and the root it falls back to) from ICU4X's
//! compiled data into baked Rust code for the `vi-collation` crate.
extern crate alloc;

use icu_provider::export::{DataExporter, ExportMarker, ExporterCloseMetadata, FlushMetadata};
use icu_provider::prelude::*;
use icu_provider_export::baked_exporter::{BakedExporter, Options};
use icu_provider_export::prelude::*;
use std::path::PathBuf;

/// Every locale's compiled collation data, listable so that it can be exported.
struct Compiled;

#[allow(unused_imports)]
const _: () = {
    use icu_collator_data::*;
    pub mod icu {
        pub use icu_collator as collator;
        pub use icu_collections as collections;
    }
    make_provider!(Compiled);
    impl_collation_root_v1!(Compiled);
    impl_collation_tailoring_v1!(Compiled, ITER);
    impl_collation_diacritics_v1!(Compiled, ITER);
    impl_collation_jamo_v1!(Compiled);
    impl_collation_metadata_v1!(Compiled, ITER);
    impl_collation_special_primaries_v1!(Compiled);
    impl_collation_reordering_v1!(Compiled, ITER);
};

use icu_collator::provider::*;

// The singletons' generated listing does not compile in this version; each has one identifier.
macro_rules! singleton {
    ($($marker:ty),*) => {$(
        impl IterableDataProvider<$marker> for Compiled {
            fn iter_ids(&self) -> Result<std::collections::BTreeSet<DataIdentifierCow<'static>>, DataError> {
                Ok([DataIdentifierCow::default()].into_iter().collect())
            }
        }
    )*};
}
singleton!(CollationRootV1, CollationJamoV1, CollationSpecialPrimariesV1);
icu_provider::export::make_exportable_provider!(
    Compiled,
    [
        CollationRootV1,
        CollationTailoringV1,
        CollationDiacriticsV1,
        CollationJamoV1,
        CollationMetadataV1,
        CollationSpecialPrimariesV1,
        CollationReorderingV1,
    ]
);

/// Passes on the Vietnamese payloads only: the exporter also brings the Chinese scripts' defaults
/// (und-Hans, und-Hant), which a Vietnamese ordering never falls back to.
struct OnlyVietnamese(BakedExporter);

impl DataExporter for OnlyVietnamese {
    fn put_payload(
        &self,
        marker: DataMarkerInfo,
        id: DataIdentifierBorrowed,
        payload: &DataPayload<ExportMarker>,
    ) -> Result<(), DataError> {
        if id.locale.language.as_str() == "vi" {
            self.0.put_payload(marker, id, payload)?;
        }
        Ok(())
    }
    fn flush_singleton(
        &self,
        marker: DataMarkerInfo,
        payload: &DataPayload<ExportMarker>,
        metadata: FlushMetadata,
    ) -> Result<(), DataError> {
        self.0.flush_singleton(marker, payload, metadata)
    }
    fn flush(&self, marker: DataMarkerInfo, metadata: FlushMetadata) -> Result<(), DataError> {
        self.0.flush(marker, metadata)
    }
    fn close(&mut self) -> Result<ExporterCloseMetadata, DataError> {
        self.0.close()
    }
}

fn main() -> Result<(), DataError> {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../crates/vi-collation/data");
    let mut options = Options::default();
    options.use_separate_crates = true;
    options.overwrite = true;
    options.pretty = true;
    let exporter = BakedExporter::new(out, options)?;
    ExportDriver::new(
        [DataLocaleFamily::single(icu_locale_core::langid!("vi").into())],
        DeduplicationStrategy::None.into(),
        LocaleFallbacker::new().static_to_owned(),
    )
    // The default ordering only: no pinyin, stroke, emoji or search variants of the root.
    .with_marker_attributes_filter("collator", |attributes| attributes.is_empty())
    .with_markers([
        CollationRootV1::INFO,
        CollationTailoringV1::INFO,
        CollationDiacriticsV1::INFO,
        CollationJamoV1::INFO,
        CollationMetadataV1::INFO,
        CollationSpecialPrimariesV1::INFO,
        CollationReorderingV1::INFO,
    ])
    .export(&Compiled, OnlyVietnamese(exporter))?;
    Ok(())
}
