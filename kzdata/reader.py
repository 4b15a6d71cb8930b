"""The reader's logic: where in an article's text each row came from, as marks, and the text as safe HTML.

`marks` lists the spans to mark in one article: the words that produced each event and figure row
(from the tables' mark_start/mark_end), the places (from the places table) and the dates and actors
(re-read from the text by :func:`context_spans`, since the tables keep no offsets for them). Every
mark carries the ids of the rows it produced, or that use what it names.

`render_html` turns the text, its sentences and the marks into one HTML document. All article text,
and every attribute built from it, goes through ``html.escape(..., quote=True)``; the only script is
the one-line scroll to the chosen sentence, whose id is an int. Never imports streamlit.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from . import formatting
from . import language as lang_data
from .figures import CATEGORIES
from .metadata import read_metadata
from .reading import matching_view
from .scan import scan_article, within
from .schema import summary_column
from .segment import CONTENT_KINDS, segment

MARK_KINDS = ("event", "figure", "date", "place", "actor")
ROW_KINDS = ("event", "figure")
TOPIC = "ui_reader"
_NESTING = {kind: rank for rank, kind in enumerate(MARK_KINDS)}  # equal spans: event outside figure, ...


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str                   # event, figure, date, place or actor
    sentence_id: int
    label: str                  # what the words say: "killed 26 (demonstrators)", "8 Jan 2022", "Almaty"
    rows: tuple[str, ...] = ()  # event/figure ids: produced by these words, or (date, place, actor) using them
    lines: tuple[str, ...] = ()  # one readable line per row, for the title

    def title(self, words: dict) -> str:
        if self.kind in ROW_KINDS:
            return "\n".join(self.lines)
        head = f"{words['kind_' + self.kind]}: {self.label}"
        return "\n".join([head, *(f"{words['used_by']} {line}" for line in self.lines)])


@dataclass(frozen=True)
class ContextSpan:
    start: int
    end: int
    kind: str        # date or actor
    label: str       # ISO date ("2022-01-08", "2022-01-03/2022-01-09") or canonical actor name
    day: dt.date | None = None
    day_end: dt.date | None = None


@dataclass(frozen=True)
class LinkCheck:
    """What a link asks for, after checking it against the data; problems are (label key, values)."""
    article: str | None
    sentence: int | None
    compare: str | None
    problems: tuple[tuple[str, dict], ...] = ()


def words(lang: str) -> dict:
    """The reader's labels in the interface language (``kzdata/lang/<lang>/ui_reader.toml``)."""
    return lang_data.load(TOPIC, lang)


# ---- dates and actors: re-read from the text, cached per article ---------------------------------

_SPAN_CACHE: OrderedDict = OrderedDict()
_SPAN_CACHE_SIZE = 64


def context_spans(article_id: str, text: str, language: str = "id",
                  reference: dt.date | None = None) -> tuple[ContextSpan, ...]:
    """Dates and actors in the article's content sentences, by offset, as the extractor saw them.

    Runs the extractor's own pieces (segment, read_metadata, scan_article) on one text, with the
    article's reference date so relative dates resolve as in the tables. Cached per article id and
    text hash.
    """
    key = (article_id, hashlib.sha256(text.encode("utf-8")).hexdigest(), language, reference)
    if key in _SPAN_CACHE:
        _SPAN_CACHE.move_to_end(key)
        return _SPAN_CACHE[key]
    view = matching_view(text)
    sentences = segment(text, language)
    meta = read_metadata(text, view, sentences, language)
    scan = scan_article(text, view, sentences, meta, reference, language)
    spans = [ContextSpan(d.start, d.end, "date", _iso_span(d.resolved.date, d.resolved.date_end),
                         d.resolved.date, d.resolved.date_end) for d in scan.dates]
    for sentence in scan.content_sentences():
        spans += [ContextSpan(a.start, a.end, "actor", a.actor.name) for a in within(scan.actors, sentence)]
    result = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
    _SPAN_CACHE[key] = result
    if len(_SPAN_CACHE) > _SPAN_CACHE_SIZE:
        _SPAN_CACHE.popitem(last=False)
    return result


def _iso_span(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"


# ---- marks ----------------------------------------------------------------------------------------

def _rows_of(table: pd.DataFrame, article_id: str) -> pd.DataFrame:
    return table[table["article_id"] == article_id]


def _missing(value) -> bool:
    return value is None or bool(pd.isna(value))


def _day(value) -> dt.date | None:
    return None if _missing(value) else pd.Timestamp(value).date()


def row_line(kind: str, row, lang: str = "en") -> str:
    """'figure f212c43517d9-f0: killed 26 (demonstrators)', 'event ...-e1: Troop arrival in Almaty'."""
    w = words(lang)
    return f"{w['kind_' + kind]} {row[kind + '_id']}: {row_description(kind, row, lang)}"


def row_description(kind: str, row, lang: str = "en") -> str:
    labels = lang_data.load("labels", lang)
    if kind == "figure":
        category = labels["categories"].get(row["category"], row["category"])
        subject = "" if _missing(row["subject"]) else f" ({row['subject']})"
        return f"{category} {formatting.figure_text(row, lang)}{subject}"
    summary = row[summary_column(lang)]
    if _missing(summary):
        summary = labels["event_types"].get(row["type"], row["type"])
    return str(summary)


def marks(tables, article_id: str, lang: str = "en") -> list[Mark]:
    """Every span to mark in the article, sorted by offset.

    One event or figure mark per distinct span of words (rows sharing their words share a mark, and
    it lists them all), so the event and figure marks together list every row of the article once.
    Place marks are the places table's rows; date and actor marks come from :func:`context_spans`.
    """
    articles = _rows_of(tables.articles, article_id)
    if articles.empty:
        return []
    article = articles.iloc[0]
    events, figures = _rows_of(tables.events, article_id), _rows_of(tables.figures, article_id)
    found: list[Mark] = []
    for kind, rows in (("event", events), ("figure", figures)):
        grouped: dict[tuple, list] = {}
        for _, row in rows.iterrows():
            grouped.setdefault((int(row["mark_start"]), int(row["mark_end"]), int(row["sentence_id"])), []).append(row)
        for (start, end, sentence_id), group in grouped.items():
            label = "; ".join(row_description(kind, row, lang) for row in group)
            found.append(Mark(start, end, kind, sentence_id, label, tuple(str(r[kind + "_id"]) for r in group),
                              tuple(row_line(kind, r, lang) for r in group)))
    users = _Users(events, figures, lang)
    for _, place in _rows_of(tables.places, article_id).iterrows():
        sentence_id = int(place["sentence_id"])
        found.append(users.mark(int(place["start"]), int(place["end"]), "place", sentence_id, str(place["name"]),
                                lambda kind, row, name=place["name"]: row["place"] == name))
    sentences = _rows_of(tables.sentences, article_id)
    content = sentences[sentences["kind"].isin(CONTENT_KINDS)]
    bounds = list(zip(content["start"].astype(int), content["end"].astype(int), content["sentence_id"].astype(int)))
    reference = _day(article["reference_date"])
    for span in context_spans(article_id, str(article["text"]), str(article["language"] or "id"), reference):
        sentence_id = next((sid for s, e, sid in bounds if s <= span.start and span.end <= e), None)
        if sentence_id is None:
            continue
        if span.kind == "date":
            label = formatting.date_span(span.day, span.day_end, "day" if span.day == span.day_end else "range", lang)
            test = lambda kind, row, span=span: _same_day(kind, row, span)
        else:
            label = span.label
            test = lambda kind, row, name=span.label: kind == "event" and name in _split(row["actors"])
        found.append(users.mark(span.start, span.end, span.kind, sentence_id, label, test))
    return sorted(found, key=lambda m: (m.start, -m.end, _NESTING[m.kind]))


class _Users:
    """Rows of the same sentence that use what a date, place or actor mark names."""

    def __init__(self, events: pd.DataFrame, figures: pd.DataFrame, lang: str):
        self.by_sentence: dict[int, list[tuple[str, object]]] = {}
        for kind, rows in (("event", events), ("figure", figures)):
            for _, row in rows.iterrows():
                self.by_sentence.setdefault(int(row["sentence_id"]), []).append((kind, row))
        self.lang = lang

    def mark(self, start: int, end: int, kind: str, sentence_id: int, label: str, uses) -> Mark:
        using = [(k, row) for k, row in self.by_sentence.get(sentence_id, []) if _truthy(uses(k, row))]
        return Mark(start, end, kind, sentence_id, label, tuple(str(row[k + "_id"]) for k, row in using),
                    tuple(row_line(k, row, self.lang) for k, row in using))


def _truthy(value) -> bool:
    return False if _missing(value) else bool(value)


def _split(value) -> list[str]:
    return [] if _missing(value) else [part.strip() for part in str(value).split(";")]


def _same_day(kind: str, row, span: ContextSpan) -> bool:
    if kind == "event":
        return _day(row["date"]) == span.day and _day(row["date_end"]) == span.day_end
    return not bool(row["as_of_inferred"]) and _day(row["as_of"]) == span.day


# ---- links -----------------------------------------------------------------------------------------

def check_link(tables, article: str | None, sentence: str | None, compare: str | None) -> LinkCheck:
    """The article, sentence and compared article a link asks for, each dropped with a problem if unknown.

    A sentence must be a whole number that is a sentence id of the linked article.
    """
    known = set(tables.articles["article_id"])
    problems: list[tuple[str, dict]] = []
    if article is not None and article not in known:
        problems.append(("unknown_article", {"value": _quoted(article)}))
        article = None
    number = None
    if sentence is not None:
        text = str(sentence).strip()
        if article is None:
            problems.append(("sentence_without_article", {"value": _quoted(text)}))
        elif not (text.isascii() and text.lstrip("-").isdigit()):
            problems.append(("bad_sentence", {"value": _quoted(text)}))
        elif int(text) not in set(_rows_of(tables.sentences, article)["sentence_id"].astype(int)):
            problems.append(("unknown_sentence", {"value": _quoted(text)}))
        else:
            number = int(text)
    if compare is not None and (compare not in known or compare == article):
        problems.append(("unknown_compare", {"value": _quoted(compare)}))
        compare = None
    return LinkCheck(article, number, compare, tuple(problems))


def _quoted(value: str) -> str:
    from .urlstate import quoted
    return quoted(str(value))


def safe_url(url) -> str | None:
    """The URL if it is an absolute http(s) address (never javascript:, data: or a relative path)."""
    if _missing(url):
        return None
    text = str(url).strip()
    parts = urlsplit(text)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in text):
        return text
    return None


# ---- tables for the page ---------------------------------------------------------------------------

def short_id(row_id: str) -> str:
    """'f212c43517d9-f0' -> 'f0': the part after the article id, as the text's marks show it."""
    return str(row_id).rsplit("-", 1)[-1]


def article_rows(tables, article_id: str, lang: str = "en") -> pd.DataFrame:
    """The article's events and figures, in text order, one line each (row, what, when, sentence, row_id)."""
    records = []
    for kind, table in (("event", tables.events), ("figure", tables.figures)):
        for _, row in _rows_of(table, article_id).iterrows():
            when = formatting.date_span(row["date"], row["date_end"], row["date_precision"], lang) if kind == "event" \
                else formatting.date(row["as_of"], lang) + ("*" if bool(row["as_of_inferred"]) else "")
            records.append({"row": short_id(row[kind + "_id"]), "what": row_description(kind, row, lang), "when": when,
                            "sentence": int(row["sentence_id"]), "row_id": str(row[kind + "_id"]),
                            "_order": (int(row["mark_start"]), kind)})
    frame = pd.DataFrame.from_records(records, columns=["row", "what", "when", "sentence", "row_id", "_order"])
    return frame.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def compare_figures(figures: pd.DataFrame, article_a: str, article_b: str, lang: str = "en") -> pd.DataFrame:
    """Two articles' figures side by side, aligned by category.

    One line per category either article reports (in the schema's order), and more when an article
    gives several figures in a category: its i-th figure (in text order) stands beside the other's i-th.
    A side with nothing there has empty cells.
    """
    labels = lang_data.load("labels", lang)["categories"]
    sides = {}
    for side, article in (("a", article_a), ("b", article_b)):
        rows = _rows_of(figures, article).sort_values(["sentence_id", "mark_start"], kind="stable")
        sides[side] = {c: [r for _, r in rows[rows["category"] == c].iterrows()] for c in CATEGORIES}
    records = []
    for category in CATEGORIES:
        a, b = sides["a"][category], sides["b"][category]
        for i in range(max(len(a), len(b))):
            record = {"category": category, "category_label": labels.get(category, category)}
            for side, found in (("a", a), ("b", b)):
                row = found[i] if i < len(found) else None
                record |= {f"figure_{side}": formatting.figure_text(row, lang) if row is not None else None,
                           f"subject_{side}": None if row is None or _missing(row["subject"]) else str(row["subject"]),
                           f"quote_{side}": None if row is None else str(row["quote"]),
                           f"sentence_{side}": None if row is None else int(row["sentence_id"]),
                           f"figure_id_{side}": None if row is None else str(row["figure_id"])}
            records.append(record)
    columns = ["category", "category_label"] + [f"{name}_{side}" for side in "ab"
                                                for name in ("figure", "subject", "quote", "sentence", "figure_id")]
    frame = pd.DataFrame.from_records(records, columns=columns)
    return frame.astype({c: ("Int64" if c.startswith("sentence") else "string") for c in columns})


def compare_frame(figures: pd.DataFrame, article_a: str, article_b: str, filters, lang: str = "en") -> pd.DataFrame:
    """:func:`compare_figures` for display: category, then per side the figure, who, and a reader link
    to its sentence that keeps the comparison open (columns figure_a, who_a, open_a, figure_b, ...)."""
    from . import urlstate

    table = compare_figures(figures, article_a, article_b, lang)
    shown = pd.DataFrame({"category": table["category_label"]})
    for side, this, other in (("a", article_a, article_b), ("b", article_b, article_a)):
        shown[f"figure_{side}"], shown[f"who_{side}"] = table[f"figure_{side}"], table[f"subject_{side}"]
        shown[f"open_{side}"] = [None if pd.isna(s) else urlstate.page_link("reader", filters, article=this,
                                                                           sentence=int(s), compare=other)
                                 for s in table[f"sentence_{side}"]]
    return shown


# ---- HTML --------------------------------------------------------------------------------------------

def _e(text) -> str:
    return html.escape(str(text), quote=True)


_STYLE = """
:root { color-scheme: light; }
html, body { height: 100%; }
body { margin: 0; overflow: hidden; font: 17px/1.65 Georgia, "Source Serif Pro", "DejaVu Serif", serif; color: #1f2328; background: #fff; }
.doc { height: 100%; overflow-y: auto; box-sizing: border-box; padding: 0 14px 40px 6px; }
.legend { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid #d0d7de;
  padding: 6px 4px 7px; font: 13px/1.9 system-ui, "DejaVu Sans", sans-serif; }
.legend .chip { margin-right: 10px; white-space: nowrap; }
.legend mark { padding: 0 4px; }
h2.title { font-size: 1.45em; line-height: 1.3; margin: 14px 0 8px; }
p { margin: 0 0 14px; }
p.standfirst { font-style: italic; color: #333; }
p.caption, p.uncovered { font: 14.5px/1.55 system-ui, "DejaVu Sans", sans-serif; color: #444; background: #f6f8fa;
  border-left: 4px solid #8c959f; padding: 6px 10px; }
.tag { display: inline-block; font: 11px/1.5 system-ui, "DejaVu Sans", sans-serif; text-transform: uppercase;
  letter-spacing: .04em; color: #57606a; background: #eaeef2; border-radius: 3px; padding: 0 5px; margin-right: 6px;
  vertical-align: 1px; }
.bp-block { margin: 18px 0 14px; padding: 6px 12px 4px; border: 1px dashed #8c959f; border-radius: 6px; background: #f6f8fa;
  color: #6e7781; font: 14px/1.5 system-ui, "DejaVu Sans", sans-serif; }
.bp-block .bp-head { font-weight: 600; color: #57606a; margin-bottom: 4px; }
.bp-block p { margin: 0 0 6px; }
.bp { color: #6e7781; background: #f6f8fa; border: 1px dashed #afb8c1; border-radius: 3px; padding: 0 3px;
  font-size: .85em; }
.s.rows { background: #fffbe6; }
.s.sel { background: #ffe083; box-shadow: 0 0 0 2px #bf8700; border-radius: 2px; -webkit-box-decoration-break: clone;
  box-decoration-break: clone; }
mark { color: inherit; border-radius: 2px; padding: 0 1px; }
mark.k-event { background: #ffd8b5; border-bottom: 3px solid #d55e00; }
mark.k-figure { background: #f9c5d1; border: 1px solid #b2182b; font-weight: 700; }
mark.k-date { background: #cfe6fb; border-bottom: 2px dotted #0072b2; }
mark.k-place { background: #c9f0de; border-bottom: 2px dashed #009e73; }
mark.k-actor { background: #ead9f5; border-bottom: 2px solid #aa4499; }
mark.pick { outline: 3px solid #1f6feb; outline-offset: 1px; }
sup.rid { font: 700 10.5px/1 system-ui, "DejaVu Sans", sans-serif; color: #8a3b00; margin-left: 4px; }
sup.rid.k-figure { color: #b2182b; }
"""


def legend_html(lang: str = "en") -> str:
    w = words(lang)
    chips = [f'<span class="chip"><span class="s rows">{_e(w["legend_sentence"])}</span></span>',
             f'<span class="chip"><span class="s sel">{_e(w["legend_selected"])}</span></span>']
    chips += [f'<span class="chip"><mark class="k-{kind}">{_e(w["legend_" + kind])}</mark></span>' for kind in MARK_KINDS]
    chips.append(f'<span class="chip"><span class="bp">{_e(w["legend_boilerplate"])}</span></span>')
    return f'<div class="legend" id="legend" role="note">{" ".join(chips)}</div>'


def render_html(text: str, sentences: pd.DataFrame, article_marks: list[Mark], selected_sentence: int | None = None,
                lang: str = "en", selected_row: str | None = None, legend: bool = True) -> str:
    """The article as one HTML document: paragraphs, captions, set-apart boilerplate, marks, a legend.

    Each sentence is an element with id "s-<sentence_id>"; the selected one has class "sel" and the
    document scrolls to it. Each mark is ``<mark class="k-<kind>" data-m="<n>" data-rows="..."
    title="...">`` (a mark that crosses another's end is split; its pieces share data-m).
    """
    w = words(lang)
    text = str(text)
    rows_in = {m.sentence_id for m in article_marks if m.kind in ROW_KINDS}
    by_sentence: dict[int, list[tuple[int, int, int]]] = {}
    for index, mark in enumerate(article_marks):
        by_sentence.setdefault(mark.sentence_id, []).append((mark.start, mark.end, index))
    painter = _Painter(text, article_marks, w, selected_row)
    ordered = sentences.sort_values("start", kind="stable")
    paragraphs: list[list] = []
    for row in ordered.itertuples():
        if paragraphs and paragraphs[-1][0].paragraph == row.paragraph:
            paragraphs[-1].append(row)
        else:
            paragraphs.append([row])
    body, pending_bp, position = [], [], 0

    def flush_boilerplate():
        if pending_bp:
            roles = list(dict.fromkeys(w.get("role_" + str(r.role), str(r.role)) for p in pending_bp for r in p
                                       if not _missing(r.role)))
            head = w["not_used"] + (f" ({', '.join(roles)})" if roles else "")
            inner = "".join(f"<p>{painter.sentences(p, by_sentence, rows_in, selected_sentence, inline_bp=False)}</p>"
                            for p in pending_bp)
            body.append(f'<section class="bp-block" aria-label="{_e(w["not_used"])}"><div class="bp-head">'
                        f'{_e(head)}</div>{inner}</section>')
            pending_bp.clear()

    for paragraph in paragraphs:
        gap = text[position:paragraph[0].start]
        if gap.strip():
            flush_boilerplate()
            body.append(f'<p class="uncovered"><span class="tag">{_e(w["tag_unread"])}</span>{_e(gap.strip())}</p>')
        position = int(paragraph[-1].end)
        kinds = {str(r.kind) for r in paragraph}
        if kinds == {"boilerplate"}:
            pending_bp.append(paragraph)
            continue
        flush_boilerplate()
        inner = painter.sentences(paragraph, by_sentence, rows_in, selected_sentence, inline_bp=True)
        if "title" in kinds:
            body.append(f'<h2 class="title">{inner}</h2>')
        elif "caption" in kinds:
            body.append(f'<p class="caption"><span class="tag">{_e(w["tag_caption"])}</span>{inner}</p>')
        elif "standfirst" in kinds:
            body.append(f'<p class="standfirst">{inner}</p>')
        else:
            body.append(f"<p>{inner}</p>")
    flush_boilerplate()
    tail = text[position:]
    if tail.strip():
        body.append(f'<p class="uncovered"><span class="tag">{_e(w["tag_unread"])}</span>{_e(tail.strip())}</p>')
    script = ""
    if selected_sentence is not None:
        target = int(selected_sentence)
        script = ('<script>(function(){function go(){var d=document.getElementById("doc"),'
                  'el=document.getElementById("s-%d"),k=document.getElementById("legend");if(!d||!el){return;}'
                  'd.scrollTop=Math.max(0,el.getBoundingClientRect().top-d.getBoundingClientRect().top+d.scrollTop'
                  '-(k?k.offsetHeight:0)-16);}go();window.addEventListener("load",go);})();</script>' % target)
    top = legend_html(lang) if legend else ""
    return (f'<!doctype html><html lang="{_e(lang)}"><head><meta charset="utf-8"><style>{_STYLE}</style></head>'
            f'<body><div class="doc" id="doc">{top}{"".join(body)}</div>{script}</body></html>')


class _Painter:
    """Sentences and their marks as HTML; article text only ever enters through _e."""

    def __init__(self, text: str, article_marks: list[Mark], w: dict, selected_row: str | None):
        self.text, self.marks, self.w, self.selected_row = text, article_marks, w, selected_row

    def sentences(self, paragraph, by_sentence, rows_in, selected, inline_bp: bool) -> str:
        parts, position = [], int(paragraph[0].start)
        for row in paragraph:
            start, end, sid = int(row.start), int(row.end), int(row.sentence_id)
            parts.append(_e(self.text[position:start]))
            classes = ["s", f"kind-{_e(row.kind)}"] + (["rows"] if sid in rows_in else []) + \
                      (["sel"] if selected is not None and sid == int(selected) else [])
            inner = self.nest(start, end, sorted(by_sentence.get(sid, [])))
            if row.kind == "boilerplate" and inline_bp:
                role = self.w.get("role_" + str(row.role), str(row.role)) if not _missing(row.role) else ""
                title = self.w["not_used"] + (f" ({role})" if role else "")
                inner = f'<span class="bp" title="{_e(title)}">{inner}</span>'
            parts.append(f'<span id="s-{sid}" class="{" ".join(classes)}" data-s="{sid}">{inner}</span>')
            position = end
        return "".join(parts)

    def nest(self, start: int, end: int, pieces: list[tuple[int, int, int]]) -> str:
        """Text [start, end) with its mark pieces (start, end, mark index) properly nested."""
        out, position = [], start
        pieces = sorted(pieces, key=lambda p: (p[0], -p[1], _NESTING[self.marks[p[2]].kind]))
        while pieces:
            first, *pieces = pieces
            low, high = max(first[0], position), min(first[1], end)
            if low >= high:
                continue
            inside, rest = [], []
            for piece in pieces:
                if piece[0] < high:
                    inside.append((max(piece[0], low), min(piece[1], high), piece[2]))
                    if piece[1] > high:
                        rest.append((high, piece[1], piece[2]))
                else:
                    rest.append(piece)
            out.append(_e(self.text[position:low]))
            out.append(self.open(first[2]) + self.nest(low, high, inside) + "</mark>")
            if high == self.marks[first[2]].end:
                out.append(self.suffix(first[2]))
            position, pieces = high, sorted(rest, key=lambda p: (p[0], -p[1], _NESTING[self.marks[p[2]].kind]))
        out.append(_e(self.text[position:end]))
        return "".join(out)

    def open(self, index: int) -> str:
        mark = self.marks[index]
        pick = " pick" if self.selected_row and self.selected_row in mark.rows else ""
        return (f'<mark class="k-{mark.kind}{pick}" data-m="{index}" data-rows="{_e(" ".join(mark.rows))}" '
                f'title="{_e(mark.title(self.w))}">')

    def suffix(self, index: int) -> str:
        mark = self.marks[index]
        if mark.kind not in ROW_KINDS:
            return ""
        return f'<sup class="rid k-{mark.kind}">{_e(",".join(short_id(r) for r in mark.rows))}</sup>'
