"""Filters narrow every table: dates by overlap, outlets everywhere, event types on events only."""
import datetime as dt

import pandas as pd
import pytest

from kzdata.corpus import Corpus
from kzdata.events import EVENT_TYPES
from kzdata.filters import Bounds, Filters, apply, bounds_of
from kzdata.schema import frame, validate

JAN = {day: dt.date(2022, 1, day) for day in range(1, 32)}


def day(n):
    return pd.Timestamp(2022, 1, n)


def event(event_id, article_id, outlet, first, last=None, event_type="protest"):
    first = day(first) if first else None
    last = day(last) if last else first
    return {"event_id": event_id, "article_id": article_id, "outlet": outlet, "type": event_type,
            "date": first, "date_end": last}


def figure(figure_id, article_id, outlet, as_of, category="killed"):
    return {"figure_id": figure_id, "article_id": article_id, "outlet": outlet, "category": category,
            "as_of": day(as_of) if as_of else None}


def small_corpus():
    """Three outlets, four articles; article d has neither events nor figures."""
    articles = frame("articles", [
        {"article_id": "a", "outlet": "Alpha", "reference_date": day(6)},
        {"article_id": "b", "outlet": "Beta", "reference_date": day(10)},
        {"article_id": "c", "outlet": "Gamma", "reference_date": day(13)},
        {"article_id": "d", "outlet": "Gamma", "reference_date": day(20)},
    ])
    events = frame("events", [
        event("a-e0", "a", "Alpha", 5),
        event("a-e1", "a", "Alpha", 3, 9, "troop_deployment"),
        event("b-e0", "b", "Beta", 7, event_type="clash"),
        event("b-e1", "b", "Beta", None, event_type="clash"),
        event("c-e0", "c", "Gamma", 13, event_type="troop_withdrawal"),
    ])
    figures = frame("figures", [
        figure("a-f0", "a", "Alpha", 6),
        figure("b-f0", "b", "Beta", 11, "arrested"),
        figure("c-f0", "c", "Gamma", None),
    ])
    sentences = frame("sentences", [{"article_id": a, "sentence_id": i} for a in "abcd" for i in range(2)])
    places = frame("places", [{"article_id": a, "sentence_id": 0, "name": "Almaty"} for a in "abcd"])
    return Corpus(articles=articles, sentences=sentences, events=events, figures=figures, places=places)


@pytest.fixture(scope="module")
def corpus():
    return small_corpus()


def ids(df, column):
    return sorted(df[column])


def test_no_filter_keeps_every_row(corpus):
    view = apply(corpus, Filters())
    for name in ("articles", "events", "figures", "places", "sentences"):
        assert len(getattr(view, name)) == len(corpus.table(name))


def test_bounds_span_events_and_figures_and_list_outlets_and_types_in_vocabulary_order(corpus):
    bounds = bounds_of(corpus)
    assert (bounds.first, bounds.last) == (JAN[3], JAN[13])
    assert bounds.outlets == ("Alpha", "Beta", "Gamma")
    assert bounds.types == ("protest", "clash", "troop_deployment", "troop_withdrawal")
    assert list(bounds.types) == [t for t in EVENT_TYPES if t in bounds.types]


def test_bounds_of_an_empty_corpus():
    empty = Corpus(*(frame(name, []) for name in ("articles", "sentences", "events", "figures", "places")))
    assert bounds_of(empty) == Bounds(None, None, (), ())


@pytest.mark.parametrize("start, end, expected", [
    (JAN[4], JAN[4], ["a-e1"]),                 # inside the 3-9 January range only
    (JAN[9], JAN[12], ["a-e1"]),                 # the range's last day counts
    (JAN[10], JAN[12], []),
    (JAN[1], JAN[3], ["a-e1"]),                 # the range's first day counts
    (JAN[5], JAN[5], ["a-e0", "a-e1"]),
    (JAN[13], None, ["c-e0"]),
    (None, JAN[5], ["a-e0", "a-e1"]),
])
def test_events_overlapping_the_date_range_are_kept(corpus, start, end, expected):
    assert ids(apply(corpus, Filters(start=start, end=end)).events, "event_id") == expected


def test_undated_events_and_figures_only_without_a_date_filter(corpus):
    assert "b-e1" in set(apply(corpus, Filters(outlets=("Beta",))).events.event_id)
    assert "c-f0" in set(apply(corpus, Filters()).figures.figure_id)
    dated = apply(corpus, Filters(start=JAN[1], end=JAN[31]))
    assert "b-e1" not in set(dated.events.event_id)
    assert "c-f0" not in set(dated.figures.figure_id)


def test_figures_by_as_of_within_the_range(corpus):
    assert ids(apply(corpus, Filters(start=JAN[6], end=JAN[10])).figures, "figure_id") == ["a-f0"]
    assert ids(apply(corpus, Filters(start=JAN[11])).figures, "figure_id") == ["b-f0"]


def test_outlet_filter_narrows_events_figures_articles_and_their_rows(corpus):
    view = apply(corpus, Filters(outlets=("Alpha", "Gamma")))
    assert set(view.events.outlet) == {"Alpha", "Gamma"}
    assert set(view.figures.outlet) == {"Alpha", "Gamma"}
    assert ids(view.articles, "article_id") == ["a", "c", "d"]
    assert set(view.sentences.article_id) == set(view.places.article_id) == {"a", "c", "d"}


def test_type_filter_narrows_events_only(corpus):
    view = apply(corpus, Filters(types=("clash",)))
    assert ids(view.events, "event_id") == ["b-e0", "b-e1"]
    assert len(view.figures) == len(corpus.figures)
    assert len(view.articles) == len(corpus.articles)


def test_articles_in_view_are_cited_in_view_or_dated_in_range(corpus):
    # 9-10 January: a by its 3-9 range event, b by its reference date (10th); c and d by nothing.
    assert ids(apply(corpus, Filters(start=JAN[9], end=JAN[10])).articles, "article_id") == ["a", "b"]
    # 20 January: d by its reference date alone.
    view = apply(corpus, Filters(start=JAN[20], end=JAN[20]))
    assert ids(view.articles, "article_id") == ["d"]
    assert set(view.sentences.article_id) == {"d"}


def test_empty_result_keeps_columns_and_dtypes(corpus):
    view = apply(corpus, Filters(start=JAN[25], end=JAN[26], outlets=("Alpha",)))
    for name in ("articles", "events", "figures", "places", "sentences"):
        table = getattr(view, name)
        assert table.empty
        validate(name, table)


def test_results_are_rows_of_the_original_frames(corpus):
    view = apply(corpus, Filters(start=JAN[5], outlets=("Alpha", "Beta"), types=("protest", "clash")))
    for name in ("articles", "events", "figures", "places", "sentences"):
        table = getattr(view, name)
        validate(name, table)
        pd.testing.assert_frame_equal(table, corpus.table(name).loc[table.index])


def test_a_datetime_bound_means_its_whole_day(corpus):
    at_noon = Filters(start=dt.datetime(2022, 1, 13, 12), end=dt.datetime(2022, 1, 13, 12))
    assert at_noon == Filters(start=JAN[13], end=JAN[13])
    assert ids(apply(corpus, at_noon).events, "event_id") == ["c-e0"]


def test_lists_become_tuples_so_filters_stay_hashable():
    assert hash(Filters(outlets=["Alpha"], types=["clash"])) == hash(Filters(outlets=("Alpha",), types=("clash",)))


def test_seed_corpus_by_outlet_and_week(seed_corpus):
    bounds = bounds_of(seed_corpus)
    assert bounds.outlets == ("Kompas TV", "Tagar")
    view = apply(seed_corpus, Filters(start=JAN[10], end=JAN[12], outlets=("Kompas TV",)))
    assert set(view.events.outlet) == {"Kompas TV"}
    assert not view.events.empty
    in_range = (view.events.date <= day(12)) & (view.events.date_end >= day(10))
    assert in_range.all()
    assert set(view.sentences.article_id) == set(view.articles.article_id) == set(view.events.article_id)


def test_seed_corpus_type_filter(seed_corpus):
    view = apply(seed_corpus, Filters(types=("troop_arrival",)))
    assert set(view.events.type) == {"troop_arrival"}
    assert len(view.events) == (seed_corpus.events.type == "troop_arrival").sum()


def python_strings(df):
    return df.astype({c: pd.StringDtype("python") for c, t in df.dtypes.items() if isinstance(t, pd.StringDtype)})


def test_same_rows_whatever_the_string_storage(corpus):
    names = ("articles", "sentences", "events", "figures", "places")
    as_python = Corpus(*(python_strings(corpus.table(name)) for name in names))
    filters = Filters(start=JAN[9], end=JAN[10], outlets=("Alpha", "Beta", "Gamma"))
    expected, actual = apply(corpus, filters), apply(as_python, filters)
    for name in names:
        assert list(getattr(actual, name).index) == list(getattr(expected, name).index)


def test_adding_a_column_to_a_view_leaves_the_corpus_alone():
    corpus = small_corpus()
    view = apply(corpus, Filters())
    view.events["extra"] = 1
    assert "extra" not in corpus.events.columns
