// The claim board UI (the UI helper writes it).
