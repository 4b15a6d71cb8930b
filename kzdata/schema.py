"""The columns of every table: name, dtype and meaning, in one place.

`frame` builds a table from records with these dtypes; `validate` checks one. The data page's
dictionary and the CLI's output both read from here.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


class SchemaError(ValueError):
    pass


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    description: str


def _cols(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


_PROVENANCE = (
    ("article_id", "string", "Article the row comes from (first 12 hex digits of the SHA-256 of its file)."),
    ("outlet", "string", "Outlet that published the article."),
    ("sentence_id", "Int64", "Sentence, numbered from 0 in the order of the text."),
    ("start", "Int64", "Character offset where the sentence starts in the article text."),
    ("end", "Int64", "Character offset just past the sentence's end."),
    ("quote", "string", "The sentence, verbatim."),
    ("sentence_kind", "string", "Where the sentence stands: title, standfirst, caption or body."),
    ("mark_start", "Int64", "Offset where the words that produced the row start."),
    ("mark_end", "Int64", "Offset just past those words."),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": _cols(
        ("article_id", "string", "Identifier: first 12 hex digits of the SHA-256 of the article's bytes."),
        ("story_id", "string", "The article_id of the first article of the same story: copies of one wire story share it."),
        ("outlet", "string", "Outlet that published it (sidecar or command line, else the dateline's agency)."),
        ("url", "string", "Address of the original, when known."),
        ("language", "string", "ISO 639-1 code of the text."),
        ("title", "string", "Headline as printed."),
        ("section", "string", "Section label printed with the publication time, if any."),
        ("published", "datetime64[ns, UTC]", "Publication time as stated (UTC); empty when not stated."),
        ("published_inferred", "boolean", "True when the publication date is not stated and reference_date is a lower bound inferred from the latest date in the text."),
        ("reference_date", "datetime64[ns]", "Date against which 'hari Kamis', 'pekan lalu' and the like were resolved."),
        ("author", "string", "Author or reporter as printed."),
        ("editor", "string", "Editor as printed."),
        ("dateline", "string", "Place in the dateline (canonical English name)."),
        ("credited_sources", "string", "Agencies and outlets the text credits ('; '-separated)."),
        ("source_file", "string", "File the article was read from."),
        ("notes", "string", "What the extractor noticed (repairs, missing dates, ...), '; '-separated."),
        ("text", "string", "The article text every offset refers to."),
    ),
    "sentences": _cols(
        ("article_id", "string", "Article the sentence belongs to."),
        ("sentence_id", "Int64", "Position of the sentence in the article, from 0."),
        ("start", "Int64", "Character offset of its first character."),
        ("end", "Int64", "Character offset just past its last character."),
        ("kind", "string", "title, standfirst, caption, body or boilerplate (never used for data)."),
        ("role", "string", "For boilerplate: related, section, byline, meta, markup, credit, signoff, teaser, menu."),
        ("paragraph", "Int64", "Line (paragraph) number of the sentence in the text."),
        ("text", "string", "The sentence, verbatim."),
    ),
    "figures": _cols(
        ("figure_id", "string", "Identifier: article_id, '-f', and a number."),
        ("category", "string", "killed, injured, arrested, detained, troops, evacuated, aircraft or other."),
        ("value", "Float64", "The number as stated; empty for vague words such as 'puluhan'."),
        ("low", "Float64", "Lowest count consistent with the words."),
        ("high", "Float64", "Highest count consistent with the words; empty when open-ended."),
        ("qualifier", "string", "exact, approx, at_least, at_most or vague."),
        ("number_text", "string", "The words of the number with its qualifier, verbatim."),
        ("subject", "string", "Who is counted: demonstrators, security forces, civilians, CSTO troops, people, ..."),
        ("place", "string", "Place named in the sentence (canonical English name)."),
        ("as_of", "datetime64[ns]", "Date the figure is reported for."),
        ("as_of_inferred", "boolean", "True when as_of is not in the sentence but taken from the paragraph or the article's date."),
        ("attribution", "string", "Who the sentence says gave the figure."),
        ("story_id", "string", "Story of the article (see articles.story_id): a claim repeated by copies of one story counts once."),
        *_PROVENANCE,
    ),
    "events": _cols(
        ("event_id", "string", "Identifier: article_id, '-e', and a number."),
        ("type", "string", "Event type from the fixed vocabulary (protest, clash, troop_arrival, ...)."),
        ("date", "datetime64[ns]", "First day the event may have happened."),
        ("date_end", "datetime64[ns]", "Last day the event may have happened."),
        ("date_precision", "string", "day, week, range, or before (only known to precede date_end)."),
        ("place", "string", "Canonical English place name; empty when the sentence names none."),
        ("lat", "Float64", "Latitude of the place."),
        ("lon", "Float64", "Longitude of the place."),
        ("geo_precision", "string", "point, city, region or country."),
        ("actors", "string", "Actors named in the sentence ('; '-separated, canonical English)."),
        ("summary_en", "string", "Short English summary built from type, place and actors."),
        ("summary_id", "string", "The same summary in Indonesian."),
        ("trigger", "string", "The words that marked the event type, verbatim."),
        *_PROVENANCE,
    ),
    "places": _cols(
        ("article_id", "string", "Article the mention is in."),
        ("sentence_id", "Int64", "Sentence the mention is in."),
        ("start", "Int64", "Character offset of the mention."),
        ("end", "Int64", "Character offset just past the mention."),
        ("mention", "string", "The words as printed."),
        ("name", "string", "Canonical English name."),
        ("kind", "string", "country, region, city, airport, building or square."),
        ("lat", "Float64", "Latitude."),
        ("lon", "Float64", "Longitude."),
        ("precision", "string", "point, city, region or country."),
    ),
}


def summary_column(lang: str) -> str:
    """The events column with the summary in the interface language `lang` (English for any but Indonesian)."""
    return "summary_id" if lang == "id" else "summary_en"


def columns(table: str) -> tuple[Column, ...]:
    return TABLES[table]


def frame(table: str, records: list[dict]) -> pd.DataFrame:
    """A table with exactly the schema's columns, in order, with the schema's dtypes."""
    spec = TABLES[table]
    df = pd.DataFrame.from_records(records, columns=[c.name for c in spec])
    return df.astype({c.name: c.dtype for c in spec})


def validate(table: str, df: pd.DataFrame) -> None:
    spec = TABLES[table]
    expected = [c.name for c in spec]
    if list(df.columns) != expected:
        missing = [c for c in expected if c not in df.columns]
        extra = [c for c in df.columns if c not in expected]
        raise SchemaError(f"table {table!r}: columns differ (missing {missing}, unexpected {extra})")
    for column in spec:
        actual = str(df[column.name].dtype)
        if actual != column.dtype:
            raise SchemaError(f"table {table!r}: column {column.name!r} has dtype {actual}, expected {column.dtype}")
