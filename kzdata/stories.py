"""Near-duplicates: the same wire story republished by several outlets, linked as one story.

Outlets copy agency text with a new headline, a dateline of their own and a few sentences cut or added,
so articles are compared by the sentences of their body, not their bytes. Two articles are one story
when most sentences of the shorter one appear, word for word once case and punctuation are set aside,
in the other. Sentences printed by very many articles (formulas, sign-offs that slipped through) say
nothing about a shared source and are left out.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

MIN_WORDS = 6
MIN_SHARED = 3
MIN_CONTAINMENT = 0.6
MAX_ARTICLES_PER_SENTENCE = 25
STORY_KINDS = frozenset({"body", "standfirst", "caption"})
_WORD = re.compile(r"\w+")


def sentence_keys(sentences: list[dict]) -> dict[str, set[int]]:
    """Per article, the hashes of its long enough story sentences, normalised."""
    keys: dict[str, set[int]] = defaultdict(set)
    for sentence in sentences:
        if sentence["kind"] not in STORY_KINDS:
            continue
        words = _WORD.findall(sentence["text"].lower())
        if len(words) >= MIN_WORDS:
            keys[sentence["article_id"]].add(hash(" ".join(words)))
    return keys


def story_ids(article_ids: list[str], sentences: list[dict]) -> dict[str, str]:
    """Each article's story: the id of the first article (in the given order) of its group of copies."""
    keys = sentence_keys(sentences)
    parent = {article_id: article_id for article_id in article_ids}
    position = {article_id: index for index, article_id in enumerate(article_ids)}
    for first, second in _copies(keys):
        _join(parent, first, second, position)
    return {article_id: _root(parent, article_id) for article_id in article_ids}


def _copies(keys: dict[str, set[int]]):
    holders: dict[int, list[str]] = defaultdict(list)
    for article_id, hashes in keys.items():
        for key in hashes:
            holders[key].append(article_id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for articles in holders.values():
        if 1 < len(articles) <= MAX_ARTICLES_PER_SENTENCE:
            for pair in combinations(sorted(articles), 2):
                shared[pair] += 1
    for (first, second), count in shared.items():
        shorter = min(len(keys[first]), len(keys[second]))
        if count >= MIN_SHARED and count / shorter >= MIN_CONTAINMENT:
            yield first, second


def _root(parent: dict[str, str], article_id: str) -> str:
    while parent[article_id] != article_id:
        parent[article_id] = parent[parent[article_id]]
        article_id = parent[article_id]
    return article_id


def _join(parent: dict[str, str], first: str, second: str, position: dict[str, int]) -> None:
    """Union by input order, so a story is named after the article that came first."""
    a, b = _root(parent, first), _root(parent, second)
    if a != b:
        earlier, later = sorted((a, b), key=position.get)
        parent[later] = earlier
