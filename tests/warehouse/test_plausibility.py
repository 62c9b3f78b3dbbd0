"""Plausibility flags on real seed lines: the rule that fits the figure decides and gives the reason."""
from __future__ import annotations

import pytest
import yaml

from lib.errors import BuildError
from lib.paths import CATALOG_DIR, SEEDS_DIR
from lib.warehouse.extract import extract_document
from lib.warehouse.plausibility import check_rules, fitting_rule, flag_implausible

RULES_PATH = CATALOG_DIR / "plausibility.yaml"
RULES = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
RULE = {r["rule"]: r for r in RULES}


@pytest.fixture(scope="module")
def mentions_000():
    mentions = extract_document(next(SEEDS_DIR.glob("000_*.txt")), "000")
    return mentions, flag_implausible(mentions, RULES)


def find(mentions, line_no, text):
    hits = [m for m in mentions if m.line_no == line_no and text in m.quote]
    assert len(hits) == 1, [m.quote for m in mentions if m.line_no == line_no]
    return hits[0]


def test_subscribers_above_population_are_flagged_not_corrected(mentions_000):
    mentions, applied = mentions_000
    users = find(mentions, 480, "5.61×109户")  # 5G用户达5.61×109户: the superscript 8 became 9
    assert users.value == pytest.approx(5.61e9) and "implausible" in users.flags
    assert applied[users.mention_id]["rule"] == "subscribers_above_population"
    assert users.implausible_reason == RULE["subscribers_above_population"]["reason_en"]


def test_iot_terminals_get_their_own_reason_not_the_5g_subscriber_text(mentions_000):
    # 000:484 物联网终端用户数达1.845×1010户 is in the same sentence as 5G用户 and holds 用户 too; the IoT rule names
    # the subject more narrowly (物联网终端), so it decides and explains.
    mentions, applied = mentions_000
    iot = find(mentions, 484, "1.845×1010户")
    assert "implausible" in iot.flags
    assert applied[iot.mention_id]["rule"] == "iot_terminals_implausible"
    assert "5G" not in iot.implausible_reason and "subscribers" not in iot.implausible_reason


def test_figures_within_their_rule_or_fitting_none_are_left_alone(mentions_000):
    mentions, _ = mentions_000
    racks = find(mentions, 490, "6.5×106架")
    assert fitting_rule(racks, RULES) is None and "implausible" not in racks.flags
    stations = find(mentions, 480, "2.312×106个")  # 5G base stations: a count in the 5G sentence, no subject word
    assert "implausible" not in stations.flags


def test_a_rule_without_a_reason_stops_the_build():
    broken = [dict(r) for r in RULES]
    del broken[1]["reason_zh"]
    with pytest.raises(BuildError, match="rule subscribers_above_population lacks reason_zh"):
        check_rules(broken, RULES_PATH)
    check_rules(RULES, RULES_PATH)


def test_the_warehouse_keeps_the_rule_and_both_reasons(con):
    rows = con.execute("""SELECT line_no, flag_rule, flag_reason, flag_reason_zh FROM mentions
                          WHERE file_name LIKE '000%' AND line_no IN (480, 484) AND contains(flags, 'implausible')
                          ORDER BY line_no""").fetchall()
    assert [(r[0], r[1]) for r in rows] == [(480, "subscribers_above_population"), (484, "iot_terminals_implausible")]
    assert rows[1][3] == RULE["iot_terminals_implausible"]["reason_zh"]
