"""Results kept per view: reused for the same corpus and filters, recomputed when either changes."""
from types import SimpleNamespace

from kzdata.filters import Filters
from ui.memo import per_view


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)
    return compute, calls


def test_a_result_is_reused_for_the_same_corpus_filters_and_key_only():
    corpus = object()
    view = SimpleNamespace(corpus=corpus, filters=Filters(lang="en"))
    compute, calls = counter()
    assert per_view(view, "test-reuse", compute, "a") == 1
    assert per_view(view, "test-reuse", compute, "a") == 1
    assert per_view(view, "test-reuse", compute, "b") == 2
    assert per_view(SimpleNamespace(corpus=corpus, filters=Filters(lang="id")), "test-reuse", compute, "a") == 3
    assert per_view(SimpleNamespace(corpus=object(), filters=Filters(lang="en")), "test-reuse", compute, "a") == 4
    assert len(calls) == 4
