"""Fact explorer: every figure the documents state, searchable and filterable, each with its quote and citation,
and the statements on which the documents contradict each other."""
import dataclasses
import math

import streamlit as st

from lib.ui import downloads, page, state
from lib.ui import facts_view as view
from lib.ui.i18n import plural, t
from lib.queries import facts

Carried = tuple[tuple[str, str], ...]  # the sticky lang/econ/present of links (state.link_params)


# ---------------------------------------------------------------- sections, built once per selection (page.memo)
@page.memo
def choices() -> tuple[dict, dict, tuple[int, ...]]:
    """What the filters offer, each document's titles by doc_id ((zh, en)), and every year stated."""
    titles = facts.document_titles()
    return (facts.options(), {d: (zh, en) for d, zh, en in zip(titles["doc_id"], titles["title_zh"],
                                                                 titles["title_en"])}, tuple(facts.years()))


@page.memo
def found(fields: tuple) -> tuple[int, int]:
    """(mentions passing the filter whose fields are `fields`, every mention)."""
    return len(facts.mentions(facts.MentionFilter(*fields))), len(facts.mentions())


def _link(carried: Carried, page_id: str, **params: str) -> str:
    return state.build_link(page_id, dict(carried) | params)


@page.memo
def result_cards(lang: str, carried: Carried, fields: tuple, number: int, expanded: bool) -> str:
    """The cards of result page `number` (1-based) of the filter `fields` as one st.html's body: each card with its
    context lines under their label (open when `expanded`), view.result_html."""
    results = facts.mentions(facts.MentionFilter(*fields))
    shown = results.iloc[(number - 1) * facts.PAGE_SIZE: number * facts.PAGE_SIZE]
    lines = facts.mention_lines(list(shown["mention_id"])).set_index("mention_id")["text"]
    around = facts.context_lines(list(shown["mention_id"]))
    cards = []
    for _, row in shown.iterrows():
        mention_id = row["mention_id"]
        links = [(t("explorer.link.self", lang), _link(carried, "explorer", mention=mention_id))]
        chart_page = facts.chart_page(row["chart_topic"], row["topic"], row["indicator_ids"])
        if chart_page:  # the page's link landing on the chart that draws it (state.mention_link)
            links.insert(0, (t("explorer.link.chart", lang),
                             f"{_link(carried, chart_page)}#{state.mention_anchor(mention_id)}"))
        context = around[around["mention_id"] == mention_id]
        cards.append(view.result_html(
            view.card_html(row, lines[mention_id], lang, links),
            t("explorer.context", lang, first=context["line_no"].min(), last=context["line_no"].max()),
            view.lines_html(context, row), expanded))
    return view.list_html(cards)


@page.memo
def export_rows(lang: str, fields: tuple):
    """The results of the filter `fields` as CSV/Excel rows (built when a download is clicked)."""
    return view.export_frame(facts.mentions(facts.MentionFilter(*fields)), lang)


@page.memo
def conflict_cards(lang: str, carried: Carried) -> str:
    """Every conflict, its header over the card of each statement (view.conflict_html), as one st.html's body; ""
    when there is none."""
    statements = facts.conflicts()
    lines = facts.mention_lines(list(statements["mention_id"])).set_index("mention_id")["text"]
    out = []
    for _, group in statements.groupby("conflict_no", sort=True):
        statement_cards = []
        for _, row in group.iterrows():
            link = [(t("explorer.link.self", lang), _link(carried, "explorer", mention=row["mention_id"]))]
            note = row["note_zh" if lang == "zh" else "note_en"]
            statement_cards.append(view.card_html(row, lines[row["mention_id"]], lang, link,
                                                  note=note if isinstance(note, str) else None))
        out.append(view.conflict_html(view.conflict_header_html(group.iloc[0], lang), tuple(statement_cards)))
    return view.list_html(out) if out else ""


ctx = page.setup("explorer")
lang = ctx.lang
carried = tuple(state.link_params().items())
options, titles, years = choices()

DOC = state.multi("doc", options["docs"])
TOPIC = state.multi("topic", options["topics"])
ENTITY = state.multi("entity", options["entities"])
UNIT = state.multi("unit", options["units"])
FLAG = state.multi("flag", options["flags"])
YEAR = state.choice("year", ("", *map(str, years)))
SEARCH = state.text("q")
MENTION = state.identifier("mention")


def topic_label(code: str) -> str:
    return view.label(f"explorer.topic.{code}", lang, code)


def doc_label(doc_id: str) -> str:
    return f"{doc_id} · {titles[doc_id][0 if lang == 'zh' else 1]}"


def filters() -> facts.MentionFilter:
    """The filter widgets, bound to the URL; returns what they select."""
    text = st.text_input(ctx.t("explorer.search"), type="search", placeholder=ctx.t("explorer.search.placeholder"),
                         help=ctx.t("explorer.search.help"), **state.widget_kwargs(SEARCH))
    page.text_notice(SEARCH, lang)
    first, second, third = st.columns(3)
    everything = ctx.t("explorer.filter.all")
    docs = first.multiselect(ctx.t("explorer.filter.doc"), DOC.choices, format_func=doc_label,
                             placeholder=everything, **state.widget_kwargs(DOC))
    topics = second.multiselect(ctx.t("explorer.filter.topic"), TOPIC.choices, format_func=topic_label,
                                placeholder=everything, **state.widget_kwargs(TOPIC))
    entities = third.multiselect(ctx.t("explorer.filter.entity"), ENTITY.choices,
                                 format_func=lambda e: view.entity_label(e, lang), placeholder=everything,
                                 **state.widget_kwargs(ENTITY))
    units = first.multiselect(ctx.t("explorer.filter.unit"), UNIT.choices,
                              format_func=lambda u: view.label(f"unit.{u}", lang, u), placeholder=everything,
                              **state.widget_kwargs(UNIT))
    year = second.selectbox(ctx.t("explorer.filter.year"), YEAR.choices,
                            format_func=lambda y: y or ctx.t("explorer.filter.year.all"),
                            help=ctx.t("explorer.filter.year.help"), **state.widget_kwargs(YEAR))
    flags = third.multiselect(ctx.t("explorer.filter.flags"), FLAG.choices,
                              format_func=lambda f: view.label(f"explorer.flag_name.{f}", lang, f),
                              placeholder=everything, help=ctx.t("explorer.filter.flags.help"),
                              **state.widget_kwargs(FLAG))
    return facts.MentionFilter(docs=tuple(docs), topics=tuple(topics), entities=tuple(entities), units=tuple(units),
                               flags=tuple(flags), year=int(year) if year else None, text=text or "")


def page_number(n_results: int, fields: tuple) -> int:
    """The chosen result page (a widget when there is more than one); a new filter starts again at page 1."""
    pages = max(1, math.ceil(n_results / facts.PAGE_SIZE))
    number_param = state.Param("p", "year", 1, lo=1, hi=pages)  # a whole number clamped to 1..pages
    signature = hash(fields)
    if st.session_state.get("_explorer_filter", signature) != signature:
        state.set(number_param, 1)
    st.session_state["_explorer_filter"] = signature
    if pages == 1:
        return 1
    return st.number_input(ctx.t("explorer.page.of", pages=pages), min_value=1, max_value=pages, step=1,
                           **state.widget_kwargs(number_param))


def show_results(fields: tuple, number: int, expanded: bool) -> None:
    st.html(result_cards(lang, carried, fields, number, expanded))


def mentions_tab() -> None:
    mention = state.get(MENTION)
    if mention:
        fields = dataclasses.astuple(facts.MentionFilter(mention=mention))
        if not found(fields)[0]:
            st.warning(ctx.t("explorer.mention.unknown", id=state.shown(mention)))
            state.set(MENTION, "")
        else:
            st.info(ctx.t("explorer.mention.only", id=state.shown(mention)))
            st.button(ctx.t("explorer.mention.all"), on_click=state.set, args=(MENTION, ""))
            show_results(fields, 1, expanded=True)
            return
    fields = dataclasses.astuple(filters())
    n_results, total = found(fields)
    source = ctx.t("explorer.source")
    count, number, files = st.columns([3, 2, 2], vertical_alignment="bottom")
    count.markdown(plural("explorer.count", lang, total, n=n_results, total=total))
    # Buttons as wide as their text, side by side while they fit and one under the other when not (a fixed share
    # of a 1100 px window cut "Excel" to "Ex…"). The files are written when clicked, not on every rerun.
    buttons = files.container(horizontal=True, horizontal_alignment="right", gap="small")
    buttons.download_button("CSV", data=lambda: downloads.csv_bytes(export_rows(lang, fields), source, lang),
                            help=ctx.t("explorer.download.help"), file_name=f"figures_{lang}.csv", mime="text/csv",
                            on_click="ignore", icon=":material/download:")
    buttons.download_button("Excel", data=lambda: downloads.excel_bytes(export_rows(lang, fields), "figures"),
                            help=ctx.t("explorer.download.help"), file_name=f"figures_{lang}.xlsx", on_click="ignore",
                            icon=":material/download:",
                            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if not n_results:
        st.info(ctx.t("explorer.none"))
        return
    with number:
        chosen = page_number(n_results, fields)
    show_results(fields, chosen, expanded=False)


def conflicts_tab() -> None:
    groups = conflict_cards(lang, carried)
    if not groups:
        st.info(ctx.t("explorer.conflicts.none"))
        return
    st.caption(ctx.t("explorer.conflicts.intro"))
    st.html(groups)
    source = ctx.t("explorer.source")
    st.download_button(ctx.t("explorer.conflicts.download"), icon=":material/download:", on_click="ignore",
                       data=lambda: downloads.csv_bytes(facts.conflicts(), source, lang),
                       file_name=f"conflicts_{lang}.csv", mime="text/csv")


st.html(view.CARDS_STYLE)  # style only: Streamlit sends it outside the page's layout
mentions_view, conflicts_view = st.tabs([ctx.t("explorer.tab.mentions"), ctx.t("explorer.tab.conflicts")])
with mentions_view:
    mentions_tab()
with conflicts_view:
    conflicts_tab()
