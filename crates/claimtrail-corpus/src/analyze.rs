//! One article from text to record, the step every ingest path (the CLI's batch ingest, the
//! server's `POST /api/v1/articles`) runs: analysis, then [`crate::build_record`], with a panic
//! in the pipeline costing this article only.

use claimtrail_core::Meta;
use claimtrail_pipeline::Pipeline;

use crate::{build_record, ArticleRecord};

/// Why an article has no record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnalyzeError {
    /// The pipeline refused the input (empty, too large): the input's fault.
    Rejected(String),
    /// The pipeline panicked: claimtrail's fault; the message is the panic's.
    Panicked(String),
}

impl std::fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnalyzeError::Rejected(m) => f.write_str(m),
            AnalyzeError::Panicked(m) => write!(f, "internal error (please report): {m}"),
        }
    }
}

impl std::error::Error for AnalyzeError {}

/// Analyzes one article into its record; a panic is caught and returned as an error.
pub fn analyze_record(pipeline: &Pipeline, meta: Meta, text: &str) -> Result<ArticleRecord, AnalyzeError> {
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.analyze(meta, text)));
    match run {
        Ok(Ok(doc)) => Ok(build_record(&doc)),
        Ok(Err(e)) => Err(AnalyzeError::Rejected(e.to_string())),
        Err(panic) => Err(AnalyzeError::Panicked(panic_message(panic.as_ref()))),
    }
}

/// The message of a caught panic (`panic!("...")` payloads), else empty.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_rejections_and_panics() {
        let p = Pipeline::new();
        let meta = |id: &str| Meta { id: id.into(), ..Meta::default() };
        let ok = analyze_record(&p, meta("a"), "Putin said on Monday that the talks went well.").unwrap();
        assert_eq!(ok.analysis.document.id, "a");
        assert!(matches!(analyze_record(&p, meta("b"), "  \n "), Err(AnalyzeError::Rejected(_))));
        for (payload, want) in [
            (Box::new("static") as Box<dyn std::any::Any + Send>, "static"),
            (Box::new(String::from("owned")), "owned"),
            (Box::new(7_u8), ""),
        ] {
            assert_eq!(panic_message(payload.as_ref()), want);
        }
        assert_eq!(AnalyzeError::Panicked("x".into()).to_string(), "internal error (please report): x");
    }
}
