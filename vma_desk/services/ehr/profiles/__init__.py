"""The CSV mapping profiles VMA Desk ships (`generic.toml`), read with `importlib.resources` by
`services.ehr.csv_io.load_profile("generic")`. A practice's own profile is a TOML file of the same
shape anywhere on the disk."""
