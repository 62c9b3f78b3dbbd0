"""Sources & method: the documents (with a reader marking every extracted figure), the public datasets and their
coverage, how values are normalised and EU aggregates formed, how to cite, and the whole warehouse as a ZIP."""
import json

import pandas as pd
import streamlit as st

from lib.ui import citations, downloads, page, state
from lib.ui import sources_view as view
from lib.ui.i18n import field, plural, t
from lib.queries import facts, sources

TABS = ("documents", "reader", "datasets", "method", "download")
VIEW = state.choice("view", TABS)  # the tab a link opens (e.g. the reader on one document)


# ---------------------------------------------------------------- tabs, built once per language (page.memo)
@page.memo
def documents(lang: str) -> tuple:
    """(doc_id, title in `lang`, file_name) of every document."""
    frame = sources.documents()
    titles = [citations.title_in(doc, lang) for _, doc in frame.iterrows()]
    return tuple(zip(frame["doc_id"], titles, frame["file_name"]))


@page.memo
def meta() -> dict:
    return sources.meta()


@page.memo
def documents_tab(lang: str, carried: tuple[tuple[str, str], ...]) -> tuple[str, tuple[tuple[str, str, str, str], ...]]:
    """The intro, then per document: its title, the facts as HTML, the counts and the links (carrying `carried`)."""
    def link(page_id: str, **params: str) -> str:
        return state.build_link(page_id, dict(carried) | params)

    cards = []
    for _, doc in sources.documents().iterrows():
        # The Chinese page names a document as printed; the English page gives the printed title below its own.
        printed = doc["title_zh"] if lang == "en" and doc["title_zh"] != citations.title_in(doc, lang) else None
        facts_html = view.info_html([
            (t("sources.doc.title_printed", lang), printed),
            (t("sources.doc.also_titled", lang), doc["also_titled_zh"]),
            (t("sources.doc.publisher", lang), field(doc, "publisher", lang)),
            (t("sources.doc.published", lang), doc["published"]),
            (t("sources.doc.dating", lang), doc[f"dating_{lang}"]),
            (t("sources.doc.covers", lang), doc[f"covers_{lang}"]),
            (t("sources.doc.defects", lang), doc[f"defects_{lang}"]),
            (t("sources.doc.file", lang), doc["location"]),
        ], lang)
        cards.append((citations.title_in(doc, lang), facts_html,
                      plural("sources.doc.counts", lang, doc["figures"], lines=doc["lines"], figures=doc["figures"],
                             flagged=doc["flagged"]),
                      f"[{t('sources.doc.read', lang)}]({link('sources', doc=doc['doc_id'], view='reader')})"
                      f" · [{t('sources.doc.explore', lang)}]({link('explorer', doc=doc['doc_id'])})"))
    return t("sources.documents.intro", lang), tuple(cards)


@page.memo
def reader(file_name: str, lang: str) -> str:
    """One document as numbered lines with every extracted figure marked."""
    return view.reader_html(sources.document_text(file_name), sources.document_mentions(file_name), lang)


@page.memo
def datasets_tab(lang: str) -> tuple[tuple[str, str, object], ...]:
    """Per dataset: the expander's label, its facts as HTML and its coverage per economy (an Arrow table)."""
    cover = sources.coverage()
    shown = []
    for _, ds in sources.datasets().iterrows():
        shown.append((f"{field(ds, 'title', lang)} · {field(ds, 'vintage', lang)}", view.info_html([
            (t("sources.ds.publisher", lang), field(ds, "publisher", lang)),
            (t("sources.ds.vintage", lang), field(ds, "vintage", lang)),
            (t("sources.ds.licence", lang), field(ds, "licence", lang)),
            (t("sources.ds.url", lang), ds["url"]),
            (t("sources.ds.location", lang), ds["location"]),
            (t("sources.ds.definition", lang), ds[f"definition_{lang}"]),
            (t("sources.ds.notes", lang), ds[f"notes_{lang}"]),
        ], lang), (view.coverage_rows(cover[cover["source_id"] == ds["source_id"]], lang))))
    return tuple(shown)


@page.memo
def method_tables(lang: str) -> tuple[object, str, object, str, str]:
    """The normalisation examples, the flags as HTML, the EU aggregates, and the two citations (dashboard, figure)."""
    example = sources.citation_example()
    return ((view.example_rows(sources.normalisation_examples(), lang)),
            view.info_html([(t(f"explorer.flag_name.{code}", lang), t(f"explorer.flag.{code}", lang))
                            for code in facts.FLAG_CODES], lang),
            (view.eu_rows(lang)),
            t("sources.method.cite.dashboard", lang, app=t("app.title", lang), built=meta().get("built_at", "")),
            t("sources.method.cite.figure", lang, title=example[f"title_{lang}"], published=example["published"],
              file=example["location"], line=example["line_no"], quote=example["quote"]))


@page.memo
def view_rows(lang: str) -> object:
    """Every warehouse view with its row count (an Arrow table)."""
    counts = json.loads(meta().get("row_counts", "{}"))
    views = [v for v in sources.warehouse_views() if v in counts]
    return (pd.DataFrame({t("sources.col.view", lang): views,
                                    t("sources.col.rows", lang): [counts[v] for v in views]}))


ctx = page.setup("sources")
lang = ctx.lang
READ = state.choice("doc", tuple(d for d, _, _ in documents(lang)))


def documents_tab_show() -> None:
    intro, cards = documents_tab(lang, tuple(state.link_params().items()))
    st.markdown(intro)
    for title, facts_html, counts, links in cards:
        with st.container(border=True):
            st.subheader(title, anchor=False)
            st.html(facts_html)
            st.caption(counts)
            st.markdown(links)


def reader_tab() -> None:
    titles = {d: name for d, name, _ in documents(lang)}
    chosen = st.selectbox(ctx.t("sources.reader.pick"), READ.choices,
                          format_func=lambda d: f"{d} · {titles[d]}", **state.widget_kwargs(READ))
    st.caption(ctx.t("sources.reader.help"))
    file_name = next(f for d, _, f in documents(lang) if d == chosen)
    with st.container(height=560):
        st.html(reader(file_name, lang))


def datasets_tab_show() -> None:
    st.markdown(ctx.t("sources.datasets.intro"))
    for label, facts_html, coverage in datasets_tab(lang):
        with st.expander(label):
            st.html(facts_html)
            st.markdown(f"**{ctx.t('sources.ds.coverage')}**")
            page.table(coverage, lang)


def method_tab() -> None:
    examples, flags, eu, cite_dashboard, cite_figure = method_tables(lang)
    st.subheader(ctx.t("sources.method.extract.title"), anchor=False)
    st.markdown(ctx.t("sources.method.extract"))
    st.subheader(ctx.t("sources.method.normalise.title"), anchor=False)
    st.markdown(ctx.t("sources.method.normalise"))
    page.table(examples, lang)
    st.subheader(ctx.t("sources.method.flags.title"), anchor=False)
    st.markdown(ctx.t("sources.method.flags"))
    st.html(flags)
    st.subheader(ctx.t("sources.method.eu.title"), anchor=False)
    st.markdown(ctx.t("sources.method.eu"))
    page.table(eu, lang)
    st.subheader(ctx.t("sources.method.conflicts.title"), anchor=False)
    st.markdown(ctx.t("sources.method.conflicts"))
    st.subheader(ctx.t("sources.method.cite.title"), anchor=False)
    st.markdown(ctx.t("sources.method.cite"))
    st.code(cite_dashboard, language=None, wrap_lines=True)
    st.markdown(ctx.t("sources.method.cite.example"))
    st.code(cite_figure, language=None, wrap_lines=True)


def download_tab() -> None:
    st.markdown(ctx.t("sources.download.intro"))
    built = meta().get("built_at", "")
    st.caption(ctx.t("sources.download.built", built=built, version=meta().get("schema_version", "")))
    readme = ctx.t("sources.download.readme", app=ctx.t("app.title"), built=built)
    st.download_button(ctx.t("sources.download.button"), data=lambda: downloads.zip_of_csvs(sources.warehouse_frames(), readme),
                       file_name=f"warehouse_{built[:10]}.zip", mime="application/zip", on_click="ignore",
                       icon=":material/download:", type="primary")
    page.table(view_rows(lang), lang)


TAB_KEY = "_sources_tab"
labels = [ctx.t(f"sources.tab.{tab}") for tab in TABS]


def tab_opened(shown: list[str]) -> None:
    """A tab was opened: put it into the URL (`view`), so the address reproduces it and the next run builds it."""
    state.set(VIEW, TABS[shown.index(st.session_state[TAB_KEY])])


# Only the open tab is built and sent (the others' documents, grids and code blocks were two thirds of what the
# browser drew, none of it in sight); opening another reruns the page with it. The URL drives the tab.
st.session_state[TAB_KEY] = labels[TABS.index(state.get(VIEW))]
tabs = st.tabs(labels, key=TAB_KEY, on_change=tab_opened, args=(labels,))
for tab, show in zip(tabs, (documents_tab_show, reader_tab, datasets_tab_show, method_tab, download_tab)):
    with tab:
        if tab.open is not False:
            show()

