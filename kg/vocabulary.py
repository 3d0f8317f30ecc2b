"""The project's closed word lists, stated once: the API's enums, the neomodel choices, the
services' checks and the ingest all read them from here."""

NODE_TYPES = ("PAPER", "RESEARCHER", "TOPIC", "INSTITUTION", "SOURCE")
SEARCHABLE_TYPES = ("RESEARCHER", "TOPIC", "INSTITUTION", "PAPER")  # also the tie-break order
TOPIC_LEVELS = ("domain", "field", "subfield", "topic", "keyword", "category")
OPENALEX_TOPIC_ANCESTRY = ("subfield", "field", "domain")  # a topic's parents, nearest first
CLAIM_STATUSES = ("pending", "approved", "rejected")
EVIDENCE_KINDS = ("orcid", "institutional_email")
