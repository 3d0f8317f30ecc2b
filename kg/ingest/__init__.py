"""Ingest: one module per source format, each turning raw lines into `records.PaperRecord`s;
`writer.py` lands them in batched UNWIND write transactions; `run.py` drives a file through
reading, parsing, rejects and writing."""
