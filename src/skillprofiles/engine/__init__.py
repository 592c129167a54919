"""The engine: discovery, checking files (serially or in parallel) and the Pipeline every command uses."""
