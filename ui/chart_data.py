"""Charts and maps that keep their data within reach: under each, "Data behind this chart" opens its table.

A chart says nothing to a screen reader and rounds what it shows; the table beside it gives the same
rows as text (headers in the interface language, built by the chart's own module in kzdata/).
"""
import pandas as pd
import streamlit as st

from .screen import on_phone
from .words import t


def data_below(table: pd.DataFrame, lang: str, kind: str = "chart", **dataframe_args) -> None:
    """The expander with `table`, under a chart (`kind` "chart") or a map ("map"), and the table's
    ``attrs["note"]`` if it has one (a dense chart's table: one row per mark)."""
    with st.expander(t(f"{kind}_data", lang), icon=":material/table_view:"):
        if table.attrs.get("note"):
            st.caption(table.attrs["note"])
        st.dataframe(table, hide_index=True, width="stretch", **dataframe_args)


def chart_with_data(fig, table: pd.DataFrame, lang: str, **chart_args):
    """Draw plotly figure `fig` (full width) and its table under it; returns the chart's selection state.

    Phones get no plotly toolbar: a touch screen shows it all the time, over the legend of a narrow
    chart, and pinching and tapping do without it."""
    config = {"displayModeBar": False} if on_phone() else {}
    state = st.plotly_chart(fig, width="stretch", config=config, **chart_args)
    data_below(table, lang)
    return state


def tip_table(rows: pd.DataFrame, headers: dict[str, str]) -> pd.DataFrame:
    """A map's tooltip texts as a table: the columns named in `headers`, under those headers."""
    return rows[list(headers)].rename(columns=headers).reset_index(drop=True)
