from api.graphql.sdl import sdl, sdl_path


def test_committed_sdl_matches_the_code() -> None:
    assert sdl_path().read_text(encoding="utf-8") == sdl(), (
        "schema/schema.graphql is stale: run `python -m api.graphql.sdl` and commit it")
