"""Streamlit glue shared by the overview and every page: cached data, sidebar filters, words."""
