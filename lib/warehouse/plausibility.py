"""Flag extracted values beyond the sanity bounds of data/catalog/plausibility.yaml (kept as printed, never corrected).

A rule fits a figure when the units agree, its sentence contains one of the rule's `context_any` words and one of
its `near_any` words stands just before the number. Several rules can fit one figure (物联网终端用户数 holds both
物联网终端 and 用户): the most specific one decides, i.e. the one whose nearby word is longest, because a longer
word names a narrower subject (IoT terminals rather than any users); ties go to the word closest to the number.
Only that rule's bound is then tested, so a figure is never judged, or explained, by another subject's rule.
"""
from __future__ import annotations

from pathlib import Path

from lib.errors import BuildError, Problem
from lib.warehouse.extract import Mention

RULE_KEYS = ("rule", "unit", "context_any", "max", "reason_en", "reason_zh")
# How many characters before the number the subject word may stand ("物联网终端用户数达1.845×1010户").
NEAR_CHARS = 15


def check_rules(rules: list[dict], path: Path) -> None:
    """Stop the build when a rule lacks a field the flagging needs, naming the rule and the field."""
    problems = []
    for i, rule in enumerate(rules or [], 1):
        missing = [k for k in RULE_KEYS if not isinstance(rule, dict) or rule.get(k) in (None, "", [])]
        if missing:
            name = rule.get("rule", f"number {i}") if isinstance(rule, dict) else f"number {i}"
            problems.append(Problem(str(path), f"rule {name} lacks {', '.join(missing)}",
                                    f"every rule needs {', '.join(RULE_KEYS)} (near_any is optional)"))
    if problems:
        raise BuildError(problems)


def _specificity(m: Mention, rule: dict) -> tuple[int, int] | None:
    """(length of the longest nearby subject word, minus its distance to the number), or None when the rule does
    not fit the figure."""
    if m.unit != rule["unit"] or not any(word in m.context for word in rule["context_any"]):
        return None
    at = m.context.find(m.raw)
    if at < 0:
        return None
    window = m.context[max(0, at - NEAR_CHARS):at]
    best = None
    for word in rule.get("near_any") or rule["context_any"]:
        found = window.rfind(word)
        if found >= 0:
            score = (len(word), -(len(window) - found - len(word)))
            best = score if best is None or score > best else best
    return best


def fitting_rule(m: Mention, rules: list[dict]) -> dict | None:
    """The most specific rule that fits the figure, whatever its value."""
    scored = [(score, -i) for i, rule in enumerate(rules) if (score := _specificity(m, rule)) is not None]
    return rules[-max(scored)[1]] if scored else None  # equal scores: the rule written first


def flag_implausible(mentions: list[Mention], rules: list[dict]) -> dict[str, dict]:
    """Flag each value above the bound of its most specific rule; returns the applied rule per mention_id."""
    applied = {}
    for m in mentions:
        rule = fitting_rule(m, rules or [])
        if rule is not None and max(m.value, m.value_high or m.value) > float(rule["max"]):
            m.flags.append("implausible")
            m.implausible_reason = rule["reason_en"]
            applied[m.mention_id] = rule
    return applied
