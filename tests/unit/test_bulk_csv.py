"""The pure parts of the bulk load: CSV fields as the offline importer reads them, pairs within
groups, per-group sums added in the order Cypher's reduce adds them, what a worker sends of a
paper, and the files written by forked processes in the final stage."""

from __future__ import annotations

import numpy as np
import pytest

from kg.ingest.bulk_csv import (
    ARRAY_DELIMITER,
    MISSING_YEAR,
    CsvGraph,
    _Groups,
    _pairs_within,
    field,
    line,
    render,
)
from kg.ingest.records import (
    AuthorshipRecord,
    InstitutionRecord,
    PaperRecord,
    ResearcherRecord,
    TopicAssignment,
    TopicRecord,
)


def test_fields_quote_strings_leave_none_empty_and_join_lists() -> None:
    assert field(None) == ""
    assert field("") == '""'
    assert field('say "hi"\nthen') == '"say ""hi""\nthen"'
    assert field(True) == "true" and field(0) == "0" and field(0.1) == "0.1"
    assert field(["W1", 'x"y']) == f'"W1{ARRAY_DELIMITER}x""y"'
    assert line(["W1", None, 3]) == '"W1",,3\n'


def test_floats_are_written_so_that_they_read_back_to_the_same_bits() -> None:
    for value in (1 / 3, 1e-300, 2.0 ** 0.5, 123456.789e10):
        assert float(field(value)) == value


def test_pairs_within_groups_list_each_unordered_pair_once() -> None:
    groups = np.array([0, 0, 0, 1, 2, 2])
    members = np.array([5, 6, 7, 8, 9, 5])
    first, second, group = _pairs_within(groups, members)
    found = sorted(zip(first.tolist(), second.tolist(), group.tolist(), strict=True))
    assert found == [(5, 6, 0), (5, 7, 0), (6, 7, 0), (9, 5, 2)]


def test_group_sums_add_terms_one_by_one_in_the_given_order() -> None:
    keys = np.array([1, 2, 1, 1, 2])
    order = np.array([3, 1, 2, 9, 1])
    terms = 1.0 / np.array([10.0, 3.0, 7.0, 3.0, 11.0])
    groups = _Groups(keys, order)
    assert groups.keys.tolist() == [1, 2] and groups.count().tolist() == [3, 2]
    sums = groups.ordered_sum(terms)
    assert sums[0] == ((0.0 + terms[2]) + terms[0]) + terms[3]  # order 2, 3, 9
    assert sums[1] == (0.0 + terms[1]) + terms[4]


def test_group_years_skip_missing_ones_and_are_none_when_all_are_missing() -> None:
    groups = _Groups(np.array([1, 1, 2]), np.zeros(3, dtype=np.int64))
    low, high = groups.min_max(np.array([2001, MISSING_YEAR, MISSING_YEAR]))
    assert (low, high) == ([2001, None], [2001, None])


def test_researcher_figures_follow_the_read_model_rules_on_a_small_example() -> None:
    from kg.ingest import bulk_figures

    # papers 0-3: citations 5, 12, 0, 3; years 2001, none, 1999, 2005; paper 2 is novel
    papers = bulk_figures.PaperFigures(
        citations=np.array([5, 12, 0, 3]), topical=np.array([True, True, False, True]),
        leveled_topics=np.array([1, 1, 0, 1]), novel=np.array([False, False, True, False]),
        novelty_margin=[None, None, -0.5, None], novelty_class=[None, None, 30, None],
        topic_papers=np.array([3]))
    years = np.array([2001, MISSING_YEAR, 1999, 2005])
    authored = (np.array([0, 0, 1, 1, 2, 3]), np.array([0, 1, 0, 2, 0, 0]))  # paper, researcher
    has_topic = (np.array([0, 1, 3]), np.array([0, 0, 0]))
    figures = bulk_figures.researcher_figures(
        authored, 3, papers, years, MISSING_YEAR, has_topic, np.array([True]),
        np.array([False, True, False, False]), (np.array([0, 0]), np.array([1, 2])),
        np.array([2, 1]))
    assert figures.works.tolist() == [4, 1, 1]
    assert figures.citations.tolist() == [20, 5, 12]
    assert figures.h_index.tolist() == [3, 1, 1]  # 12, 5, 3, 0: three papers with >= 3
    assert figures.i10_index.tolist() == [1, 0, 1]
    assert figures.first_year == [1999, 2001, None] and figures.last_year == [2005, 2001, None]
    assert figures.novel_works.tolist() == [1, 0, 0] and figures.novelty.tolist() == [0.25, 0, 0]
    assert figures.topics.tolist() == [1, 1, 1]
    assert figures.close_collaborators.tolist() == [1, 1, 0]
    assert figures.ai_works.tolist() == [1, 0, 1] and figures.ai_score.tolist() == [25, 0, 100]


def test_a_file_written_beside_the_final_stage_is_whole_once_waited_for(tmp_path) -> None:
    target = tmp_path / "rows.csv"
    wait = CsvGraph._in_child("rows", lambda: target.write_text("a,b\n" * 1000))
    wait()
    assert target.read_text() == "a,b\n" * 1000


def test_what_a_process_beside_the_final_stage_returns_is_the_waits_answer_each_time(
    tmp_path
) -> None:
    def count() -> np.ndarray:
        (tmp_path / "rows.csv").write_text("a,b\n")
        return np.bincount(np.array([0, 2, 2]), minlength=4)

    wait = CsvGraph._in_child("rows", count)
    assert wait().tolist() == [1, 0, 2, 0]
    assert wait().tolist() == [1, 0, 2, 0]


def test_the_error_of_a_file_written_beside_the_final_stage_is_raised_by_the_wait() -> None:
    def full_disk() -> None:
        raise OSError(28, "No space left on device")

    wait = CsvGraph._in_child("rows", full_disk)
    with pytest.raises(OSError, match="No space left"):
        wait()
    with pytest.raises(OSError, match="No space left"):
        wait()


def test_a_rendered_paper_names_each_institution_and_topic_once_as_first_given() -> None:
    first = InstitutionRecord("I1", "First name", lineage=("I9",))
    again = InstitutionRecord("I1", "Later name", lineage=("I8", "I1"))
    field_ = TopicRecord("fields/17", "Computer Science", "field")
    paper = PaperRecord(
        id="W1", title="t",
        authorships=(
            AuthorshipRecord(ResearcherRecord("A1", "Ann"), "first", False, (first,)),
            AuthorshipRecord(ResearcherRecord("A2", "Bo"), "last", False, (again,)),
        ),
        topics=(
            TopicAssignment(TopicRecord("T1", "One", "topic", "fields/17"), 0.9, True,
                            (field_,)),
            TopicAssignment(TopicRecord("T2", "Two", "topic", "fields/17"), 0.5, False,
                            (TopicRecord("fields/17", "Other name", "field"),)),
        ),
    )
    rendered = render(paper)
    assert rendered.places == (("I1", "First name", None, None, None, ("I1", "I8", "I9")),)
    assert rendered.topics == (("T1", "One", "topic", "fields/17"),
                               ("fields/17", "Computer Science", "field", None),
                               ("T2", "Two", "topic", "fields/17"))
