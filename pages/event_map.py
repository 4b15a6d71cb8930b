"""Placeholder: this page is being built."""
import streamlit as st

from ui import frame

ctx = frame.context()
st.title("Coming soon")
frame.show_notices(ctx)
