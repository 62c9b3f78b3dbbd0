"""bench/floor_page.py (`python -m bench.floor`): every step of the reference page built up towards the overview runs
and adds what it names, so a change to the page frame or to pages/overview.py cannot quietly break the bisection."""
import pytest
from streamlit.testing.v1 import AppTest

from bench.floor import STEPS
from lib.paths import ROOT
from tests.helpers import metrics


@pytest.mark.parametrize("step", STEPS)
def test_each_floor_step_runs(step, monkeypatch):
    monkeypatch.setenv("FLOOR_STEP", step)
    at = AppTest.from_file(str(ROOT / "bench" / "floor_page.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("plotly_chart")) == 1
    assert bool(at.sidebar.multiselect) == (STEPS.index(step) >= STEPS.index("econ"))
    assert bool(metrics(at)) == (step == "cards")
