"""paperdeck benchmarks: `python -m benchmarks.run` (or `make bench`). Not part of `make test`."""
