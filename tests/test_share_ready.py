"""Ready to share: page links on a fresh server, chart colours from the colour-blind-safe palette, chart tables."""
import re

import pytest

from kzdata import charts, palette, urlstate
from tests.conftest import ROOT

SAFE = {c.upper() for c in (*palette.OKABE_ITO.values(), *palette.TOL_MUTED.values(), palette.TOL_GREY)}
NEUTRAL = {"#777777", "WHITE"}   # the outlet legend's grey symbols, marker outlines


@pytest.mark.parametrize("path", [p for p in urlstate.PAGES.values() if p])
def test_every_page_link_has_a_file_that_runs_the_app(path):
    """See ui/first_run.py: without it a fresh server's first session shows "Page not found"."""
    stub = ROOT / "pages" / f"{path}.py"
    assert stub.exists(), f"pages/{path}.py is missing: a fresh server's first /{path} link would show 'Page not found'"
    assert "first_run.run_app()" in stub.read_text()


def _hex(color: str) -> str:
    if match := re.fullmatch(r"rgba\((\d+),(\d+),(\d+),[\d.]+\)", color.replace(" ", "")):
        return "#{:02X}{:02X}{:02X}".format(*map(int, match.groups()))
    return color.upper()


def _colors(fig) -> set[str]:
    found = set()
    for trace in fig.data:
        for part in (trace.marker, trace.line):
            if part is not None and isinstance(part.color, str):
                found.add(_hex(part.color))
    return found


def test_charts_take_their_colours_from_the_palette(seed_corpus):
    for fig in (charts.event_timeline(seed_corpus.events), charts.event_timeline(seed_corpus.events, compact=True),
                charts.figures_over_time(seed_corpus.figures)):
        assert _colors(fig) - NEUTRAL <= SAFE


def test_map_colours_come_from_the_palette():
    assert {"#{:02X}{:02X}{:02X}".format(*rgb) for rgb in palette.type_colors().values()} <= SAFE


@pytest.mark.parametrize("lang", ["en", "id"])
def test_chart_tables_hold_every_row(seed_corpus, lang):
    events = charts.event_timeline_table(seed_corpus.events, lang)
    figures = charts.figures_over_time_table(seed_corpus.figures, lang)
    assert len(events) == len(seed_corpus.events) and len(figures) == len(seed_corpus.figures)
    assert events.notna().all().all() and figures.notna().all().all()
    assert charts.event_timeline_table(seed_corpus.events.iloc[:0], lang).empty
