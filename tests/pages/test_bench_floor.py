"""bench/floor_page.py (`python -m bench.floor`): every step of the reference page built up towards the overview (and
of pages/four_chains.py and pages/digital_services.py cut at their marks) runs and adds what it names, so a change to
the page frame, to pages/overview.py, pages/four_chains.py or pages/digital_services.py cannot quietly break the
bisection."""
import pytest
from streamlit.testing.v1 import AppTest

from bench.floor import DIGITAL_MARKS, FOUR_CHAINS_MARKS, STEPS
from lib.paths import ROOT
from tests.helpers import metrics


@pytest.mark.parametrize("step", STEPS)
def test_each_floor_step_runs(step, monkeypatch):
    monkeypatch.setenv("FLOOR_STEP", step)
    at = AppTest.from_file(str(ROOT / "bench" / "floor_page.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if step in FOUR_CHAINS_MARKS:  # the four chains ladder: its scorecard, then its gap map
        assert len(at.get("plotly_chart")) == 1 + (STEPS.index(step) >= STEPS.index("fc_gapmap"))
        assert len(at.selectbox) == 2 * (STEPS.index(step) >= STEPS.index("fc_selects"))
        assert not at.dataframe  # every grid of the first screen is in a closed section
        sections = ("fc_industrial", "fc_grid", "fc_all")  # each adds a closed section
        assert len(at.expander) == sum(STEPS.index(step) >= STEPS.index(s) for s in sections)
        return
    if step in DIGITAL_MARKS:  # the digital services ladder: its controls, then the shares and exports charts
        assert len(at.get("plotly_chart")) == 2 * (STEPS.index(step) >= STEPS.index("ds_first"))
        assert len(at.slider) == 1 and not at.dataframe
        sections = ("ds_claims", "ds_ranking", "ds_all")  # each adds a closed section or expander
        assert len(at.expander) == sum(STEPS.index(step) >= STEPS.index(s) for s in sections)
        return
    assert len(at.get("plotly_chart")) == 1
    assert bool(at.sidebar.multiselect) == (STEPS.index(step) >= STEPS.index("econ"))
    assert bool(metrics(at)) == (step == "cards")
