"""Any document a user adds (data/documents/: .txt .md .pdf .docx, optional NAME.yaml sidecar) as numbered lines.

Each format becomes a list of text lines the extractor reads like a seed: text files in whatever encoding
charset-normalizer detects (recorded), PDFs from their text layer with the page and line of every line kept,
Word files paragraph by paragraph. Metadata comes from the sidecar or is inferred from the text and marked so.
Every bad input raises BuildError naming the file and what to do; nothing about a rejected file enters the build.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lib.errors import BuildError, Problem

FORMATS = (".txt", ".md", ".pdf", ".docx")
MAX_MB = 50  # a 300-page report is a few MB; anything far larger is a scan or an archive, not text we can cite
MAX_BYTES = MAX_MB * 1024 * 1024
SIDECAR_KEYS = ("title", "title_zh", "title_en", "publisher", "published", "language", "url")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m>\d{1,2})\s*月|-(?P<m2>\d{1,2})-\d{1,2})")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!代)")
_BAD_NAME = re.compile(r"[/\\\x00-\x1f]|^\.|\.\.")


@dataclass
class Text:
    """One document as numbered lines (line_no = index + 1) and where each line sits in the original file."""

    file_name: str
    sha256: str
    format: str
    encoding: str | None
    size: int
    lines: list[str]
    page: list[int | None] = field(default_factory=list)       # PDF page of each line, else None
    page_line: list[int | None] = field(default_factory=list)  # line on that page, else None

    @property
    def pages(self) -> int | None:
        return max((p for p in self.page if p), default=None) if self.format == "pdf" else None


def doc_id_for(sha256: str) -> str:
    """Id of an added document: 'u' + its content hash, so it never collides with the seeds' '000'-'004' and
    stays the same when the file is renamed."""
    return "u" + sha256[:9]


def check_name(name: str) -> Problem | None:
    """A file name that could escape the folder or hide from the build; spaces and Chinese characters are fine."""
    # Invisible characters (zero-width, bidi overrides) make a name that looks like another; over 200 bytes (with
    # its .yaml sidecar) the file system refuses it.
    invisible = any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp") for ch in name)
    if _BAD_NAME.search(name) or name != name.strip() or invisible or len(name.encode("utf-8")) > 200:
        return Problem(name, "the file name contains a path, '..', a leading dot, control or invisible characters, "
                       "or is longer than 200 bytes",
                       "Rename the file to a plain name such as 'report_2024.pdf' (spaces and Chinese are fine).")
    if Path(name).suffix.lower() not in FORMATS:
        return Problem(name, f"'{Path(name).suffix or 'no extension'}' is not a document format the build reads",
                       f"Save it as one of {', '.join(FORMATS)} (with a text layer for PDF).")
    return None


def read(path: Path, name: str | None = None) -> Text:
    """The document at `path` (its user-facing name is `name`, default the file's) as lines; BuildError if bad."""
    name = name or path.name
    problem = check_name(name)
    if problem:
        raise BuildError(problem)
    size = path.stat().st_size
    if size > MAX_BYTES:  # checked before reading: a 200 MB file is never loaded into memory
        raise BuildError(Problem(name, f"the file is {size / 1024 / 1024:.0f} MB, above the {MAX_MB} MB limit",
                                 "Split it, or save only its text as .txt, and add that."))
    if size == 0:
        raise BuildError(Problem(name, "the file is empty", "Add the complete document."))
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        lines, page, page_line = _pdf_lines(path, name, data)
        text = Text(name, sha, "pdf", None, size, lines, page, page_line)
    elif suffix == ".docx":
        text = Text(name, sha, "docx", None, size, _docx_lines(path, name, data))
    else:
        decoded, encoding = decode_text(data, name)
        text = Text(name, sha, suffix[1:], encoding, size, decoded.split("\n"))
    text.lines = [line.rstrip("\r") for line in text.lines]
    if not any(line.strip() for line in text.lines):
        raise BuildError(Problem(name, "the document has no text", "Add a document with text in it."))
    if not text.page:
        text.page = [None] * len(text.lines)
        text.page_line = [None] * len(text.lines)
    return text


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Text of a .txt/.md file and the encoding used: UTF-8 (with or without BOM) first, else the encoding
    charset-normalizer finds (GB18030/GBK, Big5, UTF-16 ...)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else ""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if best is None or controls > max(2, len(text) // 100):
        raise BuildError(Problem(name, "the file is not text (binary content: perhaps another format renamed "
                                 "to .txt)", "Open it in the program that made it and save it as .txt, .pdf "
                                 "or .docx."))
    return text.lstrip("\ufeff"), best.encoding


def _pdf_lines(path: Path, name: str, data: bytes) -> tuple[list[str], list[int], list[int]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if not data.startswith(b"%PDF"):
        raise BuildError(Problem(name, "the file is not a PDF (it does not start with %PDF)",
                                 "Export it again as PDF, or save its text as .txt."))
    lines: list[str] = []
    page_of: list[int] = []
    line_on_page: list[int] = []
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                for i, line in enumerate((page.extract_text() or "").split("\n"), start=1):
                    lines.append(line)
                    page_of.append(number)
                    line_on_page.append(i)
    except Exception as exc:  # pdfminer wraps what it raises in several ways; name the cause, never crash
        cause = getattr(exc, "args", [None])[0] if exc.args else None
        if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)) or isinstance(
                cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in repr(exc).lower():
            raise BuildError(Problem(name, "the PDF is encrypted (password-protected)",
                                     "Save an unprotected copy (print to PDF, or remove the password) and add that."))
        raise BuildError(Problem(name, f"the PDF cannot be read ({type(exc).__name__}: {exc})",
                                 "Export it again as PDF, or save its text as .txt."))
    if not any(line.strip() for line in lines):
        raise BuildError(Problem(name, "the PDF has no text layer (it is a scanned image)",
                                 "Run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`) and add the OCR'd PDF, "
                                 "or add its text as .txt."))
    return lines, page_of, line_on_page


def _docx_lines(path: Path, name: str, data: bytes) -> list[str]:
    if not zipfile.is_zipfile(path):
        raise BuildError(Problem(name, "the file is not a Word .docx (a .docx is a zip archive; this one is not: "
                                 "perhaps an old .doc or another format renamed)",
                                 "Open it in Word or LibreOffice and save it as .docx, .pdf or .txt."))
    with zipfile.ZipFile(path) as archive:  # a zip bomb is refused by its declared sizes, before anything expands
        expanded = sum(info.file_size for info in archive.infolist())
    if expanded > MAX_BYTES:
        raise BuildError(Problem(name, f"the .docx expands to {expanded / 1024 / 1024:.0f} MB, above the {MAX_MB} MB "
                                 "limit (a document's text is far smaller: this is not an ordinary Word file)",
                                 "Open it in Word or LibreOffice and save it again as .docx, or save its text as .txt."))
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError) as exc:
        raise BuildError(Problem(name, f"the .docx cannot be opened ({type(exc).__name__})",
                                 "Open it in Word or LibreOffice and save it again as .docx."))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":  # paragraphs and tables in reading order; a table row becomes one tab-separated line
            lines += "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")).split("\n")
        elif tag == "tbl":
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = ["".join(t.text or "" for t in c.iter() if t.tag.endswith("}t"))
                             for c in row.iterchildren() if c.tag.endswith("}tc")]
                    lines.append("\t".join(cells))
    return lines


def sidecar_path(path: Path) -> Path:
    return path.with_suffix(".yaml")


def read_sidecar(path: Path) -> dict:
    """The optional NAME.yaml next to a document: a mapping of SIDECAR_KEYS (others are kept but unused)."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BuildError(Problem(path.name, f"the metadata file cannot be read ({getattr(exc, 'problem', exc)})",
                                 "Fix it (UTF-8 YAML with keys title, publisher, published, language, url) or "
                                 "delete it.", line=mark.line + 1 if mark else None))
    if not isinstance(data, dict):
        raise BuildError(Problem(path.name, "the metadata file is not a mapping of keys to values",
                                 "Write it as lines 'title: ...', 'publisher: ...', 'published: 2024-05'."))
    return {k: (str(v) if v is not None else None) for k, v in data.items()}


def metadata(text: Text, sidecar: dict) -> dict:
    """title_zh/title_en/publisher/published/language/url; what the sidecar does not give is inferred from the
    text where it can be (title from the first line, date from the first full date) and listed in `inferred`."""
    meta = {key: sidecar.get(key) or None for key in SIDECAR_KEYS}
    inferred = []
    title = meta.pop("title")
    if title and not (meta["title_zh"] or meta["title_en"]):
        meta["title_zh" if _CJK.search(title) else "title_en"] = title
    if not (meta["title_zh"] or meta["title_en"]):
        first = next((line.strip().lstrip("#").strip() for line in text.lines if line.strip()), text.file_name)
        first = first[:60] + ("…" if len(first) > 60 else "")
        meta["title_zh" if _CJK.search(first) else "title_en"] = first
        inferred.append("title")
    if not meta["published"]:
        head = "\n".join(text.lines[:200])
        found = _DATE.search(head)  # the first dated line (a dateline, 收稿日期), else the latest year named
        years = [int(y) for y in _YEAR.findall(head)]
        if found:
            meta["published"] = f"{found['y']}-{int(found['m'] or found['m2']):02d}"
        elif years:
            meta["published"] = str(max(years))
        if meta["published"]:
            inferred.append("published")
    if not meta["language"]:
        sample = "".join(text.lines[:50])
        meta["language"] = "zh" if _CJK.search(sample) else "en"
        inferred.append("language")
    meta["inferred"] = ",".join(inferred) or None
    return meta


def scan(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Documents in `folder` (sorted by name) and problems with what else is there: unknown formats, names
    that cannot be used, sidecars without a document, two documents sharing one sidecar name."""
    if not folder.is_dir():
        return [], []
    documents: list[Path] = []
    problems: list[Problem] = []
    stems: dict[str, str] = {}
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    for path in entries:
        if path.is_dir():
            problems.append(Problem(f"data/documents/{path.name}", "is a folder; sub-folders are not read",
                                    "Move its documents into data/documents/ itself."))
            continue
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            if not any((folder / (path.stem + fmt)).exists() for fmt in FORMATS):
                problems.append(Problem(f"data/documents/{path.name}", "metadata file without a document of the "
                                        "same name", f"Name it after its document (report.pdf -> report.yaml) "
                                        "or delete it."))
            continue
        problem = check_name(path.name)
        if problem:
            problems.append(Problem(f"data/documents/{path.name}", problem.problem, problem.fix))
            continue
        if path.stem in stems:
            problems.append(Problem(f"data/documents/{path.name}", f"has the same name as {stems[path.stem]} but "
                                    "another extension, so both would share one metadata file",
                                    "Rename one of them."))
            continue
        stems[path.stem] = path.name
        documents.append(path)
    return documents, problems
