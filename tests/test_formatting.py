"""Figures in words: one row at a time and a whole table give the same text."""
import pandas as pd
import pytest

from kzdata import formatting

FIGURES = pd.DataFrame({
    "value": pd.array([1234, None, 40, 7.5], dtype="Float64"),
    "low": pd.array([1234, 20, 40, 7.5], dtype="Float64"),
    "high": pd.array([1234, 99, None, 7.5], dtype="Float64"),
    "qualifier": ["approx", "vague", "at_least", "exact"],
    "number_text": ["sekitar 1.234", "puluhan", "sedikitnya 40", "7,5"],
})


@pytest.mark.parametrize("lang, expected", [
    ("en", ["about 1,234", "puluhan (20–99)", "at least 40", "7.5"]),
    ("id", ["sekitar 1.234", "puluhan (20–99)", "sedikitnya 40", "7,5"]),
])
def test_figure_texts_of_a_table_match_each_rows_figure_text(lang, expected):
    assert formatting.figure_texts(FIGURES, lang) == expected
    assert [formatting.figure_text(row, lang) for _, row in FIGURES.iterrows()] == expected
