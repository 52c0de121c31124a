//! Evaluation on polnear gold data. (Placeholder.)

use std::path::Path;

use claimtrail_pipeline::Pipeline;

use crate::{Report, Result};

/// Scores `pipeline` on the gold data at `path`.
pub fn evaluate(_pipeline: &Pipeline, path: &Path) -> Result<Report> {
    Ok(Report { title: format!("polnear {}", path.display()), ..Report::default() })
}
