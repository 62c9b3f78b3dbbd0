"""How a figure of the fact explorer reads on screen: value and subject in words, flags, citation, and the safe HTML
of result cards, context lines and conflict headers (every document text escaped)."""
from __future__ import annotations

import html

import pandas as pd

from lib.queries import facts
from lib.ui import citations
from lib.ui.figures import BORDER_COLOR
from lib.ui.i18n import format_value, t

# Qualifiers the extractor reads next to a number (`超过`, `约`, `不足`, `余`, `前N`) -> i18n key suffix.
QUALIFIERS = {">": "more", "~": "about", "<": "less", "+": "plus", "top": "top"}


def label(key: str, lang: str, fallback: str) -> str:
    """The i18n text of key, or fallback for a code the i18n files do not name (new data before new strings)."""
    try:
        return t(key, lang)
    except KeyError:
        return fallback


def entity_label(code: str | None, lang: str) -> str:
    """China / 中国 for an economy code, 苹果 / Apple for a company the catalogue names (by id, or as the extractor
    wrote it), else the code as written; a list of subjects (`apple,microsoft`) reads as a list."""
    if not code:
        return ""
    return ("、" if lang == "zh" else ", ").join(_subject_name(c, lang) for c in code.split(facts.SUBJECT_SEPARATOR))


def _subject_name(code: str, lang: str) -> str:
    """One subject: an economy, a company, a group the extractor wrote `CHN+USA`, or a place `CHN:青海` (the place
    as the document prints it, after its economy)."""
    if "+" in code:
        return (" + ").join(_subject_name(c, lang) for c in code.split("+"))
    if ":" in code:
        economy, place = code.split(":", 1)
        return t("explorer.place", lang, economy=_subject_name(economy, lang), place=place)
    return label(f"economy.{code}", lang, label(f"unicorns.company.{code.lower()}", lang, code))


def value_text(row, lang: str) -> str:
    """The value as a person reads it, with its qualifier: `超过 5000 亿美元`, `about 50%`, `前3位`, `3.6亿张`."""
    qualifier = QUALIFIERS.get(row["qualifier"]) if isinstance(row["qualifier"], str) else None
    if qualifier == "top":  # `前三位` is a count of places, not a rank
        return t("explorer.qualifier.top", lang, value=format_value(row["value"], "count", lang))
    high = None if pd.isna(row["value_high"]) else row["value_high"]
    text = format_value(row["value"], row["unit"], lang, high=high, stated=row.get("raw"))
    if qualifier:
        text = t(f"explorer.qualifier.{qualifier}", lang, value=text)
    if lang == "zh" and row["unit"] == "count" and isinstance(row["measure"], str):
        text += row["measure"].strip("万亿千百十")  # the measure word the document uses: 家, 个, 户, 张
    return text


def flag_texts(row, lang: str) -> list[str]:
    """Each flag of a mention in words; `implausible` carries the warehouse's reason."""
    if not isinstance(row["flags"], str):
        return []
    texts = []
    for code in row["flags"].split(","):
        text = t(f"explorer.flag.{code}", lang) if code in facts.FLAG_CODES else code
        assumed = row.get("extracted_entity")
        if code in ("subject_assumed", "ambiguous_subject") and isinstance(assumed, str):
            # The economy the extractor took, as it wrote it (HKG, TWN, CHN:全县 is China's), not always China; an
            # unclear subject says which of the candidates was read.
            text = t(f"explorer.flag.{code}_as", lang, economy=_subject_name(assumed.split(":")[0], lang))
        if code == "currency_assumed" and isinstance(row.get("unit"), str):
            currency = label(f"explorer.currency.{row['unit']}", lang, row["unit"])
            text = t("explorer.flag.currency_assumed_as", lang, currency=currency)
        reason = row["flag_reason_zh" if lang == "zh" else "flag_reason"]
        if code == "implausible" and isinstance(reason, str):
            text = t("explorer.flag.with_reason", lang, flag=text, reason=reason)
        texts.append(text)
    return texts


def citation(row) -> str:
    """`seeds/000_….txt:128 "3个"` (`data/documents/….pdf:12 …` for an added document): the document's place in
    the project (documents.location), line and quote, as every exported row carries."""
    return f'{row["location"]}:{row["line_no"]} "{row["quote"]}"'


def mark(text: str, start: int, end: int) -> str:
    """Safe HTML of text with text[start:end] wrapped in <mark>: the document text is escaped first."""
    return f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"


def locate(sentence: str, line: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the quote line[start:end] sits in its sentence: the occurrence preceded by the same text as on its
    line (the same number can appear twice in one sentence); None when the sentence does not contain it."""
    quote = line[start:end]
    for k in range(0, start + 1):
        prefix = line[start - k:start].lstrip()
        needle = prefix + quote
        first = sentence.find(needle)
        if first < 0:
            break
        if sentence.find(needle, first + 1) < 0:
            return first + len(prefix), first + len(prefix) + len(quote)
    first = sentence.find(quote)
    return (first, first + len(quote)) if first >= 0 else None


def quote_html(row, line: str) -> str:
    """The mention's sentence with its number highlighted (its line when the sentence lacks it), escaped."""
    start, end = int(row["char_start"]), int(row["char_end"])
    sentence = row["context"] if isinstance(row["context"], str) else ""
    where = locate(sentence, line, start, end)
    return mark(sentence, *where) if where else mark(line, start, end)


def export_frame(results: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The results as CSV/Excel rows: value as read and in base units, citation, document and indicator."""
    title = "title_zh" if lang == "zh" else "title_en"
    indicator = "indicator_zh" if lang == "zh" else "indicator_en"
    rows = {
        "mention_id": results["mention_id"],
        "value_text": [value_text(r, lang) for _, r in results.iterrows()],
        "value": results["value"], "value_high": results["value_high"], "unit": results["unit"],
        "year": results["year"],
        "entity": [entity_label(e, lang) for e in results["entity"]],
        "indicator": results[indicator], "topic": results["topic"],
        # whose reading value, year and subject are: the catalogue's (as charted) or the extractor's
        "reading": [t(f"explorer.reading.{'catalogued' if c else 'extracted'}", lang) for c in results["catalogued"]],
        "flags": ["; ".join(flag_texts(r, lang)) for _, r in results.iterrows()],
        "quote": results["quote"], "sentence": results["context"],
        "file": results["location"], "line": results["line_no"],
        "document": results[title], "published": results["published"],
        "citation": [citation(r) for _, r in results.iterrows()],
    }
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- safe HTML for st.html (every text escaped)

_MUTED = "color:#595959;font-size:0.9em"
_FLAG = "color:#8a4b00;background:#fff4e0;border-radius:4px;padding:1px 6px;font-size:0.9em;margin-right:4px"


def card_html(row, line: str, lang: str, links: list[tuple[str, str]] = (), note: str | None = None) -> str:
    """One result: the value as read, subject, year and indicator; the sentence with the number marked; the
    document and line; each flag in words; links (label, relative URL); an optional note."""
    facts_shown = [entity_label(row["entity"], lang)]
    if isinstance(row["year"], str):
        facts_shown.append(row["year"])
    indicator = row["indicator_zh" if lang == "zh" else "indicator_en"]
    # A catalogued figure shows its indicator's reading, the one its chart shows; any other shows the extractor's,
    # and says so.
    facts_shown.append(t("explorer.indicator", lang, name=indicator) if row["catalogued"] and isinstance(indicator, str)
                 else t("explorer.extracted", lang))
    where = t("explorer.where", lang, doc=citations.title_in(row, lang), published=row["published"], line=row["line_no"])
    flags = "".join(f'<span style="{_FLAG}">⚠ {html.escape(text)}</span>' for text in flag_texts(row, lang))
    anchors = " · ".join(f'<a href="{html.escape(href)}" target="_self">{html.escape(label)}</a>'
                         for label, href in links)
    note_html = f'<div style="{_MUTED}">{html.escape(note)}</div>' if note else ""
    return (
        f'<div style="line-height:1.55">'
        f'<div><b style="font-size:1.15em">{html.escape(value_text(row, lang))}</b>'
        f'<span style="{_MUTED}"> · {html.escape(" · ".join(f for f in facts_shown if f))}</span></div>'
        f'<div style="margin:0.25em 0">{quote_html(row, line)}</div>'
        # The document's location in the project (seeds/…, data/documents/…) is the tooltip of its name and line.
        f'<div style="{_MUTED}"><span title="{html.escape(row["location"])}">{html.escape(where)}</span>'
        f'{" · " + anchors if anchors else ""}</div>'
        f'{"<div>" + flags + "</div>" if flags else ""}{note_html}</div>'
    )


def lines_html(lines: pd.DataFrame, row=None) -> str:
    """Numbered document lines; the mention's own line bold with its number marked (row gives the span)."""
    out = []
    for line_no, text, own in zip(lines["line_no"], lines["text"], lines["own"]):
        body = mark(text, int(row["char_start"]), int(row["char_end"])) if own and row is not None \
            else html.escape(text)
        weight = "font-weight:600;" if own else ""
        out.append(f'<div style="{weight}white-space:pre-wrap"><span style="color:#8c8c8c;display:inline-block;'
                   f'min-width:3.2em;user-select:none">{int(line_no)}</span>{body}</div>')
    return f'<div style="font-size:0.92em;line-height:1.5">{"".join(out)}</div>'


def conflict_header_html(first, lang: str) -> str:
    """Indicator, subject and period of one conflict, and what kind of difference it is."""
    name = first["name_zh" if lang == "zh" else "name_en"]
    kind = t(f"explorer.conflicts.kind.{first['kind']}", lang)
    spread = t("explorer.conflicts.spread", lang, spread=f"{float(first['spread_percent']):g}")
    subject = first["conflict_entity"] if isinstance(first["conflict_entity"], str) \
        else entity_label(first["economy"], lang)
    period = t("explorer.conflicts.period", lang, period=first["period"] or "")
    style = _FLAG if first["kind"] == "disagreement" else _MUTED
    return (f'<div><b style="font-size:1.1em">{html.escape(str(name))}</b>'
            f'<span style="{_MUTED}"> · {html.escape(subject)} · {html.escape(period)}</span> '
            f'<span style="{style}">{html.escape(kind)}, {html.escape(spread)}</span></div>')


# ---------------------------------------------------------------- one st.html for a page of results, one for conflicts
# A result card used to be four elements (a bordered st.container, the card's st.html, an st.expander and the context
# lines' st.html) and a conflict 2 + 2N (container, header, st.columns, a column and a card per statement): 110 of the
# page's 143 elements for 20 cards and 4 conflicts, each costing the server its element bookkeeping on every rerun.
# A page of results is now one st.html, and the conflicts another, drawn as Streamlit draws those: each card a bordered
# box (the container's border, radius and padding) 1rem under the one before, its context lines in a <details> laid
# out as an expander (chevron, label, its border and padding; open for a linked statement), a conflict's statements
# side by side in equal columns, one under the other in a window under 640 px as st.columns are.
CARD_CLASS = "fx-card"
CARDS_STYLE = f"""<style>
.fx-list {{display: flex; flex-direction: column; gap: 1rem;}}
.{CARD_CLASS} {{border: 1px solid {BORDER_COLOR}; border-radius: 0.5rem; padding: calc(1rem - 1px);
  display: flex; flex-direction: column; gap: 1rem;}}
.{CARD_CLASS} details {{border: 1px solid {BORDER_COLOR}; border-radius: 0.5rem;}}
.{CARD_CLASS} summary {{display: flex; align-items: center; gap: 0.5rem; min-height: calc(2.5rem - 2px);
  padding: 0.25rem 0.75rem; font-size: 0.875rem; cursor: pointer; list-style: none;}}
.{CARD_CLASS} summary::-webkit-details-marker {{display: none;}}
.{CARD_CLASS} summary::before {{content: ""; width: 0.4rem; height: 0.4rem; margin: 0 0.4rem 0 0.2rem;
  border-right: 2px solid currentColor; border-bottom: 2px solid currentColor; transform: rotate(-45deg);}}
.{CARD_CLASS} details[open] > summary::before {{transform: rotate(45deg);}}
.{CARD_CLASS} details[open] > summary {{background: rgb(252, 252, 251); border-radius: 0.5rem 0.5rem 0 0;}}
.{CARD_CLASS} summary:hover {{background: rgb(242, 242, 240);}}
.{CARD_CLASS} details > div {{padding: 1rem; border-top: 1px solid {BORDER_COLOR};}}
.{CARD_CLASS} .fx-statements {{display: grid; grid-template-columns: repeat(var(--n), minmax(0, 1fr)); gap: 1rem;}}
@media (max-width: 640px) {{.{CARD_CLASS} .fx-statements {{grid-template-columns: minmax(0, 1fr);}}}}
</style>"""


def result_html(card: str, label: str, lines: str, expanded: bool) -> str:
    """A result card (card_html) with its context lines (lines_html) under a <details> labelled `label`."""
    return (f'<div class="{CARD_CLASS}">{card}<details{" open" if expanded else ""}><summary>{html.escape(label)}'
            f'</summary><div>{lines}</div></details></div>')


def list_html(cards) -> str:
    """Cards (result_html, conflict_html) one under the other, as one st.html's body."""
    return f'<div class="fx-list">{"".join(cards)}</div>'


def conflict_html(header: str, statements: tuple[str, ...]) -> str:
    """A conflict's header (conflict_header_html) over its statements' cards side by side."""
    cells = "".join(f"<div>{card}</div>" for card in statements)
    columns = f'<div class="fx-statements" style="--n: {len(statements)}">{cells}</div>'
    return f'<div class="{CARD_CLASS}">{header}{columns}</div>'
