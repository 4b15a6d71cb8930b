"""Map: where the events in view happened, day by day, over the bundled outlines (readable offline).

?view=country|almaty picks the view; ?day=YYYY-MM-DD the day (default: the last day of the data in view).
The builders are in kzdata/event_map.py; this page only lays them out.
"""
import datetime as dt
import time

import pandas as pd
import streamlit as st

from kzdata import event_map, formatting, maps, urlstate
from ui import chart_data, frame, selection
from ui.safe import plain
from ui.words import category_label, t

PLAY_SECONDS = 1.0
MAP_HEIGHT = 560
LIST_MAX = 40  # events listed beside or below the map at most: the latest
MAP_TABLE = {"tip_when": "col_when", "tip_type": "col_type", "tip_where": "col_place", "tip_outlet": "col_outlet",
             "tip_figure": "col_figure", "tip_summary": "col_summary"}  # tooltip column -> header in "Data behind this map"
ctx = frame.context()
lang = ctx.lang
events, figures = ctx.view.events, ctx.view.figures


def w(key: str, **values) -> str:
    return t(key, lang, topic="ui_map", **values)


def follow_link(key: str, value) -> None:
    """A new value in the address sets the widget; the reader's own choice stays otherwise."""
    if value is not None and st.session_state.get(key + "_linked") != value:
        st.session_state[key] = value


def linked_day(raw: str | None, first: dt.date, last: dt.date) -> dt.date | None:
    """The address's day, moved into [first, last]; a notice for a day that is not a date or is outside."""
    if raw is None or st.session_state.get("map_day_linked") == raw:
        return None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        st.warning(plain(w("bad_day", value=repr(raw[:40]))))
        return None
    if not first <= day <= last:
        moved = min(max(day, first), last)
        st.warning(plain(w("day_moved", value=raw, day=moved.isoformat())))
        return moved
    return day


def start_play() -> None:
    """Turning play on at the last day starts again from the first."""
    if st.session_state.get("map_play") and st.session_state.get("map_day") == st.session_state.get("map_last"):
        st.session_state.map_day = st.session_state.get("map_first")
    st.session_state.map_play_at = time.monotonic()


def listed(rows: pd.DataFrame, total: int, compact: bool = False) -> None:
    """One line per event (the latest LIST_MAX of `total`): day, type (and place), outlet, link to its sentence."""
    if rows.empty:
        st.caption(w("none_beside"))
        return
    lines = []
    if total > len(rows):
        lines.append(f"- {plain(w('earlier', count=formatting.number(total - len(rows), lang)))}")
    for row in rows.itertuples():
        link = urlstate.reader_link(row.article_id, int(row.sentence_id), ctx.filters)
        what = f"{row.type_label} ({row.place})" if isinstance(row.place, str) and row.place else row.type_label
        lines.append(f"- **{plain(row.when)}** · {plain(what)} · {plain(row.outlet)} · [{w('open')}]({link})")
    (st.caption if compact else st.markdown)("\n".join(lines))


def figures_table(shown: pd.DataFrame) -> None:
    if shown.empty:
        st.caption(w("no_figures"))
        return
    shown = shown.sort_values(["as_of", "category", "figure_id"], kind="stable")
    table = pd.DataFrame({
        "as_of": [formatting.date(d, lang) for d in shown.as_of],
        "figure": [formatting.figure_text(row, lang) for row in shown.to_dict("records")],
        "category": [category_label(c, lang) for c in shown.category],
        "subject": shown.subject.astype(object).fillna("").to_numpy(),
        "place": shown.place.astype(object).fillna("").to_numpy(),
        "outlet": shown.outlet.astype(object).to_numpy(),
        "source": [urlstate.reader_link(a, int(s), ctx.filters) for a, s in zip(shown.article_id, shown.sentence_id)],
    })
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "as_of": w("col_as_of"), "figure": w("col_figure"), "category": w("col_category"),
        "subject": w("col_subject"), "place": w("col_place"), "outlet": w("col_outlet"),
        "source": st.column_config.LinkColumn(w("col_source"), display_text=w("open"))})


if not frame.page_heading(ctx, w("title")):
    st.stop()
st.caption(w("intro"))

first, last = event_map.span(events, figures)
views = maps.views()
raw_view = ctx.extra.get("view")
if raw_view is not None and raw_view not in event_map.MAP_VIEWS and st.session_state.get("map_view_linked") != raw_view:
    st.warning(plain(w("bad_view", value=repr(raw_view[:40]))))
follow_link("map_view", raw_view if raw_view in event_map.MAP_VIEWS else None)
st.session_state.setdefault("map_view", "country")

controls = st.columns([3, 1], vertical_alignment="bottom")
view = controls[0].radio(w("view"), event_map.MAP_VIEWS, key="map_view", horizontal=True,
                         format_func=lambda name: views[name].get(f"label_{lang}", name))
st.session_state.map_view_linked = view if view != "country" else None

if first is not None and first < last:
    st.session_state.map_first, st.session_state.map_last = first, last
    if (from_link := linked_day(ctx.extra.get("day"), first, last)) is not None:
        st.session_state.map_day = from_link
    day_state = st.session_state.get("map_day")
    if not isinstance(day_state, dt.date) or not first <= day_state <= last:
        st.session_state.map_day = last if day_state is None else min(max(day_state, first), last)
    controls[1].toggle(w("play"), key="map_play", on_change=start_play, help=w("play_help"))
playing = bool(st.session_state.get("map_play")) and first is not None and first < last
this_run = {"full": True}  # the fragment's closure: True only while it runs as part of a full run


@st.fragment(run_every=PLAY_SECONDS if playing else None)
def day_and_map() -> None:
    full_run, this_run["full"] = this_run["full"], False
    if playing and not full_run and time.monotonic() - st.session_state.get("map_play_at", 0.0) >= 0.8 * PLAY_SECONDS:
        st.session_state.map_day, going_on = event_map.next_day(st.session_state.map_day, first, last)
        st.session_state.map_play_at = time.monotonic()
        if not going_on:
            st.session_state.map_play = False
            st.rerun(scope="app")
    if first is not None and first < last:
        day = st.slider(w("day"), min_value=first, max_value=last, key="map_day", step=dt.timedelta(days=1),
                        format="YYYY-MM-DD", help=w("day_help"))
    else:
        day = first
        if day is not None:
            st.caption(w("only_day", day=formatting.date(day, lang)))
    st.session_state.map_day_linked = day.isoformat() if day is not None and day != last else None
    st.query_params.from_dict(urlstate.to_query(ctx.filters, view=st.session_state.map_view_linked,
                                                day=st.session_state.map_day_linked))

    number = event_map.counts(events, day)
    points = event_map.map_rows(events, figures, day, lang, limit=event_map.MAX_MARKERS)
    regions = event_map.region_rows(events, figures, day, lang, limit=event_map.MAX_MARKERS)
    countries = event_map.country_rows(events, day, lang, limit=LIST_MAX)
    unplaced = event_map.unplaced_rows(events, day, lang, limit=LIST_MAX)
    day_text = formatting.date(day, lang) if day is not None else ""
    if not sum(number.values()):
        st.info(w("nothing_yet", day=day_text))
    else:
        st.caption(w("counts", day=day_text, **{k: formatting.number(v, lang) for k, v in number.items()}))
    if max(number["points"], number["regions"]) > event_map.MAX_MARKERS:
        st.caption(w("capped", limit=formatting.number(event_map.MAX_MARKERS, lang)))

    map_column, side = st.columns([3, 1], gap="small")
    with map_column:
        deck = event_map.event_deck(events, figures, view, lang, day, drawn=(points, regions))
        state = st.pydeck_chart(deck, height=MAP_HEIGHT,
                                on_select="rerun", selection_mode="single-object", key=f"map_deck_{view}")
        st.html(event_map.markers_html(lang))
        headers = {column: w(key) for column, key in MAP_TABLE.items()}
        chart_data.data_below(chart_data.tip_table(pd.concat([points, regions]), headers), lang, "map")
    drawn = pd.concat([points[["event_id", "type", "lat", "lon", "offset"]],
                       regions[["event_id", "type", "lat", "lon", "offset"]]], ignore_index=True)
    with side:
        if entries := event_map.legend(event_map.in_view(drawn, view), lang):
            st.html(event_map.legend_html(entries, lang))
        st.markdown(f"**{plain(w('country_level'))}**", help=w("beside_note"))
        listed(countries, number["countries"], compact=True)

    picked = event_map.picked_event(state)
    if picked in set(drawn.event_id):
        selection.show(events, [picked], "event", ctx)
    elif not drawn.empty:
        st.caption(w("select_hint"))
    st.markdown(f"**{plain(w('unplaced'))}**", help=w("unplaced_note"))
    listed(unplaced, number["unplaced"])

    st.subheader(w("figures_heading", day=day_text))
    st.caption(w("figures_note"))
    figures_table(event_map.figures_by(figures, day))


day_and_map()
