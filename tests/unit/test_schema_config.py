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


def test_every_full_text_index_of_the_schema_files_is_eventually_consistent() -> None:
    fulltext = [s for s in schema.statements() if s.upper().startswith("CREATE FULLTEXT")]
    assert len(fulltext) == 4
    assert all(schema.index_config(s)["fulltext.eventually_consistent"] for s in fulltext)
