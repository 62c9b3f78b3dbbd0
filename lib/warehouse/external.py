"""Load the public datasets in data/external/ into warehouse-ready tables, as data/catalog/external.yaml describes.

Each CSV is read once, as text, and checked as a whole: every problem of every file (missing file or column, text
where a number belongs, a duplicate economy/indicator/year) is collected and raised together in one BuildError that
names the file, the CSV line (1-based, header = line 1) and the column. No row is dropped silently: a row of a series
file that no catalog series reads is itself a problem.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from lib.warehouse.catalog import INDICATOR_KEYS, UNITS, load_yaml
from lib.errors import BuildError, Problem
from lib.paths import CATALOG_DIR, EXTERNAL_DIR, ROOT
from lib.contract import MONEY_UNITS

TOPICS = {"rd", "digital_services", "unicorns"}
# A dataset's facts shown on screen come in both languages: `title` (the dataset's name), `publisher`, `vintage`
# and `licence` in English, each with its `_zh` twin (the publisher's own Chinese name where it has one), and the
# citation a source line gives, in full and short (cite_en/_zh, cite_short_en/_zh).
SOURCE_KEYS = ("source_id", "title", "publisher", "vintage", "licence", "title_zh", "publisher_zh", "vintage_zh",
               "licence_zh", "cite_en", "cite_zh", "cite_short_en", "cite_short_zh", "location", "url",
               "definition_en", "definition_zh", "notes_en", "notes_zh")
SERIES_FILE_COLUMNS = ("economy_code", "indicator_code", "year", "value", "source_commit")
READ_KINDS = ("file", "share_of", "unicorn_measure")
UNICORN_MEASURES = ("count", "share", "valuation_total")
UNICORN_FIELDS = ("company", "country", "valuation", "date_joined", "year_founded", "industry", "city",
                  "company_link", "snapshot")
# A valuation is printed as "$220B", "$467M", "$0" or "$225.00 " (billions, per the column header).
VALUATION_PATTERN = r"^\$?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<suffix>[BMK]?)$"
VALUATION_SUFFIX = {"B": 1e9, "M": 1e6, "K": 1e3}

INDICATOR_COLUMNS = ["indicator_id", "topic", "name_en", "name_zh", "unit", "definition_en", "definition_zh"]
OBSERVATION_COLUMNS = ["indicator_id", "economy", "year", "value", "unit", "source_id", "mention_id", "note",
                       "note_zh"]
UNICORN_COLUMNS = ["company", "country", "economy", "eu27", "valuation_usd", "date_joined", "year_founded",
                   "industry", "city", "company_link", "source_id", "snapshot", "line_no"]
# How many bad rows of one kind a file reports before summing up the rest in one line.
MAX_ROWS_REPORTED = 10


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


class _Inputs:
    """Reads each CSV under the external folder once, as text, and collects problems instead of stopping."""

    def __init__(self, external_dir: Path):
        self.dir = Path(external_dir)
        self.problems: list[Problem] = []
        self._tables: dict[str, pd.DataFrame | None] = {}
        self._series: dict[str, pd.DataFrame | None] = {}
        self.claimed: dict[str, set[str]] = {}  # file -> indicator codes some series reads

    def name(self, rel: str) -> str:
        return _display(self.dir / rel)

    def add(self, rel: str, problem: str, fix: str, line: int | None = None, column: str | None = None) -> None:
        self.problems.append(Problem(self.name(rel), problem, fix, line=line, column=column))

    def bad_rows(self, rel: str, lines: pd.Series, details, column: str | None, problem: str, fix: str) -> None:
        """One problem per bad line (the first few of them); `problem` is formatted with that line's detail."""
        lines = list(lines)
        for line, detail in list(zip(lines, details))[:MAX_ROWS_REPORTED]:
            self.add(rel, problem.format(detail), fix, line=int(line), column=column)
        if len(lines) > MAX_ROWS_REPORTED:
            self.add(rel, f"... and {len(lines) - MAX_ROWS_REPORTED} more lines with the same problem", fix,
                     column=column)

    def table(self, rel: str, required) -> pd.DataFrame | None:
        """The CSV as text with a `_line` column, or None (problem recorded) if it or a required column is missing."""
        if rel not in self._tables:
            path = self.dir / rel
            if not path.is_file():
                self.add(rel, "the file is missing", "Restore it from git (data/catalog/external.yaml reads it).")
                self._tables[rel] = None
            else:
                self._tables[rel] = self._read(rel, path)
        frame = self._tables[rel]
        if frame is None:
            return None
        missing = [c for c in required if c and c not in frame.columns]
        for column in missing:
            self.add(rel, f"the column '{column}' is missing (found: {', '.join(frame.columns[:-1])})",
                     "Restore the original header row.", line=1, column=column)
        return None if missing else frame

    def _read(self, rel: str, path: Path) -> pd.DataFrame | None:
        """The CSV as text, or None with a located problem: empty, not UTF-8, a row with too many or too few fields."""
        data = path.read_bytes()
        restore = "Restore it from git (data/catalog/external.yaml reads it)."
        if not data.strip():
            self.add(rel, "the file is empty", restore, line=1)
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
            line_start = data.rfind(b"\n", 0, start) + 1
            self.add(rel, f"byte 0x{data[start]:02X} at byte {start - line_start + 1} of the line is not UTF-8 (the file "
                     "was probably saved as Latin-1 or Windows-1252)",
                     "Save it as UTF-8 (e.g. iconv -f latin1 -t utf-8), or restore it from git.",
                     line=data.count(b"\n", 0, start) + 1)
            return None
        reader = csv.reader(io.StringIO(text))
        try:
            header = next(reader)
            # (line, fields) of every non-blank row whose field count is not the header's
            ragged = [(reader.line_num, len(row)) for row in reader if row and len(row) != len(header)]
        except csv.Error as exc:
            self.add(rel, f"the file is not readable as CSV ({exc})", restore, line=reader.line_num)
            return None
        self.bad_rows(rel, [line for line, _ in ragged], [n for _, n in ragged], None,
                      f"the row has {{}} fields, the header has {len(header)}",
                      "Quote a field that contains a comma (\"a, b\"), or remove the extra or add the missing field.")
        if ragged:
            return None
        # Blank lines are kept (as empty rows) so that line numbers stay true and nothing vanishes unseen.
        frame = pd.read_csv(io.StringIO(text), dtype=object, keep_default_na=False, skip_blank_lines=False)
        frame["_line"] = frame.index + 2  # no field in these files spans lines
        return frame

    def check_range(self, rel: str, rows: pd.DataFrame, unit: str, scale: float) -> bool:
        """Shares lie in 0-100 and money and counts are never negative; each value outside is a located problem."""
        values = rows["value"] * scale
        if unit == "percent":
            bad, rule = (values < 0) | (values > 100), "{:g} is outside 0-100, and the series is a percentage"
        elif unit in MONEY_UNITS or unit == "count":
            bad, rule = values < 0, "{:g} is negative, and the series is an amount in " + unit
        else:
            return True
        self.bad_rows(rel, rows.loc[bad, "_line"], rows.loc[bad, "value"], "value", rule,
                      "Restore the value as the source prints it (a sign or decimal point may have slipped).")
        return not bad.any()

    def numbers(self, rel: str, text: pd.Series, lines: pd.Series, column: str, integer: bool = False) -> pd.Series:
        """Parse a text column to floats; every cell that is not a number (or not whole, if integer) is a problem."""
        values = pd.to_numeric(text.str.strip(), errors="coerce")
        bad = values.isna() | (integer & (values % 1 != 0))
        kind = "a whole number" if integer else "a number"
        self.bad_rows(rel, lines[bad], text[bad], column, "'{}' is not " + kind,
                      f"Write {kind} in plain digits, as the source prints it.")
        # "inf", "-Infinity" or 1e309 (beyond a double) parse as infinite: stored and drawn, they would break charts.
        endless = values.notna() & ~np.isfinite(values.astype("float64"))
        self.bad_rows(rel, lines[endless], text[endless], column, "'{}' is not a finite number",
                      "Restore the value as the source prints it; no indicator is that large.")
        return values.where(~endless)

    def series_file(self, rel: str) -> pd.DataFrame | None:
        """A long-format series file with `year` (int) and `value` (float) parsed and its keys checked once."""
        if rel in self._series:
            return self._series[rel]
        frame = self.table(rel, SERIES_FILE_COLUMNS)
        if frame is not None:
            found = len(self.problems)
            years = self.numbers(rel, frame["year"], frame["_line"], "year", integer=True)
            values = self.numbers(rel, frame["value"], frame["_line"], "value")
            # One file may hold several vintages of a code (the cross-check file), told apart by their commit.
            key = ["economy_code", "indicator_code", "year", "source_commit"]
            repeated = frame.duplicated(key, keep=False)
            if repeated.any():
                repeated = frame[repeated]
                first_line = repeated.groupby(key)["_line"].transform("min")
                later = repeated[repeated["_line"] != first_line]
                details = ("(" + later[key].agg(", ".join, axis=1) + "), first on line "
                           + first_line[later.index].astype(str))
                self.bad_rows(rel, later["_line"], details, None, "duplicate economy/indicator/year/commit {}",
                              "Keep one row per economy, indicator, year and source commit.")
            if len(self.problems) > found:
                frame = None
            else:
                kept = [c for c in ("economy_code", "indicator_code", "source_commit", "unit", "_line")
                        if c in frame.columns]
                frame = frame[kept].assign(year=years.astype("int64"), value=values.astype("float64"))
        self._series[rel] = frame
        return frame

    def series_rows(self, rel: str, codes: list[str], unit_in_file: str | None,
                    commits: dict[str, str]) -> pd.DataFrame | None:
        """The rows of these codes with a `source_id` column: the catalog source whose commit the row records."""
        frame = self.series_file(rel)
        self.claimed.setdefault(rel, set()).update(codes)
        if frame is None:
            return None
        rows = frame[frame["indicator_code"].isin(codes)]
        if rows.empty:
            self.add(rel, f"no row has indicator_code {' or '.join(codes)}",
                     "Correct the indicator_code in data/catalog/external.yaml or restore the file.")
            return None
        rows = rows.assign(source_id=rows["source_commit"].map(commits))
        stray = rows["source_id"].isna()
        twice = rows.duplicated(["economy_code", "year", "source_id"], keep="first")
        if stray.any() or twice.any():
            self.bad_rows(rel, rows.loc[stray, "_line"], rows.loc[stray, "source_commit"], "source_commit",
                          f"commit '{{}}' is not the location commit of {' or '.join(sorted(set(commits.values())))}",
                          "Correct the source's location in data/catalog/external.yaml, or restore the row.")
            self.bad_rows(rel, rows.loc[twice, "_line"], rows.loc[twice, "indicator_code"], "indicator_code",
                          "a second value for the same economy, year and source (code {})",
                          "Give each indicator code its own series in data/catalog/external.yaml.")
            return None
        if unit_in_file is not None:
            if "unit" not in rows.columns:
                self.add(rel, "the column 'unit' is missing", "Restore the original header row.", line=1, column="unit")
                return None
            wrong = rows[rows["unit"] != unit_in_file]
            self.bad_rows(rel, wrong["_line"], wrong["unit"], "unit", f"the unit is '{{}}', not '{unit_in_file}', so "
                          "the scale would be wrong",
                          "Restore the original value and unit, or correct unit_in_file and scale in the catalog.")
            if not wrong.empty:
                return None
        return rows

    def check_unclaimed(self) -> None:
        """Every row of a series file belongs to some series: a code nobody reads would vanish unseen."""
        for rel, codes in self.claimed.items():
            frame = self._series.get(rel)
            if frame is None:
                continue
            stray = frame[~frame["indicator_code"].isin(codes)]
            for code, rows in stray.groupby("indicator_code"):
                self.add(rel, f"{len(rows)} rows have indicator_code '{code}', which no series in "
                              "data/catalog/external.yaml reads", "Add a series for it or remove the rows.",
                         line=int(rows["_line"].min()), column="indicator_code")


def _read_catalog(path: Path):
    # libyaml's C loader is ten times faster than the pure-Python one; the shared loader words any error.
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError):
        return load_yaml(path)


def _catalog_problems(catalog: dict, catalog_path: Path) -> list[Problem]:
    """Entries of external.yaml that lack a field or point at nothing, each with its line in the YAML."""
    name = _display(catalog_path)
    lines = catalog_path.read_text(encoding="utf-8").splitlines()

    def at(needle: str) -> int | None:
        return next((no for no, line in enumerate(lines, 1) if needle in line), None)

    problems = []
    for key in ("sources", "series", "unicorn_lists", "unicorn_economies", "eu27", "countries", "note_templates"):
        if not catalog.get(key):
            problems.append(Problem(name, f"the section '{key}:' is missing or empty", "Restore it from git."))
    if problems:
        return problems
    source_ids = set()
    for source in catalog["sources"]:
        missing = [k for k in SOURCE_KEYS if k not in source]
        location = source.get("location") or {}
        missing += [f"location.{k}" for k in ("repository", "path", "commit") if k not in location]
        source_ids.add(source.get("source_id"))
        if missing:
            problems.append(Problem(name, f"source '{source.get('source_id')}' lacks {missing}",
                                    "Add the missing fields (url may be null).", line=at(f"{source.get('source_id')}")))
    seen = set()
    for series in catalog["series"]:
        sid = series.get("indicator_id")
        line = at(f"indicator_id: {sid}")
        read = series.get("read") or {}
        kinds = [k for k in READ_KINDS if k in read]
        missing = sorted(INDICATOR_KEYS - set(series))
        if missing:
            problems.append(Problem(name, f"series '{sid}' lacks {missing}", "Add the missing fields.", line=line))
        if series.get("unit") not in UNITS:
            problems.append(Problem(name, f"series '{sid}' has unit '{series.get('unit')}'",
                                    f"Use a canonical unit: {sorted(UNITS)}.", line=line))
        if series.get("topic") not in TOPICS:
            problems.append(Problem(name, f"series '{sid}' has topic '{series.get('topic')}'",
                                    f"Use one of {sorted(TOPICS)}.", line=line))
        if len(kinds) != 1:
            problems.append(Problem(name, f"series '{sid}' must be read in exactly one way, found {kinds or 'none'}",
                                    f"Give read: exactly one of {list(READ_KINDS)}.", line=line))
        elif kinds != ["unicorn_measure"] and not set(_listed(series.get("source_id"))) <= source_ids:
            problems.append(Problem(name, f"series '{sid}' names source '{series.get('source_id')}', not in sources:",
                                    "Use a source_id listed under sources:.", line=line))
        elif kinds == ["share_of"] and read["share_of"] not in seen:
            problems.append(Problem(name, f"series '{sid}' is a share of '{read['share_of']}', not listed before it",
                                    "List the series it divides before it.", line=line))
        elif kinds == ["unicorn_measure"] and read["unicorn_measure"] not in UNICORN_MEASURES:
            problems.append(Problem(name, f"series '{sid}' has unicorn_measure '{read['unicorn_measure']}'",
                                    f"Use one of {list(UNICORN_MEASURES)}.", line=line))
        if sid in seen:
            problems.append(Problem(name, f"indicator_id '{sid}' is listed twice", "Keep one entry.", line=line))
        seen.add(sid)
    for spec in catalog["unicorn_lists"]:
        missing = [f for f in UNICORN_FIELDS if f not in (spec.get("columns") or {})]
        if spec.get("source_id") not in source_ids or missing or "file" not in spec:
            problems.append(Problem(name, f"unicorn list '{spec.get('source_id')}' needs a source listed under "
                                          f"sources:, a file and columns for {list(UNICORN_FIELDS)}",
                                    "Complete the entry (null where the list has no such column).",
                                    line=at(f"source_id: {spec.get('source_id')}")))
    return problems


def _note(derived: tuple[str | None, str | None], extra: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The observation note in both languages: 'derived: <formula>' and any economy-specific remark."""
    parts = []
    for lang in (0, 1):
        bits = []
        if derived[lang]:
            bits.append(("derived: " if lang == 0 else "推算:") + derived[lang])
        if extra:
            bits.append(extra[lang])
        parts.append("; ".join(bits) if bits else None)
    return parts[0], parts[1]


def _templated(templates: dict, name: str, **fields) -> tuple[str, str]:
    """A note from note_templates in external.yaml, in English and Chinese."""
    return templates[f"{name}_en"].format(**fields), templates[f"{name}_zh"].format(**fields)


def _eu_sum(inputs: _Inputs, rel: str, codes: list[str], unit_in_file, commits: dict[str, str], scale: float,
            eu27: list[str], templates: dict, unit: str) -> pd.DataFrame | None:
    """EUU rows as the sum of the 27 member states, each year noting which members are missing."""
    members = inputs.series_rows(rel, codes, unit_in_file, commits)
    if members is None or not inputs.check_range(rel, members, unit, scale):
        return None
    outside = members[~members["economy_code"].isin(eu27)]
    inputs.bad_rows(rel, outside["_line"], outside["economy_code"], "economy_code", "'{}' is not an EU member",
                    "Only the 27 member states listed under eu27: in data/catalog/external.yaml belong here.")
    if not outside.empty:
        return None
    rows = []
    for (year, source_id), group in members.groupby(["year", "source_id"]):
        missing = sorted(set(eu27) - set(group["economy_code"]))
        if missing:
            extra = _templated(templates, "eu_sum_partial", n=len(eu27) - len(missing), total=len(eu27),
                               missing=", ".join(missing))
        else:
            extra = _templated(templates, "eu_sum", total=len(eu27))
        rows.append({"economy": "EUU", "year": int(year), "value": float(group["value"].sum()) * scale,
                     "source_id": source_id, "extra": extra})
    return pd.DataFrame(rows)


def _listed(value) -> list:
    return value if isinstance(value, list) else [value]


def _file_series(inputs: _Inputs, series: dict, catalog: dict) -> pd.DataFrame | None:
    read = series["read"]
    codes = _listed(read["indicator_code"])
    # Each row names the commit it was read from; that commit decides which catalog source it belongs to.
    commits = {s["location"]["commit"]: s["source_id"] for s in catalog["sources"]
               if s["source_id"] in _listed(series["source_id"])}
    rows = inputs.series_rows(read["file"], codes, read.get("unit_in_file"), commits)
    scale = float(read.get("scale", 1))
    if rows is None or not inputs.check_range(read["file"], rows, series["unit"], scale):
        return None
    frame = pd.DataFrame({"economy": rows["economy_code"], "year": rows["year"], "value": rows["value"] * scale,
                          "source_id": rows["source_id"], "extra": None})
    if read.get("eu_sum_from"):
        if (frame["economy"] == "EUU").any():
            inputs.add(read["file"], "the file already has EUU rows, and eu_sum_from would add a second EU",
                       "Remove eu_sum_from from the series in data/catalog/external.yaml.")
            return None
        eu = _eu_sum(inputs, read["eu_sum_from"], codes, read.get("unit_in_file"), commits, scale,
                     catalog["eu27"], catalog["note_templates"], series["unit"])
        if eu is None:
            return None
        frame = pd.concat([frame, eu], ignore_index=True)
    return frame


def _share_series(series: dict, built: dict[str, pd.DataFrame]) -> pd.DataFrame | None:
    """Value / the world (WLD) value of the same series and year x 100; EU notes carry over."""
    base = built.get(series["read"]["share_of"])
    if base is None:
        return None
    world = base.loc[base["economy"] == "WLD", ["year", "source_id", "value"]].rename(columns={"value": "world"})
    frame = base[base["economy"] != "WLD"].merge(world, on=["year", "source_id"], how="inner")
    if series["read"].get("from_year") is not None:
        frame = frame[frame["year"] >= int(series["read"]["from_year"])]
    return frame.assign(value=frame["value"] / frame["world"] * 100).drop(columns="world")


def _read_unicorn_list(inputs: _Inputs, spec: dict, countries: dict, eu27: set[str]) -> pd.DataFrame | None:
    """One row per company, with valuation in US$, dates parsed and the country mapped to ISO3."""
    rel, columns = spec["file"], spec["columns"]
    frame = inputs.table(rel, list(columns.values()))
    if frame is None:
        return None
    found = len(inputs.problems)
    lines = frame["_line"]

    def text(field: str) -> pd.Series:
        column = columns[field]
        return frame[column].str.strip() if column else pd.Series([None] * len(frame), index=frame.index, dtype=object)

    # Valuation: number times its suffix (B/M/K) or, without one, the list's scale.
    printed = text("valuation")
    parts = printed.str.replace(",", "", regex=False).str.extract(VALUATION_PATTERN)
    number = pd.to_numeric(parts["number"], errors="coerce")
    multiplier = parts["suffix"].map(VALUATION_SUFFIX).fillna(float(spec.get("valuation_scale", 1)))
    inputs.bad_rows(rel, lines[number.isna()], printed[number.isna()], columns["valuation"],
                    "valuation '{}' is not an amount like $220B or $1.20", "Restore the value as the list prints it.")
    # A printed "$0" (Webull on the Crunchbase board) means unknown, not worthless: leave it empty.
    valuation = (number * multiplier).where(number > 0)

    country = text("country")
    unknown = (country != "") & ~country.isin(list(countries))
    inputs.bad_rows(rel, lines[unknown], country[unknown], columns["country"], "country '{}' has no ISO3 code",
                    "Add it under countries: in data/catalog/external.yaml (null for no economy).")
    economy = country.map(lambda name: countries.get(name) if name else None)

    joined = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if columns["date_joined"]:
        printed_date = text("date_joined")
        parsed = pd.to_datetime(printed_date, format=spec["date_format"], errors="coerce")
        bad = parsed.isna() & (printed_date != "")
        inputs.bad_rows(rel, lines[bad], printed_date[bad], columns["date_joined"],
                        "date '{}' is not " + spec["date_format"], "Restore the date as the list prints it.")
        joined = parsed.dt.date.astype(object).where(parsed.notna(), None)

    founded = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    if columns["year_founded"]:
        printed_year = text("year_founded")
        numbers = inputs.numbers(rel, printed_year[printed_year != ""], lines[printed_year != ""],
                                 columns["year_founded"], integer=True)
        founded = numbers.reindex(frame.index).astype("Int64")

    snapshot = text("snapshot")
    values = sorted(set(snapshot))
    if len(values) != 1 or not pd.Series(values).str.fullmatch(r"\d{4}-\d{2}").all():
        inputs.add(rel, f"snapshot_date should be one YYYY-MM value for the whole list, found {values[:5]}",
                   "Restore the snapshot_date column.", line=2, column=columns["snapshot"])
    if len(inputs.problems) > found:
        return None
    return pd.DataFrame({
        "company": text("company"), "country": frame[columns["country"]].replace("", None), "economy": economy,
        "eu27": economy.isin(eu27), "valuation_usd": valuation.astype("float64"), "date_joined": joined,
        "year_founded": founded, "industry": text("industry").replace("", None),
        "city": text("city").replace("", None), "company_link": text("company_link").replace("", None),
        "source_id": spec["source_id"], "snapshot": snapshot,
        "line_no": lines.astype("int64"),
    }, columns=UNICORN_COLUMNS)


def _unicorn_summary(companies: pd.DataFrame, catalog: dict) -> pd.DataFrame:
    """Per list and economy: count, share of the whole list and total valuation (year = the snapshot year)."""
    templates, eu_size = catalog["note_templates"], len(catalog["eu27"])
    rows = []
    for source_id, listed in companies[["source_id", "snapshot", "economy", "eu27", "valuation_usd"]].groupby(
            "source_id", sort=False):
        total = len(listed)
        for economy in catalog["unicorn_economies"]:
            if economy == "WLD":
                chosen = listed
                extra = _templated(templates, "unicorn_world", total=total, blank=int(listed["economy"].isna().sum()))
            elif economy == "EUU":
                chosen, extra = listed[listed["eu27"]], _templated(templates, "eu_sum", total=eu_size)
            else:
                chosen, extra = listed[listed["economy"] == economy], None
            rows.append({"economy": economy, "year": int(listed["snapshot"].iloc[0][:4]), "source_id": source_id,
                         "count": float(len(chosen)), "share": len(chosen) / total * 100,
                         "valuation_total": float(chosen["valuation_usd"].sum()), "extra": extra})
    return pd.DataFrame(rows)


def load_external(external_dir: Path = EXTERNAL_DIR,
                  catalog_path: Path = CATALOG_DIR / "external.yaml") -> dict[str, pd.DataFrame]:
    """The public datasets as tables: indicators, sources, observations, unicorns. Raises BuildError on bad input."""
    catalog_path = Path(catalog_path)
    catalog = _read_catalog(catalog_path)
    problems = _catalog_problems(catalog if isinstance(catalog, dict) else {}, catalog_path)
    if problems:
        raise BuildError(problems)
    inputs = _Inputs(external_dir)
    eu27 = set(catalog["eu27"])

    lists = [_read_unicorn_list(inputs, spec, catalog["countries"], eu27) for spec in catalog["unicorn_lists"]]
    companies = None if any(x is None for x in lists) else pd.concat(lists, ignore_index=True)
    unicorn_summary = None if companies is None else _unicorn_summary(companies, catalog)

    built: dict[str, pd.DataFrame] = {}
    observations = []
    for series in catalog["series"]:
        read = series["read"]
        if "file" in read:
            frame = _file_series(inputs, series, catalog)
        elif "share_of" in read:
            frame = _share_series(series, built)
        elif unicorn_summary is not None:
            frame = unicorn_summary.rename(columns={read["unicorn_measure"]: "value"})
        else:
            frame = None
        if frame is None:
            continue
        built[series["indicator_id"]] = frame
        derived = (read.get("derived"), read.get("derived_zh"))
        notes = [_note(derived, extra) for extra in frame["extra"]]
        observations.append(pd.DataFrame({
            "indicator_id": series["indicator_id"], "economy": frame["economy"].to_numpy(),
            "year": frame["year"].astype("int64").to_numpy(), "value": frame["value"].astype("float64").to_numpy(),
            "unit": series["unit"],
            "source_id": frame["source_id"].to_numpy(),
            "mention_id": None, "note": [n[0] for n in notes], "note_zh": [n[1] for n in notes],
        }, columns=OBSERVATION_COLUMNS))
    inputs.check_unclaimed()
    if inputs.problems:
        raise BuildError(inputs.problems)

    indicators = pd.DataFrame([{**{k: s[k] for k in INDICATOR_COLUMNS}, "family": s.get("family", "primary")}
                               for s in catalog["series"]])
    sources = pd.DataFrame([{k: s[k] for k in SOURCE_KEYS} for s in catalog["sources"]])
    sources["location"] = [f"{loc['repository']}: {loc['path']} @ {loc['commit']}" for loc in sources["location"]]
    sources.insert(1, "kind", "dataset")
    observations = pd.concat(observations, ignore_index=True)
    # Typed as text (all NULL) so the column unions with the documents' mention ids.
    observations["mention_id"] = pd.Series([None] * len(observations), dtype="str")
    return {"indicators": indicators.assign(origin="dataset"), "sources": sources, "observations": observations,
            "unicorns": companies}
