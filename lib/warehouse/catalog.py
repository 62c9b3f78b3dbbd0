"""The indicator catalog: loads data/catalog/*.yaml, resolves each hand-written figure to its extracted mention,
and binds the mentions of every document to indicators by the rules the catalog declares.

A figure entry names a file, a line and a verbatim quote; the build finds the mention whose digits lie inside
that quote and checks the extracted value. Every broken entry is collected and reported at once. The hand entries
of the seeds double as the check of the rules (binding_checks: does a rule bind the same indicator, economy, year?).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import yaml

from lib.contract import ECONOMIES, UNITS
from lib.errors import BuildError, Problem
from lib.warehouse.extract import Mention, matching_text

FIGURE_KEYS = {"indicator", "economy", "file", "line", "quote", "value", "unit"}
INDICATOR_KEYS = {"indicator_id", "topic", "name_en", "name_zh", "unit", "definition_en", "definition_zh"}


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser is ten times faster
    """A safe loader that refuses a key repeated inside one entry (plain YAML keeps the last one silently)."""

    def construct_mapping(self, node, deep=False):
        first_line: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in first_line:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' appears twice in one entry (first at line {first_line[key]})",
                    key_node.start_mark)
            first_line[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


def load_yaml(path: Path) -> list | dict:
    """Parse one catalog file; a syntax error names the file and line."""
    if not path.exists():
        raise BuildError(Problem(path.name, "the catalog file is missing", "Restore it from git."))
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BuildError(Problem(f"data/catalog/{path.name}", f"YAML syntax error: {getattr(exc, 'problem', exc)}",
                                 "Fix the entry at that line.", line=mark.line + 1 if mark else None))


def _entry_line(text_lines: list[str], index: int, marker: str = "- ") -> int | None:
    """Best-effort line number of the index-th list item in a YAML file (for error messages)."""
    seen = -1
    for no, line in enumerate(text_lines, start=1):
        if line.startswith(marker):
            seen += 1
            if seen == index:
                return no
    return None


def load_indicators(path: Path) -> list[dict]:
    entries = load_yaml(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = []
    first_at: dict[str, int | None] = {}
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        indicator_id = (entry or {}).get("indicator_id")
        if indicator_id in first_at:
            problems.append(Problem(f"data/catalog/{path.name}", f"indicator_id '{indicator_id}' is defined twice "
                                    f"(first at line {first_at[indicator_id]})", "Keep one entry.",
                                    line=_entry_line(lines, i)))
        first_at.setdefault(indicator_id, _entry_line(lines, i))
        missing = INDICATOR_KEYS - set(entry or {})
        if missing:
            problems.append(Problem(f"data/catalog/{path.name}", f"indicator entry lacks {sorted(missing)}",
                                    "Add the missing fields.", line=_entry_line(lines, i)))
        elif entry["unit"] not in UNITS:
            problems.append(Problem(f"data/catalog/{path.name}", f"unit '{entry['unit']}' is not canonical",
                                    f"Use one of {sorted(UNITS)}.", line=_entry_line(lines, i)))
    if not isinstance(entries, list):
        problems.append(Problem(f"data/catalog/{path.name}", "expected a list of indicators"))
    if problems:
        raise BuildError(problems)
    return entries


def resolve_figures(path: Path, mentions: dict[tuple[str, int], list[Mention]], seed_lines: dict[str, list[str]],
                    indicator_ids: set[str]) -> list[dict]:
    """Each figure entry joined to its mention; raises BuildError listing every broken entry."""
    entries = load_yaml(path)
    yaml_lines = path.read_text(encoding="utf-8").splitlines()
    where = f"data/catalog/{path.name}"
    problems: list[Problem] = []
    resolved: list[dict] = []
    starts = [no for no, line in enumerate(yaml_lines, start=1) if line.startswith("- ")]  # each entry's line
    for i, entry in enumerate(entries):
        at = starts[i] if i < len(starts) else None
        entry = entry or {}
        missing = FIGURE_KEYS - set(entry)
        if missing:
            problems.append(Problem(where, f"figure entry lacks {sorted(missing)}", "Add the missing fields.", at))
            continue
        label = f"{entry['indicator']}/{entry['economy']} ({entry['file']}:{entry['line']})"
        if entry["indicator"] not in indicator_ids:
            problems.append(Problem(where, f"{label}: indicator '{entry['indicator']}' is not defined",
                                    "Define it in document_indicators.yaml or external.yaml.", at))
            continue
        if entry["economy"] not in ECONOMIES or entry["unit"] not in UNITS:
            problems.append(Problem(where, f"{label}: economy or unit outside the vocabulary",
                                    f"Use economies {sorted(ECONOMIES)} and units {sorted(UNITS)}.", at))
            continue
        lines = seed_lines.get(entry["file"])
        if lines is None:
            problems.append(Problem(where, f"{label}: document {entry['file']} is not in seeds/",
                                    "Fix the file name or restore the document.", at))
            continue
        line_no = int(entry["line"])
        text = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
        quote = str(entry["quote"])
        col = text.find(quote)
        if col < 0:
            problems.append(Problem(where, f"{label}: quote «{quote}» is no longer on line {line_no} of "
                                    f"{entry['file']}", "Update the line number or quote to the document.", at))
            continue
        inside = [m for m in mentions.get((entry["file"], line_no), [])
                  if m.char_start < col + len(quote) and m.char_end > col]
        want = float(entry["value"])
        match = [m for m in inside if abs(m.value - want) <= 1e-9 * max(1.0, abs(want)) and m.unit == entry["unit"]]
        if not match:
            got = ", ".join(f"{m.value:g} {m.unit}" for m in inside) or "no number"
            problems.append(Problem(where, f"{label}: catalog says {want:g} {entry['unit']} but the extractor "
                                    f"found {got} inside «{quote}»",
                                    "Correct the catalog value/unit, or fix the extractor if it misreads the text.", at))
            continue
        if len(match) > 1 and entry.get("entity") is None:
            match = [m for m in match if m.entity in (entry["economy"], None)] or match
        resolved.append({**entry, "mention": match[0]})
    if problems:
        raise BuildError(problems)
    return resolved


# --- binding figures to indicators by declared rules ----------------------------------------------------------
# Each indicator in document_indicators.yaml may carry `bind:`, a list of rules. A rule binds a mention when
#   unit      the mention's unit equals it (default: the indicator's unit)
#   measure   the mention's printed measure word ends with one of these (家, 万家 ...), if given
#   words     every word appears in the sentence up to the end of the number's clause (世界|全球: either one)
#   near      one of these appears in the number's own clause (between commas/semicolons)
#   topic     every word appears in the passage: the number's line and the six lines above it (a sentence
#             that continues the previous one: "专利是…关键变量。从2018年的7.5万件增长至…")
#   not       none of these appears in that clause (新增 / 新上榜 are not a total count)
#   nth       the number is the nth of its unit in its clause ("产销分别完成了A辆和B辆": production 1, sales 2)
#   economy   whose figure it is: `entity` (the extractor's subject, default), a code (WLD), or a mapping from
#             the subject to a code (a company to its home economy)
#   year      `mention` (the figure's year or the end of its period, default), `start` (start of its period) or
#             `stated` (only a year the figure's own sentence states: a product's specification or a standing
#             share is not a statistic of whatever year the passage around it names)
# When several rules fit, the most specific wins (the most characters of declared words matched), then the
# first in the file. A figure printed without a year takes the year its passage names (see _carried_year).
# Years the text writes as a span up to its own present (2019年以来, 自2018年起, 2015年至今) end at that present:
# the last full year before publication, as for a figure printed without any year.
# A growth rate between two dated levels (预计2030年达到A，并以30%的增速上涨，到2035年达到B) is the rate of the span
# between them, not of the first year.
_CLAUSE_BREAK = "，,；;。：:！？"
_YEAR_IN_TEXT = re.compile(r"(?P<y>(?:19|20)\d{2})[\s?]*年(?!代)")
_TITLES = re.compile(r"《[^》]*》(?:[（(][^）)]*[）)])?")  # a title and the year printed after it
# The subject rule: a figure whose subject the extractor had to assume (China, in these Chinese documents) is bound
# only if its passage does not speak of a smaller or another place (全县 2015年地区生产总值 is a county's figure).
_OTHER_SUBJECT = re.compile(r"(?:全|本|我|该)(?:县|市|省|区|州|镇|乡|港|澳)|香港|澳门|澳門|台湾|台灣|新加坡|马来西亚|馬來西亞|"
                            r"[\u4e00-\u9fff]{2,4}(?:省|自治区)(?:的|全省)")
_SINCE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年(?:以来|起|开始|至今)")
_SPAN_START = re.compile(r"(?:从|由)[^到至，,；;。]{0,6}$")  # 从不足5%到…: the value where the span starts
_LATER_YEAR = re.compile(r"(?:到|至)\s*(?P<y>(?:19|20)\d{2})\s*年")
_RATE = re.compile(r"增速|增长率|增幅|年均增长")
_UNDATED = re.compile(r"近年来|近几年|未来|连续多年|多年来|长期以来")
_FORECAST = ("预计", "预测", "将达", "将增", "将突破", "有望", "到20")
RULE_KEYS = {"unit", "measure", "words", "near", "topic", "not", "nth", "economy", "year"}
YEAR_RULES = {"mention", "start", "stated"}


def load_rules(indicators: list[dict]) -> list[dict]:
    """The binding rules of every indicator, in file order, each with its id (`indicator_id` or `indicator_id.N`)."""
    rules, problems = [], []
    for entry in indicators:
        declared = entry.get("bind") or []
        for n, rule in enumerate(declared, start=1):
            rule_id = entry["indicator_id"] if len(declared) == 1 else f"{entry['indicator_id']}.{n}"
            unknown = set(rule) - RULE_KEYS
            if unknown or not (rule.get("words") or rule.get("near") or rule.get("topic")):
                problems.append(Problem("data/catalog/document_indicators.yaml", f"rule {rule_id}: "
                                        + (f"unknown keys {sorted(unknown)}" if unknown else "declares no words"),
                                        f"Use keys {sorted(RULE_KEYS)}, with words, near or topic."))
                continue
            if rule.get("year", "mention") not in YEAR_RULES:
                problems.append(Problem("data/catalog/document_indicators.yaml", f"rule {rule_id}: year "
                                        f"'{rule['year']}' is not a year rule", f"Use one of {sorted(YEAR_RULES)}."))
                continue
            rules.append({"id": rule_id, "indicator": entry["indicator_id"], "unit": rule.get("unit", entry["unit"]),
                          "measure": tuple(rule.get("measure") or ()), "words": tuple(rule.get("words") or ()),
                          "near": tuple(rule.get("near") or ()), "not": tuple(rule.get("not") or ()),
                          "topic": tuple(rule.get("topic") or ()),
                          "nth": rule.get("nth"), "economy": rule.get("economy", "entity"),
                          "year": rule.get("year", "mention"), "order": len(rules)})
    if problems:
        raise BuildError(problems)
    return rules


@lru_cache(maxsize=4096)
def _breaks(sentence: str) -> list[int]:
    """Where the clause punctuation of a sentence sits (computed once per sentence: its mentions share it)."""
    return [i for i, ch in enumerate(sentence) if ch in _CLAUSE_BREAK]


def _clause(sentence: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause holding position `pos` (between two of ，；。：！？ and their ASCII forms)."""
    breaks = _breaks(sentence)
    k = bisect_left(breaks, pos)
    start = breaks[k - 1] + 1 if k > 0 else 0
    return start, breaks[k] if k < len(breaks) else len(sentence)


def _positions(mentions: list[Mention]) -> dict[str, int]:
    """Where each mention's printed number starts in its sentence (`context`), the k-th occurrence for the k-th
    mention of the same text in one sentence."""
    seen: dict[tuple[str, str, str], int] = {}
    where = {}
    for m in mentions:  # in line order, as the extractor returns them
        key = (m.file_name, m.context, m.raw)
        k = seen.get(key, 0)
        pos = -1
        for _ in range(k + 1):
            pos = m.context.find(m.raw, pos + 1)
        seen[key] = k + 1
        where[m.mention_id] = pos
    return where


def _present(published: str | None) -> int | None:
    """The text's own present: the last full year before publication (a report of March 2023 speaks of 2022)."""
    return int(str(published)[:4]) - 1 if published and str(published)[:4].isdigit() else None


def _named_year(match: re.Match, present: int | None) -> int:
    """The year a match of _YEAR_IN_TEXT names: a span up to now (2019年以来) ends at the text's present."""
    year = int(match["y"])
    since = _SINCE.match(match.string, match.start())
    return max(year, present) if since and present else year


def _carried_year(lines: list[str], line_no: int, published: str | None) -> tuple[int | None, str]:
    """A figure printed without a year: the last year its passage names (the number's line and the nine non-blank
    lines above it, years in titles 《…》（2023年） left out), never after publication; if the passage names none,
    the last full year before publication (an editorial of March 2023 reports 全年 figures of 2022)."""
    limit = int(str(published)[:4]) if published and str(published)[:4].isdigit() else None
    passage, seen = [], 0
    for no in range(line_no, 0, -1):
        if lines[no - 1].strip():
            passage.insert(0, lines[no - 1].strip())
            seen += 1
            if seen == 10:
                break
    text = _TITLES.sub("", "".join(passage))
    present = _present(published)
    years = [_named_year(y, present) for y in _YEAR_IN_TEXT.finditer(text) if limit is None or int(y["y"]) <= limit]
    if years:
        return years[-1], "passage"
    return (present, "published") if limit else (None, "")


# How a bound figure got its year (binding_checks.detail and the observation's note say it).
YEAR_SOURCES = {
    "extractor": ("the year the extractor read in its sentence", "抽取器在句中读到的年份"),
    "since": ("a span its sentence starts (以来, 起) up to the text's present", "句中所述起始年至成文时的时段"),
    "rate span": ("the span between the two dated levels around the rate", "增速前后两个有年份的数值之间的时段"),
    "this year": ("今年 in a dated text: its year of publication", "有日期的文本中的“今年”，即发表年份"),
    "passage": ("carried from the text above", "取自上文"),
    "published": ("the last full year before publication", "发表前的最后一个完整年份"),
    "span start": ("none: the value a span starts from (从A增长至B), which the text does not date",
                   "无：时段起点的数值（从A增长至B），原文未注明其年份"),
    "undated": ("none: its clause calls it recent, future or many years long", "无：所在分句称近年、未来或多年"),
    "stated only": ("none: the rule takes only a year the sentence states", "无：该规则只取句中所述年份"),
    "none": ("none: neither the text nor the document gives one", "无：文本和文件都未给出"),
}


def _year(rule: dict, m: Mention, lines: list[str], published: str | None, clause: str = "", before: str = "",
          after: str = "") -> tuple[int | None, str | None, str]:
    """The year, period and how they were found (a YEAR_SOURCES key) of mention `m` bound by `rule`; `clause` is
    its clause, `before` its sentence before the number, `after` the sentence after the number's clause."""
    if _UNDATED.search(clause) and not _YEAR_IN_TEXT.search(clause):
        return None, None, "undated"  # "近年来…70所", "未来将…投入", "连续多年保持世界第一": the text gives no date
    if m.year:
        first, _, last = str(m.year).partition("-")
        how = "extractor"
        if not last:
            named = [y for y in _YEAR_IN_TEXT.finditer(before) if y["y"] == first]
            present = _present(published)
            if (named and present and present > int(first) and _SINCE.match(before, named[-1].start())
                    and not _SPAN_START.search(before)):
                return present, f"{first}-{present}", "since"  # 2019年以来…全球第一: from 2019 to the text's present
            later = _LATER_YEAR.search(after)
            if later and int(later["y"]) > int(first) and _RATE.search(clause) and not _YEAR_IN_TEXT.search(clause):
                last, how = later["y"], "rate span"  # the rate of growth from one dated level to the next
        return int(first if rule["year"] == "start" else (last or first)), f"{first}-{last}" if last else first, how
    if "今年" in before + clause + after and published and str(published)[:4].isdigit():
        return int(str(published)[:4]), str(published)[:4], "this year"  # "this year" of a dated report is its year
    if rule["year"] == "stated":
        return None, None, "stated only"
    if _SPAN_START.search(before):
        return None, None, "span start"  # 截至2022年…从2.5万亿元增长至9.5万亿元: 2.5 is not the figure of 2022
    carried, how = _carried_year(lines, m.line_no, published) if lines else (None, "")
    return carried, (str(carried) if carried else None), how or "none"


def _simplified(text: str) -> str:
    """`text` in Simplified characters with ASCII digits, as long as the printed text (extract.matching_text)."""
    return matching_text(text, [0]) if text else text


def _passage(lines: list[str], line_no: int) -> str:
    return "".join(lines[max(0, line_no - 7):line_no])


def match_rule(m: Mention, pos: int, rules: list[dict], same_unit_before: int, passage: str = "",
               sentence: str | None = None) -> dict | None:
    """The rule that binds mention `m` (its number at `pos` in its sentence), or None. `sentence`: its sentence
    in Simplified characters (default the sentence as printed), which the declared words are written in."""
    if pos < 0 or m.qualifier == "top":
        return None  # "前六位": the size of a group ("the top six"), not any one member's rank
    sentence = m.context if sentence is None else sentence
    c_start, c_end = _clause(sentence, pos)
    clause, upto = sentence[c_start:c_end], sentence[:c_end]
    measure = m.measure or ""
    best = None
    for rule in rules:  # cheapest tests first: most rules fail on unit, measure or their clause words
        if rule["unit"] != m.unit or (rule["measure"] and not measure.endswith(rule["measure"])):
            continue
        if rule["nth"] and rule["nth"] != same_unit_before + 1:
            continue
        near = [w for w in rule["near"] if w in clause]
        if (rule["near"] and not near) or any(w in clause for w in rule["not"]):
            continue
        if not all(any(a in upto for a in w.split("|")) for w in rule["words"]):
            continue
        if rule["topic"] and not all(w in upto or w in passage for w in rule["topic"]):
            continue
        score = (sum(map(len, rule["words"] + rule["topic"])) + max(map(len, near), default=0)
                 + bool(rule["measure"]) + bool(rule["nth"]), -rule["order"])
        if best is None or score > best[0]:
            best = (score, rule)
    return best[1] if best else None


def _economy(rule: dict, entity: str | None) -> str | None:
    how = rule["economy"]
    if isinstance(how, dict):
        return how.get(entity)
    code = entity if how == "entity" else how
    return code if code in ECONOMIES else None


def _check_detail(reason: str, auto: dict | None, hand: dict, year: int | None, refused: str | None) -> str | None:
    """Why a rule's binding differs from the hand entry, in words a reader of binding_checks can act on."""
    if reason == "reproduced":
        return None
    if auto is None:
        return refused or "no rule's words, unit and measure word fit the sentence"
    if reason != "rule gives another year":
        return f"rule {auto['rule_id']} binds {auto['indicator']}/{auto['economy']}"
    m = auto["mention"]
    got = f"rule year {auto['year'] or 'none'}: {YEAR_SOURCES[auto['year_source']][0]}"
    if auto["year_source"] == "extractor" and year is not None:
        # The extractor's year is what the sentence prints; when the hand entry differs, either the extractor
        # misread the sentence's date (an extractor year defect) or the hand entry corrects the text (its note).
        got += f" ({m.year}; extractor year defect unless the hand note corrects the text)"
    note = hand.get("note_en")
    return f"{got}; hand year {year or 'none'}" + (f" ({note})" if note else "")


def bind_document(mentions: list[Mention], rules: list[dict], lines: list[str], published: str | None
                  ) -> tuple[dict[str, dict], dict[str, str]]:
    """The rules' bindings of one document's mentions (mention_id -> figure) and, for mentions a rule recognised
    but bound to nothing, why. Depends on that document alone, so the build caches it per document."""
    positions = _positions(mentions)
    by_unit: dict[str, list[dict]] = {}
    for rule in rules:
        by_unit.setdefault(rule["unit"], []).append(rule)
    automatic: dict[str, dict] = {}
    refused: dict[str, str] = {}  # mention_id -> why a rule that recognised it bound nothing
    clause_units: dict[tuple, int] = {}
    simplified: dict[str, str] = {}
    for m in mentions:
        pos = positions[m.mention_id]
        c_start, c_end = _clause(m.context, max(pos, 0))
        key = (m.context, c_start, m.unit)
        before = clause_units.get(key, 0)
        clause_units[key] = before + 1
        candidates = by_unit.get(m.unit, [])
        if not candidates:
            continue
        # The rules' words are Simplified: a Traditional text (獨角獸) is matched in Simplified characters, offset
        # for offset with the printed sentence (extract.matching_text keeps the length), and with ASCII digits.
        sentence = simplified.get(m.context)
        if sentence is None:
            sentence = simplified[m.context] = _simplified(m.context)
        needs_passage = "subject_assumed" in m.flags or any(r["topic"] for r in candidates)
        passage = _simplified(_passage(lines, m.line_no)) if needs_passage else ""
        rule = match_rule(m, pos, candidates, before, passage, sentence)
        if rule is None:
            continue
        economy = _economy(rule, m.entity)
        if "subject_assumed" in m.flags and _OTHER_SUBJECT.search(passage):
            refused[m.mention_id] = f"rule {rule['id']} fits, but the passage speaks of another place (subject rule)"
            continue  # no economy named, and the text is about a county, a city or another place
        if economy is None:
            refused[m.mention_id] = (f"rule {rule['id']} fits, but the subject the extractor found ({m.entity}) "
                                     "is no economy of the vocabulary and the rule maps none")
            continue
        clause = sentence[c_start:c_end]
        year, period, how = _year(rule, m, lines, published, sentence[:c_end][-len(clause) - 6:],
                                  sentence[:max(pos, 0)], sentence[c_end:])
        how_en, how_zh = YEAR_SOURCES[how]
        automatic[m.mention_id] = {
            "indicator": rule["indicator"], "economy": economy, "year": year, "period": period,
            "value": m.value, "value_high": m.value_high, "unit": m.unit, "mention": m,
            "kind": "forecast" if any(w in clause for w in _FORECAST) else None,
            "implausible": "implausible" in m.flags, "rule_id": rule["id"], "binding": f"rule:{rule['id']}",
            "year_source": how,
            "note_en": f"Bound automatically by rule {rule['id']}" + ("" if how == "extractor" else
                                                                      f"; year: {how_en}"),
            "note_zh": f"按规则 {rule['id']} 自动归入" + ("" if how == "extractor" else f"；年份：{how_zh}"),
        }
    return automatic, refused


def bind_all(figures: list[dict], automatic: dict[str, dict], refused: dict[str, str]
             ) -> tuple[list[dict], "pd.DataFrame"]:
    """Every document figure: the hand entries of document_figures.yaml (binding 'catalog') and, for every other
    mention a rule recognises (`automatic`, from bind_document), the rule's binding ('rule:<id>'). Also the check
    of each hand entry against the rules: does a rule bind its mention to the same indicator, economy and year?"""
    import pandas as pd

    bound, checks, by_hand = [], [], set()
    for f in figures:
        m = f["mention"]
        by_hand.add(m.mention_id)
        auto = automatic.get(m.mention_id)
        year = int(f["year"]) if f.get("year") is not None else (int(str(f["period"])[-4:]) if f.get("period")
                                                                  else None)
        same = bool(auto) and (auto["indicator"], auto["economy"], auto["year"]) == (f["indicator"], f["economy"],
                                                                                     year)
        reason = ("reproduced" if same else "no rule recognises the sentence" if not auto else
                  "rule binds another indicator" if auto["indicator"] != f["indicator"] else
                  "rule gives another economy" if auto["economy"] != f["economy"] else "rule gives another year")
        detail = _check_detail(reason, auto, f, year, refused.get(m.mention_id))
        checks.append({"indicator_id": f["indicator"], "economy": f["economy"], "year": year,
                       "mention_id": m.mention_id, "file_name": m.file_name, "line_no": m.line_no,
                       "rule_id": auto["rule_id"] if auto else None, "rule_indicator": auto and auto["indicator"],
                       "rule_economy": auto and auto["economy"], "rule_year": auto and auto["year"],
                       "year_source": auto and auto["year_source"], "extracted_year": m.year,
                       "agrees": same, "reason": reason, "detail": detail})
        bound.append({**f, "binding": "catalog", "rule_id": auto["rule_id"] if same else None})
    bound += [b for mention_id, b in automatic.items() if mention_id not in by_hand]
    frame = pd.DataFrame(checks, columns=["indicator_id", "economy", "year", "mention_id", "file_name", "line_no",
                                          "rule_id", "rule_indicator", "rule_economy", "rule_year", "year_source",
                                          "extracted_year", "agrees", "reason", "detail"])
    for column in ("year", "rule_year"):
        frame[column] = frame[column].astype("Int64")
    return bound, frame
