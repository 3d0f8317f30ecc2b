"""Benchmarks: each module is one command, run from the checkout as
`.venv/bin/python -m bench.NAME`; they print ratios against a baseline run in the same process."""
