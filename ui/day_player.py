"""Play, as the map and the troops page share it: a Play/Pause button that moves the page's day slider
on one day a second and stops by itself at the last day.

Each page keeps its own state under its own prefix (``<page>_day`` is the slider's key, ``<page>_play``
whether it plays), so moving between pages leaves each at the day the reader left it.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Callable

import streamlit as st

PLAY_SECONDS = 1.0


def next_day(day: dt.date, first: dt.date, last: dt.date) -> tuple[dt.date, bool]:
    """The day after `day` within [first, last], and whether playing goes on after it."""
    following = min(max(day + dt.timedelta(days=1), first), last)
    return following, following < last


def linked_day(raw: str, first: dt.date, last: dt.date) -> tuple[dt.date | None, str | None]:
    """An address's ``day=`` moved into [first, last], and why it was not taken as it is: "bad_day" (not
    a date, and no day) or "day_moved" (outside the span); None when it was."""
    try:
        wanted = dt.date.fromisoformat(raw)
    except ValueError:
        return None, "bad_day"
    day = min(max(wanted, first), last)
    return day, None if day == wanted else "day_moved"


@dataclass(frozen=True)
class DayPlayer:
    page: str
    first: dt.date
    last: dt.date

    @property
    def day_key(self) -> str:
        return f"{self.page}_day"

    @property
    def play_key(self) -> str:
        return f"{self.page}_play"

    @property
    def _stepped_at_key(self) -> str:
        return f"{self.page}_stepped_at"

    def playing(self) -> bool:
        return bool(st.session_state.get(self.play_key)) and self.first < self.last

    def button(self, play: str, pause: str, help: str, container=st) -> None:
        """Play, or Pause while playing; disabled when there is a single day."""
        playing = self.playing()
        container.button(pause if playing else play, on_click=self._toggle, help=help, key=f"{self.page}_play_button",
                         icon=":material/pause:" if playing else ":material/play_arrow:",
                         disabled=self.first >= self.last)

    def _toggle(self) -> None:
        """Play at the last day starts again from the first."""
        playing = not self.playing()
        st.session_state[self.play_key] = playing
        if playing and st.session_state.get(self.day_key, self.last) >= self.last:
            st.session_state[self.day_key] = self.first
        st.session_state[self._stepped_at_key] = time.monotonic()

    def run(self, draw: Callable[[], None]) -> None:
        """Call `draw` (the slider and what depends on the day) in a fragment that Play re-runs alone
        each second, a day on each time; a full run of the page draws the day as it is."""
        playing, this_run = self.playing(), {"full": True}

        @st.fragment(run_every=PLAY_SECONDS if playing else None)
        def day_part() -> None:
            full_run, this_run["full"] = this_run["full"], False
            if playing and not full_run and self._due():
                self._step()
            draw()

        day_part()

    def _due(self) -> bool:
        """Whether a tick is a second after the last step (a slider move reruns the fragment too)."""
        return time.monotonic() - st.session_state.get(self._stepped_at_key, 0.0) >= 0.8 * PLAY_SECONDS

    def _step(self) -> None:
        day, going_on = next_day(st.session_state[self.day_key], self.first, self.last)
        st.session_state[self.day_key] = day
        st.session_state[self._stepped_at_key] = time.monotonic()
        if not going_on:
            st.session_state[self.play_key] = False
            st.rerun(scope="app")
