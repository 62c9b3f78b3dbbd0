"""The one source-line builder: datasets, their series and document sentences cited in the page's language, for the
source line inside a chart, captions and table columns alike."""
from __future__ import annotations

import re
from collections.abc import Iterable

from lib.queries import rd
from lib.ui.i18n import field, t


def dataset(source_id: str, lang: str, *, short: bool = False) -> str:
    """A dataset as a citation in the page language: its catalog citation (cite_zh / cite_en, short: cite_short_*,
    data/catalog/external.yaml); a source without one (a document) is cited by publisher, title and vintage."""
    row = rd.source(source_id)
    if not row:
        raise KeyError(f"source '{source_id}' is not in the warehouse's sources; declare it in "
                       "data/catalog/external.yaml and rebuild")
    cite = field(row, "cite_short" if short else "cite", lang)
    if isinstance(cite, str) and cite:
        return cite
    parts = (field(row, "publisher", lang), None if short else field(row, "title", lang), field(row, "vintage", lang))
    return ("，" if lang == "zh" else ", ").join(str(p) for p in parts if p)


def series(source_id: str, indicator_ids: Iterable[str], lang: str, notes: Iterable[str] = (), *,
           joiner: str = ", ", labels: Iterable[str] | None = None) -> str:
    """A dataset's source line with the series drawn (names joined by `joiner`, " ÷ " for a ratio) and then notes,
    such as how a derived series was computed.

    labels: short names for the series; the dataset is then cited in its short form and without notes, for charts
    that cite several datasets at once."""
    if labels is not None:
        return t("cite.series", lang, dataset=dataset(source_id, lang, short=True), series=joiner.join(labels))
    names = joiner.join(rd.indicator(i).get(f"name_{lang}", i) for i in indicator_ids)
    line = t("cite.series", lang, dataset=dataset(source_id, lang), series=names) if names else dataset(source_id, lang)
    return join([line, *notes], lang)


def document(doc_id: str, title: str, lines: Iterable[int] | int | str, lang: str,
             quotes: Iterable[str] = ()) -> str:
    """`document 003 “title”, line 89: “758家” “283家”` (zh `文件003《…》第89行：…`); without quotes when none are given;
    with an empty title only document and line."""
    if isinstance(lines, (int, str)) or not hasattr(lines, "__iter__"):  # one line, numpy's int64 too
        line = str(lines)
    else:
        line = ", ".join(str(n) for n in sorted({int(n) for n in lines}))
    quoted = " ".join(f"“{q}”" for q in dict.fromkeys(quotes))
    if not title:
        return t("cite.document.short", lang, doc_id=doc_id, line=line)
    if quoted:
        return t("cite.document.quotes", lang, doc_id=doc_id, title=title, line=line, quotes=quoted)
    return t("cite.document", lang, doc_id=doc_id, title=title, line=line)


# A title in a source line or table cell is cut to this many characters (its full form is in the hover, the document
# list and the CSV): Chinese characters are about twice as wide as Latin letters.
SHORT_TITLE = {"zh": 18, "en": 48}


def title_in(row, lang: str) -> str:
    """The document's title in `lang` if it has one, else in the other language (as printed), else its file name."""
    other = "en" if lang == "zh" else "zh"
    for value in (row.get(f"title_{lang}"), row.get(f"title_{other}"), row.get("file_name")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def short_title(title: str, lang: str) -> str:
    """A title short enough for a source line: without its subtitle (after a colon or dash), cut with an ellipsis
    at SHORT_TITLE characters (English at a word boundary)."""
    limit = SHORT_TITLE[lang]
    main = re.split(r"：|: |——", title, maxsplit=1)[0].strip() or title
    if len(main) <= limit:
        return main
    cut = main[:limit - 1]
    if re.search(r"[A-Za-z]", cut) and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:、，。；：-–—“”\"'") + "…"


def document_name(row, lang: str) -> str:
    """How a document is named on screen: `文件003《我国数字产业化高质量发展现状…》` / `document 003 “High-Quality
    Development of Digital…”`; row: a mapping with doc_id and title_zh / title_en (or file_name). Its location in the
    project (documents.location) stays in CSV files, links and exports."""
    return t("cite.document.name", lang, doc_id=row.get("doc_id"), title=short_title(title_in(row, lang), lang))


def place(row, line: int, lang: str, page: int | None = None) -> str:
    """A document's name and line (and PDF page), as a source line cites it: `文件003《…》第143行`."""
    title = short_title(title_in(row, lang), lang)
    if page is not None:
        return t("cite.document.page", lang, doc_id=row.get("doc_id"), title=title, page=page, line=line)
    return t("cite.document", lang, doc_id=row.get("doc_id"), title=title, line=line)


def join(parts: Iterable[str], lang: str) -> str:
    """Several citations in one source line."""
    return ("；" if lang == "zh" else "; ").join(dict.fromkeys(p for p in parts if p))
