"""Making the named tuples that extraction creates by the thousand."""
from __future__ import annotations

from functools import partial


def from_fields(cls: type[tuple]):
    """A function making a ``cls`` (a named tuple) of one tuple that holds all its fields, in order.

    It skips the named tuple's ``__new__`` and ``_make``, Python-level functions: about a third cheaper
    per record. Nothing is checked, so give every field."""
    return partial(tuple.__new__, cls)
