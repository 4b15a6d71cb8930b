"""The overview's headline figures: every claim as its source states it, grouped, never summed."""
from __future__ import annotations

import pandas as pd

HEADLINE_GROUPS: dict[str, tuple[str, ...]] = {
    "killed": ("killed",),
    "held": ("arrested", "detained"),
    "troops": ("troops",),
}


def headline_claims(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """For each headline group, its figures (one row per claim) ordered by date, largest first within a day."""
    groups = {}
    for group, categories in HEADLINE_GROUPS.items():
        rows = figures[figures.category.isin(categories)]
        order = rows.assign(_size=rows.value.fillna(rows.high).fillna(rows.low))
        groups[group] = order.sort_values(["as_of", "_size"], ascending=[True, False]).drop(columns="_size")
    return groups


def claims_differ(claims: pd.DataFrame) -> bool:
    """True when a reader must compare rather than add: several outlets, or a vague count among them."""
    return claims.outlet.nunique() > 1 or (claims.qualifier == "vague").any()
