"""The overview's headline figures: every claim as its source states it, grouped, never summed.

A claim repeated word for word by copies of one wire story is one claim: it is shown once, with every
outlet that printed it, so republication never looks like corroboration.
"""
from __future__ import annotations

import pandas as pd

CLAIM_KEY = ["story_id", "category", "subject", "value", "low", "high", "qualifier", "as_of"]
HEADLINE_GROUPS: dict[str, tuple[str, ...]] = {
    "killed": ("killed",),
    "held": ("arrested", "detained"),
    "troops": ("troops",),
}


def headline_claims(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """For each headline group, its figures (one row per claim) ordered by date, largest first within a day."""
    groups = {}
    for group, categories in HEADLINE_GROUPS.items():
        rows = once_per_story(figures[figures.category.isin(categories)])
        order = rows.assign(_size=rows.value.fillna(rows.high).fillna(rows.low))
        groups[group] = order.sort_values(["as_of", "_size"], ascending=[True, False]).drop(columns="_size")
    return groups


def claims_differ(claims: pd.DataFrame) -> bool:
    """True when a reader must compare rather than add: several outlets, or a vague count among them."""
    return claims.outlet.nunique() > 1 or (claims.qualifier == "vague").any()


def once_per_story(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per claim within a story, its outlet column listing every outlet that printed it."""
    if figures.empty or (figures.story_id == figures.article_id).all():
        return figures
    key = figures[CLAIM_KEY].astype("string").fillna("")
    groups = key[CLAIM_KEY[0]].str.cat([key[column] for column in CLAIM_KEY[1:]], sep="|")
    outlets = figures.outlet.fillna("").groupby(groups.to_numpy()).agg(lambda names: "; ".join(dict.fromkeys(names)))
    first = figures[~groups.duplicated().to_numpy()].copy()
    first["outlet"] = outlets.loc[groups[first.index].to_numpy()].to_numpy()
    return first
