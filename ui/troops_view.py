"""The CSTO troops page's parts: day control with Play, the arcs map, phases, figures, commander.

Everything shown is computed by kzdata.troops; these functions only lay it out. The day lives in
the URL (``day=YYYY-MM-DD``); Play steps through the days and is off until clicked.
"""
import datetime as dt

import pandas as pd
import streamlit as st

from kzdata import formatting, maps, troops, urlstate

from .chart_data import data_below
from .day_player import DayPlayer, linked_day
from .memo import per_view
from .safe import plain
from .screen import on_phone
from .words import t, type_label

TOPIC = "ui_troops"
PAGE = "troops"  # the prefix of the day's keys (see ui.day_player)
DAY_KEY, URL_DAY_KEY = f"{PAGE}_day", f"{PAGE}_url_day"


def w(ctx, key: str, **values) -> str:
    return t(key, ctx.lang, topic=TOPIC, **values)


def links(ctx, rows: pd.DataFrame, article: str = "article_id", sentence: str = "sentence_id") -> list[str]:
    return urlstate.reader_links(rows[article], rows[sentence], ctx.filters)


def link_column(ctx, label: str):
    return st.column_config.LinkColumn(label, display_text=w(ctx, "read"), width="small")


def seed_day(ctx, first: dt.date, last: dt.date, default: dt.date) -> None:
    """The URL's day when it is new (a shared or in-app link), else the slider's, kept within the span."""
    raw = ctx.extra.get("day")
    if raw and raw != st.session_state.get(URL_DAY_KEY):
        day, problem = linked_day(raw, first, last)
        if problem == "bad_day":
            st.warning(plain(w(ctx, "bad_day", value=repr(raw[:40]))))
        elif problem == "day_moved":
            st.warning(plain(w(ctx, "day_moved", value=raw, day=day.isoformat(), first=first.isoformat(),
                               last=last.isoformat())))
        if day is not None:
            st.session_state[DAY_KEY] = day
            return
    current = st.session_state.get(DAY_KEY)
    if not isinstance(current, dt.date) or not first <= current <= last:
        st.session_state[DAY_KEY] = default


def show_map(ctx, contingents: pd.DataFrame, phases: pd.DataFrame, first: dt.date, last: dt.date) -> None:
    player = DayPlayer(PAGE, first, last)
    player.button(w(ctx, "play"), w(ctx, "pause"), w(ctx, "play_help"))

    def panel() -> None:
        if first < last:
            day = st.slider(w(ctx, "day"), min_value=first, max_value=last, step=dt.timedelta(days=1), key=DAY_KEY,
                            format="D MMM YYYY", help=w(ctx, "day_help"))
        else:
            day = first
            st.markdown(f"**{w(ctx, 'day')}: {formatting.date(day, ctx.lang)}**")
        st.query_params["day"] = day.isoformat()
        st.session_state[URL_DAY_KEY] = day.isoformat()
        drawn = troops.arcs(contingents, phases, day, ctx.lang)
        phone = on_phone()
        st.pydeck_chart(troops.troops_deck(contingents, phases, day, ctx.lang, phone, drawn),
                        height=maps.map_height(maps.fitted(troops.MAP_VIEW, phone)), key="troops_map")
        directions = drawn["direction"].value_counts()
        st.caption(w(ctx, "map_caption", day=formatting.date(day, ctx.lang), out=int(directions.get("out", 0)),
                     back=int(directions.get("back", 0))))
        if drawn.empty and not contingents.empty:
            st.caption(w(ctx, "no_arcs_today"))
        data_below(arcs_table(ctx, drawn), ctx.lang, "map")

    player.run(panel)
    st.caption(w(ctx, "legend"))


def arcs_table(ctx, drawn: pd.DataFrame) -> pd.DataFrame:
    """The arcs on the map as text: country, from, to, sent or returning, and how sure the sources are."""
    return pd.DataFrame({
        w(ctx, "col_country"): drawn.country.to_list(), w(ctx, "col_from"): drawn.from_name.to_list(),
        w(ctx, "col_to"): drawn.to_name.to_list(), w(ctx, "col_direction"): [w(ctx, f"arc_{d}") for d in drawn.direction],
        w(ctx, "col_certainty"): [w(ctx, f"certainty_{s}") for s in drawn.status]})


def phase_table(ctx, phases: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "phase": [type_label(p, ctx.lang) for p in phases.phase],
        "when": [troops.phase_span(row, ctx.lang) for _, row in phases.iterrows()],
        "outlets": phases.outlets.to_list(),
        "sentences": phases.n_sources.astype(int).to_list(),
        "first_source": links(ctx, phases, "first_article_id", "first_sentence_id"),
        "last_source": links(ctx, phases, "last_article_id", "last_sentence_id"),
    })


def phase_sentences_table(ctx, phases: pd.DataFrame) -> pd.DataFrame:
    sentences = troops.phase_sentences(phases)
    return pd.DataFrame({
        "phase": [type_label(p, ctx.lang) for p in sentences.phase],
        "date": [formatting.date_span(r.date, r.date_end, r.date_precision, ctx.lang) for r in sentences.itertuples()],
        "outlet": sentences.outlet.to_list(), "quote": sentences.quote.to_list(), "source": links(ctx, sentences),
    })


def show_phases(ctx, phases: pd.DataFrame) -> None:
    st.subheader(w(ctx, "phases"))
    st.caption(w(ctx, "phases_note"))
    table = per_view(ctx, "phase_table", lambda: phase_table(ctx, phases))
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "phase": w(ctx, "col_phase"), "when": w(ctx, "col_when"), "outlets": w(ctx, "col_outlets"), "sentences": w(ctx, "col_sentences"),
        "first_source": link_column(ctx, w(ctx, "col_first_source")), "last_source": link_column(ctx, w(ctx, "col_last_source"))})
    with st.expander(w(ctx, "all_sentences")):
        st.dataframe(per_view(ctx, "phase_sentences_table", lambda: phase_sentences_table(ctx, phases)),
                     hide_index=True, width="stretch", column_config={
            "phase": w(ctx, "col_phase"), "date": w(ctx, "col_date"), "outlet": w(ctx, "col_outlet"),
            "quote": st.column_config.TextColumn(w(ctx, "col_quote"), width="large"), "source": link_column(ctx, w(ctx, "col_read"))})


def show_figures(ctx, counts: pd.DataFrame, contingents: pd.DataFrame) -> None:
    st.subheader(w(ctx, "figures"))
    st.caption(w(ctx, "figures_note"))
    if counts.empty:
        st.markdown(f"_{w(ctx, 'no_figures')}_")
    else:
        st.dataframe(pd.DataFrame({
            "figure": counts.text.to_list(), "subject": counts.subject.fillna("").to_list(),
            "outlet": counts.outlet.to_list(), "as_of": [formatting.date(d, ctx.lang) for d in counts.as_of],
            "quote": counts.quote.to_list(), "source": links(ctx, counts),
        }), hide_index=True, width="stretch", key="troop_figures", column_config={
            "figure": w(ctx, "col_figure"), "subject": w(ctx, "col_subject"), "outlet": w(ctx, "col_outlet"), "as_of": w(ctx, "col_as_of"),
            "quote": st.column_config.TextColumn(w(ctx, "col_quote"), width="large"), "source": link_column(ctx, w(ctx, "col_read"))})
    if contingents.empty:
        return
    st.markdown(f"#### {w(ctx, 'per_country')}")
    st.caption(w(ctx, "per_country_note"))
    countries = troops.per_country(contingents, ctx.lang)
    st.dataframe(pd.DataFrame({
        "country": countries.country.to_list(), "troops": countries.troops.to_list(),
        "outlets": countries.outlets.to_list(), "source": links(ctx, countries),
    }), hide_index=True, width="stretch", key="troops_per_country", column_config={
        "country": w(ctx, "col_country"), "troops": w(ctx, "col_troops"), "outlets": w(ctx, "col_outlets"),
        "source": link_column(ctx, w(ctx, "col_read"))})


def show_commander(ctx, notable: pd.DataFrame) -> None:
    st.subheader(w(ctx, "commander"))
    if notable.empty:
        st.markdown(f"_{w(ctx, 'no_commander')}_")
        return
    st.dataframe(pd.DataFrame({
        "date": [formatting.date_span(r.date, r.date_end, r.date_precision, ctx.lang) for r in notable.itertuples()],
        "phase": [type_label(p, ctx.lang) for p in notable.type],
        "role": [", ".join(w(ctx, f"role_{r}") for r in roles.split("; ")) for roles in notable.role],
        "people": notable.people.fillna("").to_list(), "outlet": notable.outlet.to_list(),
        "quote": notable.quote.to_list(), "source": links(ctx, notable),
    }), hide_index=True, width="stretch", key="troops_commander", column_config={
        "date": w(ctx, "col_date"), "phase": w(ctx, "col_phase"), "role": w(ctx, "col_role"), "people": w(ctx, "col_people"),
        "outlet": w(ctx, "col_outlet"), "quote": st.column_config.TextColumn(w(ctx, "col_quote"), width="large"),
        "source": link_column(ctx, w(ctx, "col_read"))})
