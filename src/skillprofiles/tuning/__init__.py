"""Tuning a run: configuration, configuration files, suppression comments and baselines."""
