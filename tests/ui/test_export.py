"""Export pack: PNG at scale 2 on white, SVG, and a PowerPoint with one slide per chart and its source in the notes."""
import io
import struct
import zipfile

import duckdb
import plotly.graph_objects as go
import pytest

from lib.ui import export, figures, state
from lib.ui.i18n import t
from lib.paths import warehouse_path

needs_chromium = pytest.mark.skipif(not export.CHROMIUM.exists(), reason="Chromium is not at /usr/bin/chromium")


def _series(lang: str):
    """The longest dataset series in the warehouse for China, the US and the EU (real data, read directly)."""
    with duckdb.connect(str(warehouse_path()), read_only=True) as con:
        indicator = con.sql("""select indicator_id from observations o join sources s using (source_id)
                               where s.kind = 'dataset' and economy in ('CHN', 'USA', 'EUU')
                               group by indicator_id order by count(*) desc, indicator_id limit 1""").fetchall()[0][0]
        data = con.execute("""select economy, year, value, unit from observations o join sources s using (source_id)
                              where s.kind = 'dataset' and indicator_id = ? and economy in ('CHN', 'USA', 'EUU')
                                and year is not null""", [indicator]).df()
    data = data[data["unit"] == data["unit"].iloc[0]]
    source = f"Source: {indicator}" if lang == "en" else f"来源：{indicator}"
    title = "Test chart" if lang == "en" else "中文标题测试"
    # A copy: builders share their figures between callers, and some tests here change theirs.
    fig = go.Figure(figures.lines(data, title=title, subtitle=indicator, source=source, lang=lang))
    return fig, source, title


@pytest.fixture(scope="module")
def pack():
    if not export.CHROMIUM.exists():
        pytest.skip("Chromium is not at /usr/bin/chromium")
    items = []
    for lang in ("zh", "en"):
        fig, source, title = _series(lang)
        items.append((export.Item(f"chart_{lang}", fig, source), title))
    zf = zipfile.ZipFile(io.BytesIO(export.pack([item for item, _ in items], "testpage")))
    return zf, items


@needs_chromium
def test_zip_holds_png_svg_per_chart_and_one_deck(pack):
    zf, _ = pack
    assert sorted(zf.namelist()) == ["chart_en.png", "chart_en.svg", "chart_zh.png", "chart_zh.svg", "testpage.pptx"]


@needs_chromium
def test_png_is_scaled_and_white(pack):
    from PIL import Image

    zf, _ = pack
    png = zf.read("chart_zh.png")
    width, height = struct.unpack(">II", png[16:24])  # IHDR
    assert (width, height) == (export.WIDTH * export.SCALE, export.HEIGHT * export.SCALE)  # 16:9, 1920 x 1080
    assert export.SCALE >= 2
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.getpixel((2, 2)) == (255, 255, 255)
    assert image.getpixel((width - 3, height - 3)) == (255, 255, 255)


@needs_chromium
def test_svg_keeps_chinese_title(pack):
    zf, items = pack
    assert items[0][1] in zf.read("chart_zh.svg").decode("utf-8")


@needs_chromium
def test_deck_has_one_slide_per_chart_with_title_and_source_notes(pack):
    from pptx import Presentation

    zf, items = pack
    prs = Presentation(io.BytesIO(zf.read("testpage.pptx")))
    slides = list(prs.slides)
    assert len(slides) == len(items)
    for slide, (item, title) in zip(slides, items):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert title in texts
        assert any(shape.shape_type == 13 for shape in slide.shapes)  # a picture
        assert item.source in slide.notes_slide.notes_text_frame.text


def test_missing_chromium_gives_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(export, "CHROMIUM", tmp_path / "no-chromium")
    fig, source, _ = _series("en")
    with pytest.raises(export.ExportUnavailable, match="apt-get install chromium"):
        export.pack([export.Item("x", fig, source)], "p")


def _definitions_in_warehouse(indicator: str, source: str, lang: str) -> tuple[str, str]:
    with duckdb.connect(str(warehouse_path()), read_only=True) as con:
        ind = con.execute(f"select definition_{lang} from indicators where indicator_id = ?", [indicator]).fetchone()[0]
        src = con.execute(f"select definition_{lang} from sources where source_id = ?", [source]).fetchone()[0]
    return ind, src


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notes_carry_the_definitions_of_the_indicators_and_datasets_drawn(lang):
    fig, source, title = _series(lang)
    indicator = fig.layout.title.subtitle.text  # _series puts the indicator id in the subtitle
    with duckdb.connect(str(warehouse_path()), read_only=True) as con:
        dataset = con.execute("select any_value(source_id) from observations where indicator_id = ? "
                              "and mention_id is null", [indicator]).fetchone()[0]
    indicator_definition, dataset_definition = _definitions_in_warehouse(indicator, dataset, lang)
    assert indicator_definition and dataset_definition
    notes = export.slide_notes(export.Item("x", fig, source, lang, (indicator,), (dataset, "doc-000")))
    assert title in notes and source in notes
    assert indicator_definition in notes and dataset_definition in notes
    assert ("定义" if lang == "zh" else "Definitions") in notes
    # the indicator's definition comes before the dataset's, each once
    assert notes.index(indicator_definition) < notes.index(dataset_definition)
    assert notes.count(dataset_definition) == 1


def test_notes_without_indicators_fall_back_to_the_subtitle():
    fig, source, _ = _series("en")
    fig.update_layout(title_subtitle_text="Share of world exports, %, 2005–2024")
    notes = export.slide_notes(export.Item("x", fig, source, "en"))
    assert "Share of world exports, %, 2005–2024" in notes
    assert "Definitions" not in notes


@needs_chromium
def test_deck_notes_hold_definitions(pack):
    """The pack's slides carry what slide_notes composes (the pack fixture gives no ids: subtitle, no definitions)."""
    from pptx import Presentation

    zf, items = pack
    prs = Presentation(io.BytesIO(zf.read("testpage.pptx")))
    for slide, (item, _) in zip(prs.slides, items):
        assert slide.notes_slide.notes_text_frame.text == export.slide_notes(item)
        assert item.fig.layout.title.subtitle.text in slide.notes_slide.notes_text_frame.text


def test_pages_register_the_indicators_and_datasets_they_draw(con):
    """The R&D page's first chart is WDI R&D intensity: its pack entry names that indicator and dataset."""
    from tests import helpers as apptest

    at = apptest.run_page("pages/rd.py", "en")
    items = at.session_state["_export_items_rd"]
    assert items and all(item.lang == "en" for item in items)
    drawn = con.execute("select distinct indicator_id, source_id from observations "
                        "where indicator_id = 'rd_intensity' and mention_id is null").fetchall()
    assert (items[0].indicators, items[0].sources) == ((drawn[0][0],), (drawn[0][1],))
    definition = con.execute("select definition_en from indicators where indicator_id = 'rd_intensity'").fetchone()[0]
    assert definition in export.slide_notes(items[0])


def test_each_slide_links_back_to_its_chart_in_the_same_view():
    """A chart's slide notes carry the address that opens that chart, with the page's selections and its view, and
    lands on it (#chart-<name>)."""
    from tests import helpers as apptest

    # A fresh visit: the chart's section is closed (page.more), yet the chart is registered with its link.
    at = apptest.run_page("pages/rd.py", "en", more="", measure="per_capita", table="rd_researchers")
    items = at.session_state["_export_items_rd"]
    researchers = next(item for item in items if item.name.startswith("rd_researchers"))
    assert researchers.link.endswith("?lang=en&measure=per_capita&table=rd_researchers#chart-rd_researchers")
    assert t("export.notes.link", "en", link=researchers.link) in export.slide_notes(researchers)


@needs_chromium
def test_a_tall_chart_keeps_its_height_and_its_proportions_on_the_slide():
    from pptx import Presentation

    fig, source, _ = _series("en")
    fig.update_layout(height=820)  # e.g. a long list of horizontal bars
    item = export.Item("tall", fig, source)
    images = export.render([item])
    width, height = struct.unpack(">II", images["tall"][0][16:24])
    assert (width, height) == (export.WIDTH * export.SCALE, 820 * export.SCALE)
    picture = next(s for s in Presentation(io.BytesIO(export.deck([item], images))).slides[0].shapes
                   if s.shape_type == 13)
    assert picture.width / picture.height == pytest.approx(width / height, rel=0.01)


@pytest.mark.parametrize("page_id", state.PAGES)
def test_every_chart_of_every_page_explains_itself_in_the_slide_notes(page_id):
    """Each chart a page registers for the export pack names indicators or datasets the warehouse defines, or says
    how its numbers were made (the gap map counts classified sentences): no slide note is only a subtitle."""
    from lib.queries.definitions import definitions
    from tests import helpers as apptest

    at = apptest.run_page(f"pages/{page_id}.py", "en")
    items = at.session_state[f"_export_items_{page_id}"] if f"_export_items_{page_id}" in at.session_state else []
    bare = [item.name for item in items if not len(definitions(item.indicators, item.sources, "en")) and not item.notes]
    assert not bare, f"slides with no definition or note on {page_id}: {bare}"
    notes = [export.slide_notes(item) for item in items]
    assert all("Definitions" in n or item.notes in n for n, item in zip(notes, items))
