"""The Documents page's upload path under hostile files (issue 17): oversized files, a zip bomb posing as .docx,
hostile file names and two uploads at once. Each is refused with the file named and what to do, or added whole;
the documents folder and the serving warehouse never end up half-changed, and nothing lands outside the folder."""
from __future__ import annotations

import io
import tomllib
import zipfile
from pathlib import Path

import duckdb
import pytest

from lib.paths import ROOT
from lib.ui import uploads
from lib.warehouse import documents
from tests.helpers import at_once

SENTENCE = "2024年，全国研究与试验发展经费投入总量为36130亿元，比上年增长8.3%。\n"


@pytest.fixture()
def folders(tmp_path, monkeypatch):
    folder = tmp_path / "documents"
    monkeypatch.setenv("INDICATORS_DOCUMENTS", str(folder))
    monkeypatch.setenv("INDICATORS_DB", str(tmp_path / "warehouse.duckdb"))
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_streamlit_refuses_uploads_above_the_limit_before_holding_them():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == uploads.MAX_MB, "the browser is told the same limit as the build"


def test_an_oversized_file_is_refused_by_name(folders):
    outcome = uploads.add([("huge report.txt", b"x" * (documents.MAX_BYTES + 1))], {})
    assert not outcome.added and _files(folders) == []
    [problem] = outcome.problems
    assert problem.file == "huge report.txt" and f"above the {uploads.MAX_MB} MB limit" in problem.problem


def _docx_bomb(expanded_mb: int) -> bytes:
    """A zip with a .docx's parts whose document.xml expands to `expanded_mb` MB of one repeated character."""
    body = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxml'
            'formats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
    tail = "</w:t></w:r></w:p></w:body></w:document>"
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
             'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
             'main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", rels)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(body.encode())
            chunk = b"A" * (1024 * 1024)
            for _ in range(expanded_mb):
                part.write(chunk)
            part.write(tail.encode())
    return buffer.getvalue()


def test_a_zip_bomb_posing_as_docx_is_refused_before_it_is_expanded(folders):
    bomb = _docx_bomb(uploads.MAX_MB + 10)
    assert len(bomb) < 1024 * 1024, "small on the wire"
    outcome = uploads.add([("quarterly.docx", bomb)], {})
    assert not outcome.added and _files(folders) == []
    [problem] = outcome.problems
    assert problem.file == "quarterly.docx" and "expands to" in problem.problem, problem


HOSTILE_NAMES = ["a" * 300 + ".txt", "report\u202etxt.pdf", "报告\u200b.txt", "../escape.txt", "..\\escape.txt",
                 "/etc/cron.d/x.txt", ".hidden.txt", "line\nbreak.txt", "tab\tname.txt", "x.txt ", "nul\x00.txt",
                 "CON", "noext", "a.txt.exe"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_names_are_refused_by_name_and_nothing_leaves_the_folder(folders, tmp_path, name):
    outcome = uploads.add([(name, SENTENCE.encode("utf-8"))], {})
    assert not outcome.added, name
    [problem] = outcome.problems
    assert problem.file == name and problem.fix
    assert _files(folders) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents"], "nothing written beside the folder"


def test_two_uploads_at_once_both_arrive_and_the_warehouse_holds_both(folders):
    texts = {"first upload.txt": SENTENCE, "second upload.txt": SENTENCE.replace("36130", "36131")}
    outcomes = at_once(lambda name: uploads.add([(name, texts[name].encode("utf-8"))], {}), list(texts))
    for name in texts:
        outcome = outcomes[name]
        assert not isinstance(outcome, Exception), f"{name}: {outcome!r}"
        assert outcome.added == [name] and not outcome.problems, (name, outcome.problems)
    assert _files(folders) == sorted(texts)
    from lib.paths import warehouse_path
    from lib.warehouse import build

    with duckdb.connect(str(warehouse_path()), read_only=True) as con:
        names = {r[0] for r in con.execute("SELECT file_name FROM documents").fetchall()}
    assert set(texts) <= names, "the warehouse on disk holds both documents"
    assert not build.is_stale(), "and it is the build of the folder as it now is"
