"""Fact explorer: every figure the documents state, searchable and filterable, each with its quote and citation,
and the statements on which the documents contradict each other."""
import math

import streamlit as st

from lib.ui import downloads, page, state
from lib.ui import facts_view as view
from lib.queries import facts

ctx = page.setup("explorer")
lang = ctx.lang
options = facts.options()
documents = facts.document_titles().set_index("doc_id")

DOC = state.multi("doc", options["docs"])
TOPIC = state.multi("topic", options["topics"])
ENTITY = state.multi("entity", options["entities"])
UNIT = state.multi("unit", options["units"])
FLAG = state.multi("flag", options["flags"])
YEAR = state.choice("year", ("", *map(str, facts.years())))
SEARCH = state.text("q")
MENTION = state.identifier("mention")


def topic_label(code: str) -> str:
    return view.label(f"explorer.topic.{code}", lang, code)


def doc_label(doc_id: str) -> str:
    return f"{doc_id} · {documents.at[doc_id, 'title_zh' if lang == 'zh' else 'title_en']}"


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


def page_of(results, selection: facts.MentionFilter):
    """The slice of results on the chosen page; a new filter starts again at page 1."""
    pages = max(1, math.ceil(len(results) / facts.PAGE_SIZE))
    number_param = state.Param("p", "year", 1, lo=1, hi=pages)  # a whole number clamped to 1..pages
    signature = hash(selection)
    if st.session_state.get("_explorer_filter", signature) != signature:
        state.set(number_param, 1)
    st.session_state["_explorer_filter"] = signature
    if pages == 1:
        return results
    number = st.number_input(ctx.t("explorer.page.of", pages=pages), min_value=1, max_value=pages, step=1,
                             **state.widget_kwargs(number_param))
    return results.iloc[(number - 1) * facts.PAGE_SIZE: number * facts.PAGE_SIZE]


def show_results(shown, expanded: bool) -> None:
    lines = facts.mention_lines(list(shown["mention_id"])).set_index("mention_id")["text"]
    around = facts.context_lines(list(shown["mention_id"]))
    for _, row in shown.iterrows():
        links = [(ctx.t("explorer.link.self"), state.link("explorer", mention=row["mention_id"]))]
        chart_page = facts.chart_page(row["chart_topic"], row["topic"], row["indicator_ids"])
        if chart_page:
            links.insert(0, (ctx.t("explorer.link.chart"), state.mention_link(chart_page, row["mention_id"])))
        with st.container(border=True):
            st.html(view.card_html(row, lines[row["mention_id"]], lang, links))
            context = around[around["mention_id"] == row["mention_id"]]
            label = ctx.t("explorer.context", first=context["line_no"].min(), last=context["line_no"].max())
            with st.expander(label, expanded=expanded):
                st.html(view.lines_html(context, row))


def mentions_tab() -> None:
    mention = state.get(MENTION)
    if mention:
        results = facts.mentions(facts.MentionFilter(mention=mention))
        if results.empty:
            st.warning(ctx.t("explorer.mention.unknown", id=state.shown(mention)))
            state.set(MENTION, "")
        else:
            st.info(ctx.t("explorer.mention.only", id=state.shown(mention)))
            st.button(ctx.t("explorer.mention.all"), on_click=state.set, args=(MENTION, ""))
            show_results(results, expanded=True)
            return
    selection = filters()
    results = facts.mentions(selection)
    total = len(facts.mentions())
    export = view.export_frame(results, lang)
    count, number, csv, xlsx = st.columns([3, 2, 1, 1], vertical_alignment="bottom")
    count.markdown(ctx.t("explorer.count", n=len(results), total=total))
    csv.download_button("CSV", data=downloads.csv_bytes(export, ctx.t("explorer.source"), lang),
                        help=ctx.t("explorer.download.help"), file_name=f"figures_{lang}.csv", mime="text/csv",
                        on_click="ignore", icon=":material/download:", width="stretch")
    xlsx.download_button("Excel", data=lambda: downloads.excel_bytes(export, "figures"), help=ctx.t("explorer.download.help"),
                         file_name=f"figures_{lang}.xlsx", on_click="ignore", icon=":material/download:",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", width="stretch")
    if results.empty:
        st.info(ctx.t("explorer.none"))
        return
    with number:
        shown = page_of(results, selection)
    show_results(shown, expanded=False)


def conflicts_tab() -> None:
    statements = facts.conflicts()
    if statements.empty:
        st.info(ctx.t("explorer.conflicts.none"))
        return
    st.caption(ctx.t("explorer.conflicts.intro"))
    lines = facts.mention_lines(list(statements["mention_id"])).set_index("mention_id")["text"]
    for _, group in statements.groupby("conflict_no", sort=True):
        with st.container(border=True):
            st.html(view.conflict_header_html(group.iloc[0], lang))
            for column, (_, row) in zip(st.columns(len(group)), group.iterrows()):
                link = [(ctx.t("explorer.link.self"), state.link("explorer", mention=row["mention_id"]))]
                note = row["note_zh" if lang == "zh" else "note_en"]
                column.html(view.card_html(row, lines[row["mention_id"]], lang, link,
                                            note=note if isinstance(note, str) else None))
    st.download_button(ctx.t("explorer.conflicts.download"), icon=":material/download:", on_click="ignore",
                       data=downloads.csv_bytes(statements, ctx.t("explorer.source"), lang),
                       file_name=f"conflicts_{lang}.csv", mime="text/csv")


mentions_view, conflicts_view = st.tabs([ctx.t("explorer.tab.mentions"), ctx.t("explorer.tab.conflicts")])
with mentions_view:
    mentions_tab()
with conflicts_view:
    conflicts_tab()
