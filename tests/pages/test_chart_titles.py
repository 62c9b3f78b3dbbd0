"""Chart titles say what the chart shows (issue 16): every chart on every topic page, in both languages and in
presentation mode, states a finding with its numbers, computed from the data drawn, not only the measure's name;
and a wrapped title never leaves a word or a character alone on a line."""
from __future__ import annotations

import json
import re

import pytest

from tests import helpers as apptest

from lib.contract import measure
from lib.ui.figures import display_width
from lib.ui.i18n import t

PAGES = ("overview", "rd", "unicorns", "digital_services", "four_chains", "documents")
# The narrowest a wrapped title line may be: three Chinese characters or six Latin letters.
SHORTEST_LINE = 6


def titles(at) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in at.get("plotly_chart")]


def lines(title: str) -> list[str]:
    return re.sub(r"</?b>", "", title).split("<br>")


def flat(title: str, lang: str) -> str:
    return ("" if lang == "zh" else " ").join(lines(title))


@pytest.mark.parametrize("present", [False, True])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_title_states_a_finding_with_its_numbers_and_no_line_alone(page, lang, present):
    params = {"present": "1"} if present else {}
    drawn = titles(apptest.run_page(f"pages/{page}.py", lang, **params))
    assert drawn, page
    for title in drawn:
        # A finding names a number (a value, ratio, count or year); a measure's name alone has none.
        assert re.search(r"\d", title), title
        widths = [display_width(line) for line in lines(title)]
        assert len(widths) == 1 or min(widths) >= SHORTEST_LINE, (title, widths)


def gerd(db, economy: str) -> dict[int, float]:
    m = measure("gerd_ppp")
    return dict(db.execute("""SELECT year, value FROM observations WHERE indicator_id = ? AND source_id = ?
                              AND economy = ? AND mention_id IS NULL""",
                           [m["indicator_id"], m["source_id"], economy]).fetchall())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rd_titles_state_china_against_the_us_and_growth_computed_from_the_warehouse(db, lang):
    china, usa, eu = gerd(db, "CHN"), gerd(db, "USA"), gerd(db, "EUU")
    year = max(set(china) & set(usa) & set(eu))
    drawn = [flat(title, lang) for title in titles(apptest.run_page("pages/rd.py", lang))]
    # Document 003's figure 7 rebuilt: China's spending as a share of the US's in the latest year.
    share = f"{100 * china[year] / usa[year]:.0f}%"
    figure7 = next(title for title in drawn if share in title and str(year) in title)
    assert f"{100 * china[year] / eu[year]:.0f}%" in figure7
    # The growth chart (total spending, the default): each economy's growth in that year, one decimal.
    growth = next(title for title in drawn if t("rd.chart.absolute.title", lang) in title and str(year) in title)
    for spending in (china, usa, eu):
        assert f"{100 * (spending[year] / spending[year - 1] - 1):.1f}%" in growth, growth
