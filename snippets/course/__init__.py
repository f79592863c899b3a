"""The course around the library: what the pages show and run (listings, tables, figures), the experiments they
report, and the results computed once per build and shared (`cache`, `results`)."""
