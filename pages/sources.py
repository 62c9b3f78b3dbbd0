"""Sources & method: the documents (with a reader marking every extracted figure), the public datasets and their
coverage, how values are normalised and EU aggregates formed, how to cite, and the whole warehouse as a ZIP."""
import json

import streamlit as st

from lib.ui import downloads, page, state
from lib.ui import sources_view as view
from lib.queries import facts, sources

ctx = page.setup("sources")
lang = ctx.lang
documents = sources.documents()
meta = sources.meta()
READ = state.choice("doc", tuple(documents["doc_id"]))
TABS = ("documents", "reader", "datasets", "method", "download")
VIEW = state.choice("view", TABS)  # the tab a link opens (e.g. the reader on one document)


def localised(row, field: str) -> str:
    return row[f"{field}_{lang}"]


def documents_tab() -> None:
    st.markdown(ctx.t("sources.documents.intro"))
    for _, doc in documents.iterrows():
        with st.container(border=True):
            st.subheader(doc["title_zh"], anchor=False)
            st.html(view.info_html([
                (ctx.t("sources.doc.title_en"), doc["title_en"]),
                (ctx.t("sources.doc.also_titled"), doc["also_titled_zh"]),
                (ctx.t("sources.doc.publisher"), doc["publisher"]),
                (ctx.t("sources.doc.published"), doc["published"]),
                (ctx.t("sources.doc.dating"), localised(doc, "dating")),
                (ctx.t("sources.doc.covers"), localised(doc, "covers")),
                (ctx.t("sources.doc.defects"), localised(doc, "defects")),
                (ctx.t("sources.doc.file"), f"seeds/{doc['file_name']}"),
            ], lang))
            st.caption(ctx.t("sources.doc.counts", lines=doc["lines"], figures=doc["figures"], flagged=doc["flagged"]))
            st.markdown(f"[{ctx.t('sources.doc.read')}]({state.link('sources', doc=doc['doc_id'], view='reader')})"
                        f" · [{ctx.t('sources.doc.explore')}]({state.link('explorer', doc=doc['doc_id'])})")


def reader_tab() -> None:
    titles = documents.set_index("doc_id")["title_zh"]
    chosen = st.selectbox(ctx.t("sources.reader.pick"), READ.choices,
                          format_func=lambda d: f"{d} · {titles[d]}", **state.widget_kwargs(READ))
    st.caption(ctx.t("sources.reader.help"))
    file_name = documents.set_index("doc_id").at[chosen, "file_name"]
    with st.container(height=560):
        st.html(view.reader_html(sources.document_text(file_name), sources.document_mentions(file_name), lang))


def datasets_tab() -> None:
    st.markdown(ctx.t("sources.datasets.intro"))
    cover = sources.coverage()
    for _, ds in sources.datasets().iterrows():
        with st.expander(f"{ds['title']} · {ds['vintage']}"):
            st.html(view.info_html([
                (ctx.t("sources.ds.publisher"), ds["publisher"]),
                (ctx.t("sources.ds.vintage"), ds["vintage"]),
                (ctx.t("sources.ds.licence"), ds["licence"]),
                (ctx.t("sources.ds.url"), ds["url"]),
                (ctx.t("sources.ds.location"), ds["location"]),
                (ctx.t("sources.ds.definition"), localised(ds, "definition")),
                (ctx.t("sources.ds.notes"), localised(ds, "notes")),
            ], lang))
            st.markdown(f"**{ctx.t('sources.ds.coverage')}**")
            st.dataframe(view.coverage_rows(cover[cover["source_id"] == ds["source_id"]], lang), hide_index=True)


def method_tab() -> None:
    st.subheader(ctx.t("sources.method.extract.title"), anchor=False)
    st.markdown(ctx.t("sources.method.extract"))
    st.subheader(ctx.t("sources.method.normalise.title"), anchor=False)
    st.markdown(ctx.t("sources.method.normalise"))
    st.dataframe(view.example_rows(sources.normalisation_examples(), lang), hide_index=True)
    st.subheader(ctx.t("sources.method.flags.title"), anchor=False)
    st.markdown(ctx.t("sources.method.flags"))
    st.html(view.info_html([(ctx.t(f"explorer.flag_name.{code}"), ctx.t(f"explorer.flag.{code}"))
                               for code in facts.FLAG_CODES], lang))
    st.subheader(ctx.t("sources.method.eu.title"), anchor=False)
    st.markdown(ctx.t("sources.method.eu"))
    st.dataframe(view.eu_rows(lang), hide_index=True)
    st.subheader(ctx.t("sources.method.conflicts.title"), anchor=False)
    st.markdown(ctx.t("sources.method.conflicts"))
    st.subheader(ctx.t("sources.method.cite.title"), anchor=False)
    st.markdown(ctx.t("sources.method.cite"))
    st.code(ctx.t("sources.method.cite.dashboard", app=ctx.t("app.title"), built=meta.get("built_at", "")),
            language=None, wrap_lines=True)
    example = sources.citation_example()
    st.markdown(ctx.t("sources.method.cite.example"))
    st.code(ctx.t("sources.method.cite.figure", title=localised(example, "title"), published=example["published"],
                  file=f"seeds/{example['file_name']}", line=example["line_no"], quote=example["quote"]),
            language=None, wrap_lines=True)


def download_tab() -> None:
    st.markdown(ctx.t("sources.download.intro"))
    built = meta.get("built_at", "")
    st.caption(ctx.t("sources.download.built", built=built, version=meta.get("schema_version", "")))
    readme = ctx.t("sources.download.readme", app=ctx.t("app.title"), built=built)
    st.download_button(ctx.t("sources.download.button"), data=lambda: downloads.zip_of_csvs(sources.warehouse_frames(), readme),
                       file_name=f"warehouse_{built[:10]}.zip", mime="application/zip", on_click="ignore",
                       icon=":material/download:", type="primary")
    counts = json.loads(meta.get("row_counts", "{}"))
    views = [v for v in sources.warehouse_views() if v in counts]
    st.dataframe({ctx.t("sources.col.view"): views, ctx.t("sources.col.rows"): [counts[v] for v in views]},
                 hide_index=True)


labels = [ctx.t(f"sources.tab.{tab}") for tab in TABS]
tabs = st.tabs(labels, default=labels[TABS.index(state.get(VIEW))])
for tab, show in zip(tabs, (documents_tab, reader_tab, datasets_tab, method_tab, download_tab)):
    with tab:
        show()
