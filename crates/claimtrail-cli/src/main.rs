use std::process::ExitCode;

fn main() -> ExitCode {
    match claimtrail_cli::run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`claimtrail analyze ... | head`) is not an error.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimtrail: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
