//! Campaigns: the list, the one worked on, a new one from its definition file or like the one
//! worked on, the built-in example, the overview, the settings and the units.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result, UnitError};
use crate::exchange::{example_definition, parse_definition, EXAMPLE_CODE};
use crate::model::{Campaign, CampaignDefinition, CampaignSettings, NextCampaign, Unit, UnitId, UnitKind};
use crate::store::{Overview, Store};

/// One campaign of the list, whether it is the one worked on, and how many dossiers it holds.
#[derive(Debug, Clone)]
pub struct CampaignSummary {
    pub campaign: Campaign,
    pub current: bool,
    pub nominations: usize,
}

/// The campaigns in the database, oldest first.
pub fn list(store: &Store) -> Result<Vec<CampaignSummary>> {
    let current = current(store)?.map(|c| c.id);
    let mut out = Vec::new();
    for c in store.campaigns()? {
        let nominations = store.nominations(c.id)?.len();
        out.push(CampaignSummary { current: Some(c.id) == current, nominations, campaign: c });
    }
    Ok(out)
}

/// The campaign worked on; none before the first campaign.
pub fn current(store: &Store) -> Result<Option<Campaign>> {
    match store.campaign(None) {
        Ok(c) => Ok(Some(c)),
        Err(Error::NoCampaign) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Makes the campaign `code` the one worked on.
pub fn use_campaign(store: &mut Store, code: &str) -> Result<Campaign> {
    let c = store.campaign(Some(code))?;
    store.set_current_campaign(c.id)?;
    Ok(c)
}

/// A new campaign from its definition file; it becomes the one worked on.
pub fn import_definition(store: &mut Store, file: &Path) -> Result<CampaignDefinition> {
    let text = std::fs::read_to_string(file).map_err(|source| Error::Io { path: file.to_path_buf(), source })?;
    let def = parse_definition(&text)?;
    let id = store.create_campaign(&def)?;
    store.set_current_campaign(id)?;
    Ok(def)
}

/// The built-in Bạch Thông Q4-2023 example: `true` when it was added now, `false` when it was
/// already there.
pub fn load_example(store: &mut Store) -> Result<bool> {
    if store.campaigns()?.iter().any(|c| c.code == EXAMPLE_CODE) {
        return Ok(false);
    }
    store.create_campaign(&example_definition()?)?;
    Ok(true)
}

/// The code of the built-in example.
pub fn example_code() -> &'static str {
    EXAMPLE_CODE
}

/// The next campaign, like `from` (or the one worked on); it becomes the one worked on. Returns
/// the new campaign and the one it was made like.
pub fn start_next(store: &mut Store, from: Option<&str>, next: &NextCampaign) -> Result<(Campaign, Campaign)> {
    let like = store.campaign(from)?;
    store.start_campaign_like(like.id, next)?;
    Ok((store.campaign(None)?, like))
}

/// The campaign worked on at a glance; none before the first campaign.
pub fn overview(store: &Store) -> Result<Option<(Campaign, Overview)>> {
    match current(store)? {
        Some(c) => {
            let o = store.overview(c.id)?;
            Ok(Some((c, o)))
        }
        None => Ok(None),
    }
}

/// Replaces the campaign's settings (issuing body, signer, money, annex order…).
pub fn save_settings(store: &mut Store, code: Option<&str>, settings: &CampaignSettings) -> Result<()> {
    let c = store.campaign(code)?;
    store.update_settings(c.id, settings)
}

/// Records the number and signing day of the plan that launched the campaign (what «Căn cứ Kế
/// hoạch số …» cites); `None` leaves that part as it is, an empty number blanks it again.
/// Returns the plan's citation as the papers now print it.
pub fn set_plan(
    store: &mut Store,
    code: Option<&str>,
    number: Option<&str>,
    date: Option<NaiveDate>,
) -> Result<String> {
    let c = store.campaign(code)?;
    let mut settings = c.settings.clone();
    if let Some(n) = number {
        settings.plan.number = crate::model::Plan::checked_number(n)?;
    }
    if let Some(d) = date {
        settings.plan.date = Some(d);
        settings.plan.month = None;
    }
    store.update_settings(c.id, &settings)?;
    let c = store.campaign(Some(&c.code))?;
    Ok(crate::documents::plan_reference(&c))
}

/// The campaign's units, in the campaign's order.
pub fn units(store: &Store, code: Option<&str>) -> Result<(Campaign, Vec<Unit>)> {
    let c = store.campaign(code)?;
    let units = store.units(c.id)?;
    Ok((c, units))
}

/// Adds a unit at the end of the campaign's list.
pub fn add_unit(store: &mut Store, code: Option<&str>, name: &str, kind: UnitKind) -> Result<UnitId> {
    let c = store.campaign(code)?;
    store.add_unit(c.id, name, kind)
}

/// Sets how documents name a unit inside sentences (`None` or blank: the default of its kind);
/// returns the unit as it now is.
pub fn set_unit_forms(
    store: &mut Store,
    code: Option<&str>,
    id: UnitId,
    addressee: Option<&str>,
    in_sentence: Option<&str>,
) -> Result<Unit> {
    find_unit(store, code, id)?;
    store.set_unit_forms(id, addressee, in_sentence)?;
    find_unit(store, code, id)
}

/// One unit of the campaign.
pub fn unit(store: &Store, code: Option<&str>, id: UnitId) -> Result<Unit> {
    find_unit(store, code, id)
}

fn find_unit(store: &Store, code: Option<&str>, id: UnitId) -> Result<Unit> {
    let (_, units) = units(store, code)?;
    units.into_iter().find(|u| u.id == id).ok_or(Error::Unit(UnitError::Unknown(id)))
}

/// Renames a unit or corrects its kind (fields left `None` stay); the new kind's quota then
/// applies to its dossiers. Returns the unit as it now is.
pub fn edit_unit(
    store: &mut Store,
    code: Option<&str>,
    id: UnitId,
    name: Option<&str>,
    kind: Option<UnitKind>,
) -> Result<Unit> {
    let u = find_unit(store, code, id)?;
    store.update_unit(u.id, name.unwrap_or(&u.name), kind.unwrap_or(u.kind))?;
    find_unit(store, code, id)
}

/// Takes a unit without dossiers off the campaign's list; returns it.
pub fn remove_unit(store: &mut Store, code: Option<&str>, id: UnitId) -> Result<Unit> {
    let u = find_unit(store, code, id)?;
    store.remove_unit(u.id)?;
    Ok(u)
}
