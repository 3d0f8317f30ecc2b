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


def test_the_search_indexes_of_the_schema_files_are_eventually_consistent_the_waiting_ids_not(
) -> None:
    fulltext = {s.split()[3]: schema.index_config(s)  # CREATE FULLTEXT INDEX name ...
                for s in schema.statements() if s.upper().startswith("CREATE FULLTEXT")}
    search = {"paper_text", "researcher_name", "topic_name", "institution_name"}
    assert set(fulltext) == search | {"paper_pending_refs"}
    assert all(fulltext[name]["fulltext.eventually_consistent"] for name in search)
    assert not fulltext["paper_pending_refs"]["fulltext.eventually_consistent"]
