"""bench/load.py's scenarios on a real server: the department scenario (readers with open tabs rerunning after a
think time) on two readers with a tiny budget, and the memory and table summaries. No timing is asserted."""
import pytest

from bench import load
from lib import serve


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    started = serve.start_server("app.py", tmp_path_factory.mktemp("load"))
    yield started
    started.stop()


def test_department_readers_open_a_session_then_rerun_it(server):
    rounds = load.run_department(server.url, ("unicorns",), "lang=en", counts=(2,), pids=[server.proc.pid], views=3,
                                 think=0.05, duration=30)
    (found,) = rounds
    assert found.sessions == 2 and not found.errors, found.errors
    first = [v for v in found.results if not v.rerun]
    again = [v for v in found.results if v.rerun]
    assert len(first) == 2 and len(again) == 4  # two readers, three views each within the budget
    assert all(v.deltas > 10 and v.seconds > 0 for v in found.results)
    # Every rerun is answered in full. Since the sections below the first screen (page.more) the first view sends
    # little besides the first screen, so a rerun that names the elements its tab holds no longer receives fewer
    # bytes than a first view (25,099 vs 24,649 on unicorns): the byte saving is reported by bench, not asserted.
    assert all(v.received > 0 for v in again)
    assert found.rss_mb > 0 and found.cpu > 0
    text = load.table(rounds, "department", department=True)
    assert "first p95" in text and "rerun p95" in text


def test_department_stops_starting_views_after_its_duration(server):
    (found,) = load.run_department(server.url, ("rd", "unicorns"), "lang=en", counts=(2,), views=50, think=0.05,
                                   duration=0.0)
    assert not found.errors, found.errors
    assert [v.rerun for v in found.results] == [False, False]  # each reader's first view, then no more


def test_a_page_that_does_not_exist_is_an_error_not_a_view(server):
    (found,) = load.run_department(server.url, ("no-such-page",), "lang=en", counts=(1,), views=2, think=0.05,
                                   duration=5)
    assert found.errors and "page not found" in found.errors[0]


def test_memory_per_added_session_is_the_difference_over_the_added_sessions():
    rounds = [load.Round(1, 1.0, rss_mb=200.0), load.Round(5, 1.0, rss_mb=201.0), load.Round(21, 1.0, rss_mb=210.0)]
    assert load.memory_per_added_session(rounds) == (21, 0.5)
    assert load.memory_per_added_session(rounds[1:]) is None  # no 1-session round to start from


def test_burst_single_round_holds_several_lone_views(server):
    rounds = load.run_rounds(server.url, "rd", "lang=en", (1, 2), [server.proc.pid], timeout=120)
    single, pair = rounds
    assert len(single.results) == load.SINGLE_VIEWS and len(pair.results) == 2
    assert not single.errors and not pair.errors, single.errors + pair.errors
    assert "p95/1" in load.table(rounds, "burst")
