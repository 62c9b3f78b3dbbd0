"""Export pack: PNG at scale 2 on white, SVG, and a PowerPoint with one slide per chart and its source in the notes."""
import io
import struct
import zipfile

import duckdb
import pytest

from lib import export, figures
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
    return figures.lines(data, title=title, subtitle=indicator, source=source, lang=lang), source, title


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
    assert (width, height) == (figures.PRESENTATION.width * export.SCALE, figures.PRESENTATION.height * export.SCALE)
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
