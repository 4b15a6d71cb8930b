"""Tables out: JSON (one object of tables), CSV (one file per table) and GeoJSON (located events)."""
from __future__ import annotations

import io
import json
import math

import pandas as pd

from .corpus import TABLE_NAMES, Corpus


def _plain(value):
    """A JSON-ready value: ISO 8601 for dates, null for missing, plain numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat() if value.tzinfo or value.time() != pd.Timestamp(0).time() else value.date().isoformat()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if hasattr(value, "item"):
        return _plain(value.item())
    return value


def records(df: pd.DataFrame) -> list[dict]:
    return [{column: _plain(value) for column, value in zip(df.columns, row)} for row in df.itertuples(index=False)]


def to_json_dict(corpus: Corpus, tables=TABLE_NAMES) -> dict:
    return {name: records(corpus.table(name)) for name in tables}


def to_json(corpus: Corpus, tables=TABLE_NAMES) -> str:
    return json.dumps(to_json_dict(corpus, tables), ensure_ascii=False, indent=1)


def to_csv(df: pd.DataFrame) -> str:
    buffer = io.StringIO()
    pd.DataFrame({c: [_csv_cell(v) for v in df[c]] for c in df.columns}, columns=df.columns).to_csv(buffer, index=False)
    return buffer.getvalue()


def _csv_cell(value):
    plain = _plain(value)
    return "" if plain is None else plain


def events_geojson(events: pd.DataFrame) -> dict:
    """Events with coordinates as GeoJSON points; their geo_precision says how far to trust the point."""
    located = events.dropna(subset=["lat", "lon"])
    features = [{"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                 "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")}}
                for row in records(located)]
    return {"type": "FeatureCollection", "features": features}
