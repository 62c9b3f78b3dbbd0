"""Every file a user downloads from a table (CSV, Excel, the warehouse ZIP) is written here, in one place, so what
such files must guarantee (Excel opens Chinese intact, each row carries its source, no cell becomes a formula:
lib/ui/cells.py) holds for all of them."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

import pandas as pd

from lib.ui import i18n
from lib.ui.cells import safe_cells


def frame_csv(frame: pd.DataFrame) -> bytes:
    """frame as CSV that Excel opens with Chinese intact (UTF-8 with BOM), without the index, its cells safe.

    CRLF rows: then a line break inside a cell is quoted (a bare CR would start a new row in Excel, and an "=..."
    after it would be evaluated)."""
    return safe_cells(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def csv_bytes(data: pd.DataFrame, source: str, lang: str) -> bytes:
    """The data as CSV, each row carrying the source line."""
    return frame_csv(data.assign(**{i18n.t("chart.source_column", lang): source}))


def excel_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """frame as an .xlsx workbook (xlsxwriter), header frozen and columns sized to their content."""
    buffer = io.BytesIO()
    # Text stays text: xlsxwriter would otherwise write "=..." as a live formula and "http..." as a link.
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as writer:
        safe_cells(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
        sheet_obj = writer.sheets[sheet[:31]]
        sheet_obj.freeze_panes(1, 0)
        for i, column in enumerate(frame.columns):
            longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
            sheet_obj.set_column(i, i, min(60, max(8, longest + 2)))
    return buffer.getvalue()


def zip_of_csvs(frames: Iterable[tuple[str, pd.DataFrame]], readme: str) -> bytes:
    """(name, frame) pairs as NAME.csv files in one ZIP, with a README.txt."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme)
        for name, frame in frames:
            archive.writestr(f"{name}.csv", frame_csv(frame))
    return buffer.getvalue()
