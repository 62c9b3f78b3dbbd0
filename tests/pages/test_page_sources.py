"""Sources & method page: documents and the reader against the seed files, datasets and their coverage against
the warehouse, normalisation examples against the documents, EU aggregates, citation, and the ZIP export."""
from __future__ import annotations

import html
import io
import re
import time
import zipfile

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests import helpers as apptest

from lib.queries import sources
from lib.ui import downloads

PAGE = "pages/sources.py"
READER_LINE = re.compile(r'<div id="L(\d+)"[^>]*><span[^>]*>\d+</span>(.*?)</div>')




def run_page(lang: str = "en", **params) -> AppTest:
    return apptest.run_page(PAGE, lang, **params)


def reader(at: AppTest) -> str:
    return next(h.proto.body for h in at.tabs[1].get("html") if 'id="L' in h.proto.body)


def test_each_document_is_named_in_the_page_language(con, seed_lines):
    """The Chinese page names each document by its title as printed in it (and describes it in Chinese), the English
    page by its English title, with the printed title beside it; neither shows the other language's title alone."""
    zh, en = run_page("zh"), run_page("en")
    assert len(zh.tabs) == len(en.tabs) == 5
    zh_titles, en_titles = [h.value for h in zh.tabs[0].subheader], [h.value for h in en.tabs[0].subheader]
    zh_bodies = " ".join(h.proto.body for h in zh.tabs[0].get("html"))
    en_bodies = " ".join(h.proto.body for h in en.tabs[0].get("html"))
    rows = con.execute("SELECT file_name, title_zh, title_en, covers_zh, covers_en FROM documents ORDER BY file_name")
    for file_name, title_zh, title_en, covers_zh, covers_en in rows.fetchall():
        printed = re.sub(r"\s+", "", "".join(seed_lines[file_name]))
        assert re.sub(r"\s+", "", title_zh) in printed, f"{title_zh} is not printed in {file_name}"
        assert title_zh in zh_titles and title_en not in zh_titles and html.escape(title_en) not in zh_bodies
        assert html.escape(covers_zh) in zh_bodies and html.escape(covers_en) not in zh_bodies
        assert title_en in en_titles and title_zh not in en_titles
        assert html.escape(title_zh) in en_bodies and html.escape(covers_en) in en_bodies


def test_only_the_open_tab_is_built():
    """The tab in the URL (`view`) is built, the others are sent empty (a click on one reruns the page with it in
    the URL: tests/browser/test_browser.py)."""
    at = run_page()
    assert [bool(tab.children) for tab in at.tabs] == [True, False, False, False, False]
    at = run_page(view="method")
    assert [bool(tab.children) for tab in at.tabs] == [False, False, False, True, False]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_runs_through_the_app(lang):
    at = apptest.run_through_app("pages/sources.py", lang)
    assert len(at.tabs) == 5


def test_document_facts_come_from_the_catalogue(con):
    at = run_page("zh")
    bodies = " ".join(h.proto.body for h in at.tabs[0].get("html"))
    for defects_zh, published in con.execute("SELECT defects_zh, published FROM documents").fetchall():
        assert html.escape(defects_zh) in bodies and published in bodies
    counts = [c.value for c in at.tabs[0].caption]
    for file_name, figures in con.execute("SELECT file_name, count(*) FROM mentions GROUP BY 1").fetchall():
        assert any(f"提取数字{figures}处" in c for c in counts), file_name


@pytest.mark.parametrize("doc_id", ["002", "004"])
def test_reader_shows_the_document_with_every_figure_marked(con, seed_lines, doc_id):
    file_name = con.execute("SELECT file_name FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
    at = run_page(doc=doc_id, view="reader")
    shown = {int(n): body for n, body in READER_LINE.findall(reader(at))}
    lines = seed_lines[file_name]
    # Every non-blank line of the file, under its own number, with its text intact once the marks are removed.
    assert set(shown) == {i + 1 for i, text in enumerate(lines) if text.strip()}
    for number, body in shown.items():
        assert html.unescape(re.sub(r"<mark[^>]*>|</mark>", "", body)) == lines[number - 1]
    marked = {(int(n), html.unescape(m)) for n, body in READER_LINE.findall(reader(at))
              for m in re.findall(r"<mark[^>]*>(.*?)</mark>", body)}
    for line_no, quote in con.execute("SELECT line_no, quote FROM mentions WHERE file_name = ?", [file_name]).fetchall():
        assert any(n == line_no and (quote in m or m in quote) for n, m in marked), (line_no, quote)


def test_each_dataset_with_its_coverage_per_economy(con):
    at = run_page(view="datasets")
    datasets = con.execute("SELECT source_id, title FROM sources WHERE kind = 'dataset'").fetchall()
    expanders = at.tabs[2].expander
    assert len(expanders) == len(datasets)
    for source_id, title in datasets:
        box = next(e for e in expanders if e.label.startswith(title))
        table = box.dataframe[0].value
        expected = con.execute(
            "SELECT economy, min(year), max(year) FROM observations WHERE source_id = ? GROUP BY 1",
            [source_id]).fetchall()
        assert len(table) == len(expected)
        first_economy = table.iloc[0, 0]
        if any(e == "CHN" for e, _, _ in expected):
            assert first_economy == "China"  # CHN, USA, EUU lead
        china = next(((lo, hi) for e, lo, hi in expected if e == "CHN"), None)
        if china:
            assert table.iloc[0, 1] == (f"{china[0]}–{china[1]}" if china[0] != china[1] else str(china[0]))


def test_normalisation_examples_are_real_lines_of_the_documents(con, seed_lines):
    examples = sources.normalisation_examples()
    assert set(examples["case_id"]) == set(sources.NORMALISATION_CASES)
    for _, row in examples.iterrows():
        assert row["raw"].split("\n")[0][:3] in seed_lines[row["file_name"]][row["line_no"] - 1]
    ranged = examples[examples["case_id"] == "range"].iloc[0]
    assert ranged["value"] < ranged["value_high"]
    superscript = examples[examples["case_id"] == "lost_superscript"].iloc[0]
    mantissa, exponent = re.match(r"([\d.]+)×10(\d+)", superscript["raw"]).groups()
    assert superscript["value"] == pytest.approx(float(mantissa) * 10 ** int(exponent))
    at = run_page(view="method")
    table = at.tabs[3].dataframe[0].value
    assert list(table.iloc[:, 1]) == list(examples["raw"])


def test_eu_aggregates_table_says_how_each_dataset_forms_the_eu(con):
    at = run_page(view="method")
    eu = at.tabs[3].dataframe[1].value
    with_eu = con.execute(
        "SELECT count(DISTINCT source_id) FROM observations o JOIN sources s USING (source_id) "
        "WHERE o.economy = 'EUU' AND s.kind = 'dataset'").fetchone()[0]
    assert eu.iloc[:, 0].nunique() == with_eu
    assert eu.iloc[:, 1].str.contains("member states").any()  # a sum of members where there is no aggregate


def test_citation_uses_a_real_figure_and_the_build_date(con, seed_lines):
    at = run_page(view="method")
    codes = [c.value for c in at.tabs[3].code]
    built = con.execute("SELECT value FROM meta WHERE key = 'built_at'").fetchone()[0]
    assert any(built in c for c in codes)
    figure = next(c for c in codes if "line" in c)
    file_name, line_no, quote = re.search(r"seeds/(\S+), line (\d+): “(.+)”", figure).groups()
    assert quote in seed_lines[file_name][int(line_no) - 1]


def test_download_everything_holds_every_view_with_all_rows(con):
    started = time.perf_counter()
    archive = zipfile.ZipFile(io.BytesIO(downloads.zip_of_csvs(sources.warehouse_frames(), "readme")))
    print(f"\nwarehouse ZIP: {(time.perf_counter() - started) * 1000:.0f} ms")
    views = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                       "WHERE table_type = 'VIEW'").fetchall()]
    names = set(archive.namelist())
    assert {f"{v}.csv" for v in views} | {"meta.csv", "README.txt"} == names
    for view in views:
        frame = pd.read_csv(archive.open(f"{view}.csv"), encoding="utf-8-sig", low_memory=False)
        assert len(frame) == con.execute(f'SELECT count(*) FROM "{view}"').fetchone()[0], view
    at = run_page(view="download")
    assert at.tabs[4].get("download_button")
