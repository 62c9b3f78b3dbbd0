"""Documents: every document in the warehouse with its metadata and counts, adding documents from the browser
(checked, then the warehouse rebuilt while the previous one serves), removing an added one, one indicator as
several documents state it over time, and the conflicts between all documents."""
import pandas as pd
import streamlit as st

from lib.ui import citations, page, state, uploads
from lib.ui.document_figures import series_view
from lib.ui.i18n import economy_name, field, format_value, t, unit_label
from lib.queries import documents


# ---------------------------------------------------------------- sections, built once per selection (page.memo)
@page.memo
def listing() -> tuple:
    """(every document with its counts, the indicators several documents state)."""
    return documents.overview(), documents.series_indicators()


@page.memo
def documents_rows(lang: str):
    """The documents table: chosen columns under headers in `lang`, the file's facts and the counts each summed up
    in one column on screen (every column of its own stays in the table's CSV: IN_CSV_ONLY names them)."""
    docs = listing()[0]
    table = docs.assign(origin=[t(f"documents.origin.{o}", lang) for o in docs["origin"]],
                        publisher=[field(row, "publisher", lang) for _, row in docs.iterrows()])
    table["file_facts"] = [
        t("documents.file_facts", lang, origin=r.origin, format=r.format, encoding=r.encoding, lines=r.line_count)
        + (t("documents.file_facts.pages", lang, pages=int(r.pages)) if pd.notna(r.pages) else "")
        + (t("documents.file_facts.inferred", lang, fields=r.inferred) if isinstance(r.inferred, str) and r.inferred
           else "") for r in table.itertuples()]
    table["counts"] = [t("documents.counts", lang, figures=r.figures, bound=r.bound, automatic=r.automatic, gaps=r.gaps,
                         conflicts=r.conflicts) for r in table.itertuples()]
    # The title as printed (Chinese for a Chinese text) and the English one where the catalog gives one, each labelled;
    # the location (seeds/003_90f3….txt) goes to the CSV, not on screen (lib/ui/tables.py).
    # English before Chinese on the English page: the grid wraps a Latin cell drawn after Chinese ones too late
    # (it guesses the characters per line from the text measured before), so the English title would be cut.
    titles = ("title_en", "title") if lang == "en" else ("title", "title_en")
    columns = {"doc_id": "id", **{k: k for k in titles}, "publisher": "publisher",
               "published": "published", "file_facts": "file_facts", "counts": "counts", "origin": "origin",
               "inferred": "inferred", "format": "format", "encoding": "encoding", "pages": "pages",
               "line_count": "lines", "figures": "figures", "bound": "bound", "automatic": "automatic", "gaps": "gaps",
               "conflicts": "conflicts"}
    headers = {k: t(f"documents.col.{v}", lang) for k, v in columns.items()} | {"location": t("cite.col.location", lang)}
    table = table.assign(title_en=table["title_en"].where(table["title_en"] != table["title"]))
    return table[list(headers)].rename(columns=headers)


@page.memo
def controls(lang: str) -> dict:
    """What the page's controls and notes read on every run, made once per language: the indicators several
    documents state (ids; their names and "name (N documents)" labels), the added documents (file name: title) and
    the files the last build left out (file, problem, fix)."""
    docs, stated = listing()
    added = docs[docs["origin"] == "added"]
    names = dict(zip(stated["indicator_id"], stated[f"name_{lang}"]))
    return {"indicators": tuple(stated["indicator_id"]), "names": names,
            "labels": {i: f"{names[i]} ({n})" for i, n in zip(stated["indicator_id"], stated["documents"])},
            "added": dict(zip(added["file_name"], added["title"])),
            "left_out": tuple(documents.problems().itertuples(index=False))}


# Columns of the documents table summed up on screen by its File and In the text columns: in its CSV only.
IN_CSV_ONLY = ("origin", "inferred", "format", "encoding", "pages", "lines", "figures", "bound", "automatic", "gaps",
               "conflicts")


@page.memo
def series_section(indicator_id: str, name: str, lang: str, present: bool) -> dict | None:
    """page.chart arguments for one indicator as every document states it; None when none does."""
    data = documents.series(indicator_id)
    if data.empty:
        return None
    return series_view(data, name=name, indicator_id=indicator_id, lang=lang, present=present)


def defect_note(row, names: dict, lang: str) -> str:
    """What a likely defect is, in the reader's words: which document and line printed the odd figure and what it
    most likely is (the warehouse's own note names mention ids and prints floats, so it is not shown)."""
    if row["kind"] != "likely defect" or not isinstance(row["defect_doc_id"], str):
        return ""
    return t("documents.conflicts.defect", lang, document=names[row["defect_doc_id"]], line=int(row["defect_line"]),
             printed=row["defect_raw"], likely=format_value(row["likely_value"], row["unit"], lang))


@page.memo
def conflict_rows(lang: str):
    """The conflicts between documents as shown (no internal ids); None when there are none."""
    data = documents.conflicts()
    if data.empty:
        return None
    names = {row["doc_id"]: citations.document_name(row, lang) for _, row in listing()[0].iterrows()}
    shown = data.assign(
        indicator=data[f"name_{lang}"], economy=[economy_name(c, lang) for c in data["economy"]],
        kind=[t(f"documents.kind.{k.replace(' ', '_')}", lang) for k in data["kind"]],
        unit=[unit_label(u, lang) for u in data["unit"]],
        note=[defect_note(row, names, lang) for _, row in data.iterrows()],
        documents=[citations.join([names[d] for d in ids.split(",")], lang) for ids in data["doc_ids"]],
        location=data["file_names"])
    # The figures as each document printed them (2.312×106个; 231.2万个), not the stored floats (2.312e+06).
    shown["values"] = shown["printed"]
    columns = ["kind", "indicator", "economy", "year", "values", "unit", "documents", "note"]  # no internal ids
    headers = {c: t(f"documents.conflicts.col.{c}", lang) for c in columns} | {"location": t("cite.col.location", lang)}
    return shown[list(headers)].rename(columns=headers)


ctx = page.setup("documents")
lang = ctx.lang
shown_controls = controls(lang)
IND = state.choice("ind", shown_controls["indicators"] or ("fiveg_base_stations",))
OUTCOME = "_documents_outcome"


def show_outcome() -> None:
    outcome = st.session_state.pop(OUTCOME, None)
    if not outcome:
        return
    if outcome.added:
        st.success(ctx.t("documents.added", files=", ".join(outcome.added)))
    if outcome.removed:
        st.success(ctx.t("documents.removed", files=", ".join(outcome.removed)))
    for problem in outcome.problems:
        st.error(ctx.t("documents.not_added", problem=str(problem)))


def progress_bar():
    bar = st.progress(0.0, text=ctx.t("documents.rebuild.start"))
    return lambda share, what: bar.progress(min(share, 1.0), text=ctx.t("documents.rebuild.step", what=what))


def documents_table() -> None:
    st.subheader(ctx.t("documents.list.title"), anchor=False)
    st.caption(ctx.t("documents.list.help"))
    # blanks, not None, where a document has no page count or inferred field
    # The Chinese page names a document by its printed title; the English one is in the CSV.
    in_csv = IN_CSV_ONLY + (("title_en",) if lang == "zh" else ())
    page.table(documents_rows(lang), lang, key="documents", hidden=[t(f"documents.col.{c}", lang) for c in in_csv])
    for row in shown_controls["left_out"]:
        st.warning(ctx.t("documents.left_out", file=row.file, problem=row.problem, fix=row.fix))


def upload_form() -> None:
    st.subheader(ctx.t("documents.upload.title"), anchor=False)
    st.caption(ctx.t("documents.upload.help", mb=uploads.MAX_MB, formats=", ".join(uploads.FORMATS)))
    with st.form("upload", clear_on_submit=True, border=True):
        formats = ", ".join(f.upper() for f in uploads.FORMATS)
        files = page.file_uploader(ctx.t("documents.upload.files", mb=uploads.MAX_MB), key="upload_files",
                                   browse=ctx.t("documents.upload.browse"),
                                   instructions=ctx.t("documents.upload.drop", mb=uploads.MAX_MB, formats=formats),
                                   type=list(uploads.FORMATS), accept_multiple_files=True)
        left, right = st.columns(2)
        meta = {
            "title": left.text_input(ctx.t("documents.meta.title"), help=ctx.t("documents.meta.title.help")),
            "publisher": right.text_input(ctx.t("documents.meta.publisher")),
            "published": left.text_input(ctx.t("documents.meta.published"), placeholder="2025-03"),
            "url": right.text_input(ctx.t("documents.meta.url")),
        }
        submitted = st.form_submit_button(ctx.t("documents.upload.button"), icon=":material/upload_file:")
    if submitted:
        if not files:
            st.warning(ctx.t("documents.upload.none"))
            return
        chosen = [(f.name, f.getvalue()) for f in files]
        st.session_state[OUTCOME] = uploads.add(chosen, meta, progress=progress_bar())
        st.rerun()


def remove_form() -> None:
    names = shown_controls["added"]
    if not names:
        return
    st.subheader(ctx.t("documents.remove.title"), anchor=False)
    chosen = st.selectbox(ctx.t("documents.remove.pick"), list(names), format_func=lambda n: f"{n} · {names[n]}")
    if st.button(ctx.t("documents.remove.button"), icon=":material/delete:"):
        st.session_state[OUTCOME] = uploads.remove(chosen, progress=progress_bar())
        st.rerun()


def series_chart(opened: bool) -> None:
    """Closed (page.more), only the chart's anchor and export entry: the picker and the legend are not sent."""
    if not shown_controls["indicators"]:
        st.info(ctx.t("documents.series.none"))
        return
    labels = shown_controls["labels"]
    chosen = state.get(IND) if not opened else \
        st.selectbox(ctx.t("documents.series.pick"), IND.choices, format_func=lambda i: labels.get(i, i),
                     **state.widget_kwargs(IND))
    shown = series_section(chosen, shown_controls["names"][chosen], lang, ctx.present)
    if shown is None:
        st.info(ctx.t("documents.series.none"))
        return
    page.chart(**shown)
    if opened:
        st.caption(ctx.t("documents.series.legend"))


def conflicts_table(opened: bool) -> None:
    """Closed (page.more), nothing: the grid holds no statement to land on (page.table)."""
    if not opened:
        return
    st.caption(ctx.t("documents.conflicts.help"))
    shown = conflict_rows(lang)
    if shown is None:
        st.info(ctx.t("documents.conflicts.none"))
        return
    page.table(shown, lang, key="conflicts")


show_outcome()
documents_table()
if not ctx.present:
    upload_form()
    remove_form()
# Below the first screen: the chart and the grid of conflicts are drawn once their section is opened (page.more).
with page.more("documents_series", ctx.t("documents.series.title")) as opened:
    series_chart(opened)
with page.more("documents_conflicts", ctx.t("documents.conflicts.title"), icon=":material/compare_arrows:") as opened:
    conflicts_table(opened)
