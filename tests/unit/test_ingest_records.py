"""Ids checked per node type and researchers' name keys, without a database."""

from __future__ import annotations

import random
import re
import string
import unicodedata

import pytest

from kg.ingest.records import RecordError, checked_id, name_key, openalex_id


@pytest.mark.parametrize(("kind", "value"), [
    ("Paper", "hf:2502.01234"), ("Paper", "W2741809807"), ("Paper", "arxiv:2310.02226"),
    ("Paper", "arxiv:math/0601001"), ("Researcher", "A5023888391"),
    ("Researcher", "openreview:~Ada_Lovelace1"), ("Researcher", "name:ada lovelace"),
    ("Institution", "I47508984"), ("Institution", "inst:imperial college"),
    ("Topic", "T10965"), ("Topic", "subfields/1904"), ("Topic", "keyword:basins"),
    ("Topic", "arxiv:cs.LG"), ("Source", "S4210168764"), ("Source", "venue:neurips"),
])
def test_an_id_in_its_own_types_shape_or_a_free_form_passes(kind: str, value: str) -> None:
    assert checked_id(kind, value, "'id'") == value


@pytest.mark.parametrize(("kind", "value", "owner"), [
    ("Researcher", "W2741809807", "Paper"), ("Paper", "A5023888391", "Researcher"),
    ("Paper", "name:ada", "Researcher"), ("Topic", "I47508984", "Institution"),
    ("Source", "T10965", "Topic"), ("Researcher", "arxiv:2310.02226", "Paper"),
    ("Paper", "arxiv:cs.LG", "Topic"), ("Institution", "S4210168764", "Source"),
])
def test_an_id_in_the_shape_another_type_owns_is_rejected(
    kind: str, value: str, owner: str
) -> None:
    with pytest.raises(RecordError, match=f"has the form of {owner} ids"):
        checked_id(kind, value, "'id'")


@pytest.mark.parametrize("value", ["", "   ", "x" * 257, "a\nb", "a\x00b"])
def test_a_blank_overlong_or_control_character_id_is_rejected(value: str) -> None:
    with pytest.raises(RecordError):
        checked_id("Paper", value, "'id'")


def test_a_rejected_id_is_shown_shortened() -> None:
    with pytest.raises(RecordError) as caught:
        checked_id("Paper", "9" * 100_000, "'id'")
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize(("kind", "good", "bad"), [
    ("Paper", "W2741809807", "A5023888391"), ("Researcher", "A5023888391", "W2741809807"),
    ("Institution", "I47508984", "inst:x"), ("Source", "S4210168764", "venue:x"),
    ("Topic", "fields/19", "keyword:x"), ("Paper", "W1", "W" + "1" * 100_000),
])
def test_an_openalex_record_uses_openalex_ids_of_the_right_type(
    kind: str, good: str, bad: str
) -> None:
    assert openalex_id(kind, good, "'id'") == good
    with pytest.raises(RecordError, match=f"is not an OpenAlex {kind.lower()} id"):
        openalex_id(kind, bad, "'id'")


def test_an_ascii_name_is_keyed_as_the_unicode_folding_keys_it() -> None:
    def folded(name: str) -> str:  # the Unicode path, for any name
        decomposed = unicodedata.normalize("NFKD", name)
        kept = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        return " ".join(re.sub(r"[\W_]+", " ", kept).split())

    chance = random.Random(5)
    names = ["".join(chance.choices(string.printable, k=chance.randint(0, 30)))
             for _ in range(5000)]
    assert all(name.isascii() and name_key(name) == folded(name) for name in names)
    assert name_key("José M. Pérez-Soba") == folded("José M. Pérez-Soba") == "jose m perez soba"
