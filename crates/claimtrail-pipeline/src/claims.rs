//! Claims: attributions grouped by the proposition they are about.

use claimtrail_core::{Claim, Document};

use crate::{Result, Stage};

pub(crate) mod lexicon;
#[cfg(test)]
pub(crate) mod testutil;

/// Groups attributions into claims. (Placeholder: groups none yet.)
#[derive(Debug, Clone, Default)]
pub struct ClaimLinker;

impl Stage for ClaimLinker {
    const NAME: &'static str = "claims";
    type Output = Vec<Claim>;

    fn run(&self, _doc: &Document) -> Result<Vec<Claim>> {
        Ok(Vec::new())
    }
}
