//! The intake rules (R4–R6) as pure functions over the model: they take data and the clock's
//! reading as arguments and return decisions; they never touch the database.

pub mod bonus;
pub mod completeness;
pub mod deadline;
pub mod intake;
pub mod quota;
pub mod workflow;

pub use completeness::check_parts;
pub use deadline::is_late;
pub use intake::{intrinsic_refusals, unit_intake, Appraised, IntakeFacts, UnitDossier};
pub use quota::{assign_places, Place, QuotaEntry};
