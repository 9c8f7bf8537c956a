//! Starting the next campaign from one already in the database: the same issuing body, awards,
//! quotas, rubric and units, with the new plan's code, name, period and deadline. Most councils
//! run the same campaign quarter after quarter, so this is how a secretary sets one up.

use super::Store;
use crate::error::{Error, Result, SettingsError};
use crate::model::{CampaignDefinition, CampaignId, NextCampaign, UnitDefinition};
use crate::vn::vietnam_offset;

impl Store {
    /// A recorded campaign as a definition file holds it: its settings, its rubric as it stands
    /// now, and its units in the campaign's order.
    pub fn campaign_definition(&self, id: CampaignId) -> Result<CampaignDefinition> {
        let c = self.campaign_by_id(id)?;
        let units = self.units(id)?.into_iter().map(|u| UnitDefinition { name: u.name, kind: u.kind }).collect();
        Ok(CampaignDefinition {
            format: "thidua-campaign".into(),
            version: 1,
            code: c.code,
            name: c.name,
            period: c.period,
            deadline: c.deadline.with_timezone(&vietnam_offset()),
            settings: c.settings,
            criteria: c.criteria,
            units,
        })
    }

    /// Records a new campaign like `from` with what `next` changes, and makes it the campaign
    /// worked on. The plan's own month is dropped when its day is given.
    pub fn start_campaign_like(&mut self, from: CampaignId, next: &NextCampaign) -> Result<CampaignId> {
        let mut def = self.campaign_definition(from)?;
        if next.deadline.date_naive() < next.period.start {
            return Err(SettingsError::DeadlineBeforeStart {
                deadline: crate::vn::short_date(next.deadline.date_naive()),
                start: crate::vn::short_date(next.period.start),
            }
            .into());
        }
        def.code = next.code.clone();
        def.name = next.name.clone();
        def.period = next.period;
        def.deadline = next.deadline;
        def.settings.plan.number = match next.plan_number.as_deref() {
            Some(n) => crate::model::Plan::checked_number(n)?,
            None => None,
        };
        def.settings.plan.date = next.plan_date;
        if next.plan_date.is_some() {
            def.settings.plan.month = None;
        }
        // Typed in a form, not read from a file: the same checks, said as about the form's fields.
        let id = self.create_campaign(&def).map_err(|e| match e {
            Error::Definition(why) => SettingsError::NextCampaign(why).into(),
            other => other,
        })?;
        self.set_current_campaign(id)?;
        Ok(id)
    }
}
