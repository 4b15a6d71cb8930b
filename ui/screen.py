"""What the server can know of the reader's screen: only what the browser says of itself."""
import streamlit as st


def on_phone() -> bool:
    """Whether the browser says it is a phone: "Mobi" in its User-Agent, the test MDN advises.

    A map's first view (centre and zoom) is fixed on the server, which never sees the window's width;
    phones get the farther-out presets of kzdata/data/map_views.toml so that the whole view fits."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")
