"""What the two seed articles must yield, asserted exactly (the acceptance list of the kzdata issue)."""

import pandas as pd
import pytest

TAGAR, KOMPAS = "Tagar", "Kompas TV"


def day(text):
    return pd.Timestamp(text)


def one(df, **where):
    rows = df
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, f"expected one row where {where}, found {len(rows)}:\n{rows}"
    return rows.iloc[0]


@pytest.fixture(scope="module")
def figures(seed_corpus):
    return seed_corpus.figures


@pytest.fixture(scope="module")
def events(seed_corpus):
    return seed_corpus.events


def test_articles_metadata_from_text_and_sidecar(seed_corpus):
    articles = seed_corpus.articles.set_index("outlet")
    tagar, kompas = articles.loc[TAGAR], articles.loc[KOMPAS]
    assert tagar.title == "Tentara Rusia Terus Berdatangan ke Kazakhstan"
    assert pd.isna(tagar.published) and bool(tagar.published_inferred)
    assert tagar.reference_date == day("2022-01-08")
    assert tagar.dateline == "Jakarta"
    assert tagar.credited_sources.split("; ")[:2] == ["VOA Indonesia", "Associated Press"]
    assert kompas.title == "Pasukan Aliansi CSTO yang Dipimpin Rusia Bersiap Pulang dari Kazakhstan"
    assert kompas.published == pd.Timestamp("2022-01-13 16:46", tz="Asia/Jakarta")
    assert not kompas.published_inferred
    assert (kompas.section, kompas.dateline) == ("Kompas dunia", "Moscow")
    assert (kompas.author, kompas.editor) == ("Edwin Shri Bimo", "Desy-Afrianti")
    assert {"Kompas TV", "Associated Press"} <= set(kompas.credited_sources.split("; "))
    assert kompas.url.startswith("https://www.kompas.tv/internasional/251226/")


def test_26_demonstrators_killed_per_interior_ministry(figures):
    row = one(figures, category="killed", value=26.0)
    assert (row.qualifier, row.subject, row.attribution, row.outlet) == ("exact", "demonstrators", "Interior Ministry", TAGAR)
    assert row.as_of == day("2022-01-08") and not row.as_of_inferred


def test_more_than_4400_arrested(figures):
    row = one(figures, category="arrested", value=4400.0)
    assert (row.qualifier, row.low, row.attribution) == ("at_least", 4400.0, "Interior Ministry")
    assert pd.isna(row.high)
    assert row.as_of == day("2022-01-08")


def test_18_law_enforcement_officers_killed(figures):
    row = one(figures, category="killed", value=18.0)
    assert (row.qualifier, row.subject, row.number_text) == ("exact", "law enforcement officers", "Delapan belas")
    assert row.as_of == day("2022-01-08")


def test_about_2500_csto_troops(figures):
    row = one(figures, category="troops", value=2500.0)
    assert (row.qualifier, row.subject, row.outlet) == ("approx", "CSTO troops", KOMPAS)


def test_nearly_2000_more_detained_in_almaty(figures):
    row = one(figures, category="detained", value=2000.0)
    assert (row.qualifier, row.high, row.place, row.attribution) == ("at_most", 2000.0, "Almaty", "authorities")
    assert row.as_of == day("2022-01-13") and not row.as_of_inferred


def test_dozens_killed_in_clashes_is_vague(figures):
    row = one(figures, category="killed", qualifier="vague")
    assert pd.isna(row.value) and (row.low, row.high) == (20.0, 99.0)
    assert (row.number_text, row.subject, row.outlet) == ("puluhan", "people", KOMPAS)


def test_boilerplate_yields_nothing(seed_corpus):
    used = set(zip(seed_corpus.events.article_id, seed_corpus.events.sentence_id))
    used |= set(zip(seed_corpus.figures.article_id, seed_corpus.figures.sentence_id))
    kinds = seed_corpus.sentences.set_index(["article_id", "sentence_id"]).kind
    assert all(kinds[key] != "boilerplate" for key in used)
    assert not (seed_corpus.figures.value == 100).any() and not (seed_corpus.figures.value == 14).any()


@pytest.mark.parametrize("event_type, date, place", [
    ("protest", "2022-01-02", "western Kazakhstan"),
    ("state_of_emergency", "2022-01-05", "Kazakhstan"),
    ("csto_request", "2022-01-05", "Kazakhstan"),
    ("shoot_order", "2022-01-07", None),
    ("troop_arrival", "2022-01-08", "Almaty International Airport"),
    ("mission_complete", "2022-01-11", None),
    ("troop_withdrawal", "2022-01-13", "Almaty"),
    ("airport_reopened", "2022-01-13", "Almaty International Airport"),
])
def test_dated_events(events, event_type, date, place):
    rows = events[(events.type == event_type) & (events.date == day(date)) & (events.date_precision == "day")]
    if place is not None:
        rows = rows[rows.place == place]
    assert len(rows) >= 1, f"no {event_type} on {date} at {place}"


def test_russian_troops_arrive_at_almaty_airport(events):
    row = one(events, type="troop_arrival", place="Almaty International Airport", date=day("2022-01-08"))
    assert "Russian troops" in row.actors and row.geo_precision == "point"


def test_withdrawal_ceremony_comes_from_a_caption(events):
    row = one(events, type="troop_withdrawal", place="Almaty", date=day("2022-01-13"))
    assert row.sentence_kind == "caption" and "Andrei Serdyukov" in row.actors


def test_protest_in_western_kazakhstan_is_region_level(events):
    row = one(events, type="protest", place="western Kazakhstan")
    assert row.geo_precision == "region"


def test_every_row_points_at_its_quote(seed_corpus):
    texts = seed_corpus.articles.set_index("article_id").text
    for table in (seed_corpus.events, seed_corpus.figures):
        for row in table.itertuples():
            text = texts[row.article_id]
            assert text[row.start:row.end] == row.quote
            assert row.start <= row.mark_start < row.mark_end <= row.end


def test_places_point_at_their_mentions(seed_corpus):
    texts = seed_corpus.articles.set_index("article_id").text
    for row in seed_corpus.places.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.mention
    assert {"Almaty", "Almaty International Airport", "western Kazakhstan", "Moscow"} <= set(seed_corpus.places.name)


def test_tables_validate(seed_corpus):
    seed_corpus.validate()
    assert seed_corpus.problems == ()
