"""The least page of Qantar's stack that passes bench/cold_start.py's "overview fully drawn" test.

A title, a three-row table, a three-point plotly chart and another table: no sidebar, no data
layer. Timing it with `--app bench/floor_app.py` shows what Streamlit, plotly and Chromium cost on
this machine before any of Qantar's own work:

    python bench/cold_start.py --app bench/floor_app.py
    python bench/load.py --app bench/floor_app.py
"""
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.title("Floor")
st.dataframe(pd.DataFrame({"a": [1, 2, 3]}))
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
st.dataframe(pd.DataFrame({"b": [1, 2, 3]}))
