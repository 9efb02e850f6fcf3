//! What every criterion may look at: the plan, the catalog, and the decision date.

use jiff::civil::Date;
use tradeoff_lang::Plan;

use super::facts::Staleness;
use crate::catalog::model::Catalog;

pub(crate) struct Context<'a> {
    pub plan: &'a Plan,
    pub catalog: &'a Catalog,
    pub staleness: Staleness,
    /// The date ages and staleness are measured from; `None` when neither the settings nor the
    /// plan give one (ages are then unknown, never measured against a clock).
    pub reference: Option<Date>,
}
