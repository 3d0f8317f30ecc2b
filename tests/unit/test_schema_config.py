from kg.db import schema


def test_a_statement_without_options_declares_the_default_full_text_config() -> None:
    statement = "CREATE FULLTEXT INDEX t IF NOT EXISTS FOR (n:Topic) ON EACH [n.name]"
    assert schema.index_config(statement) == {"fulltext.eventually_consistent": False}


def test_the_full_text_config_of_a_statement_is_read_from_its_options() -> None:
    statement = ("CREATE FULLTEXT INDEX t IF NOT EXISTS FOR (n:Topic) ON EACH [n.name] OPTIONS "
                 "{indexConfig: {`fulltext.eventually_consistent`: true, "
                 "`fulltext.analyzer`: 'english'}}")
    assert schema.index_config(statement) == {"fulltext.eventually_consistent": True,
                                              "fulltext.analyzer": "english"}


def test_search_indexes_are_eventually_consistent_and_the_waiting_ids_one_is_not() -> None:
    fulltext = {s.split()[3]: schema.index_config(s) for s in schema.statements()
                if s.upper().startswith("CREATE FULLTEXT")}
    assert set(fulltext) == {"paper_text", "researcher_name", "topic_name", "institution_name",
                             "paper_pending_refs"}
    waiting = fulltext.pop("paper_pending_refs")
    assert waiting == {"fulltext.eventually_consistent": False, "fulltext.analyzer": "keyword"}
    assert all(config["fulltext.eventually_consistent"] for config in fulltext.values())
