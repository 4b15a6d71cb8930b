"""Data: the filtered tables, their downloads (CSV, JSON, GeoJSON) and a dictionary of every column."""
import json

import pandas as pd
import streamlit as st

from kzdata import export, formatting, schema
from ui import frame
from ui.words import t

SHOWN_ROWS = 5_000  # on screen; a grid of 100,000 rows costs half a second a run, and the downloads hold every row
ctx = frame.context()
lang = ctx.lang
st.title(t("data", lang))
frame.show_notices(ctx)

for name, tab in zip(("events", "figures", "articles", "places"), st.tabs([t(n, lang) for n in ("events", "figures", "articles", "places")])):
    table = getattr(ctx.view, name)
    with tab:
        if table.empty:
            st.info(t("empty_view", lang))
        shown = table.drop(columns=["text"]) if name == "articles" else table
        days = {c: st.column_config.DateColumn(c, format="YYYY-MM-DD") for c in shown.columns
                if str(shown[c].dtype) == "datetime64[ns]"}
        if len(shown) > SHOWN_ROWS:
            st.caption(t("rows_shown", lang, shown=formatting.number(SHOWN_ROWS, lang), total=formatting.number(len(shown), lang)))
        st.dataframe(shown.head(SHOWN_ROWS), hide_index=True, width="stretch", height=360, column_config=days)
        columns = st.columns(3)
        columns[0].download_button(f"{t('download', lang)} CSV", lambda table=table: export.to_csv(table),
                                   file_name=f"qantar-{name}.csv", mime="text/csv", key=f"csv_{name}")
        columns[1].download_button(f"{t('download', lang)} JSON",
                                   lambda table=table: json.dumps(export.records(table), ensure_ascii=False, indent=1),
                                   file_name=f"qantar-{name}.json", mime="application/json", key=f"json_{name}")
        if name == "events":
            columns[2].download_button(f"{t('download', lang)} GeoJSON",
                                       lambda table=table: json.dumps(export.events_geojson(table), ensure_ascii=False),
                                       file_name="qantar-events.geojson", mime="application/geo+json", key="geojson",
                                       help=t("geojson_note", lang))
        with st.expander(t("dictionary", lang)):
            st.dataframe(pd.DataFrame([{"column": c.name, "type": c.dtype, "meaning": c.description}
                                       for c in schema.columns(name)]), hide_index=True, width="stretch")
