"""Make a written .docx/.odt byte-identical across builds of one commit.

Both formats are zip files. python-docx and odfpy stamp each entry with the current time, and odfpy
writes XML namespace declarations in hash order (which changes with every Python process). We rewrite
the zip in place: same entries, same order and compression (an ODF file's `mimetype` must stay first and
stored), a fixed timestamp, and the root element's namespace declarations sorted.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

FIXED = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date
_ROOT = re.compile(rb"<(?!\?)([^\s>/]+)((?:\s+[^\s=>]+=(?:\"[^\"]*\"|'[^']*'))*)(\s*/?>)")
_ATTR = re.compile(rb"\s+([^\s=>]+=(?:\"[^\"]*\"|'[^']*'))")


def _sorted_root_attributes(xml: bytes) -> bytes:
    m = _ROOT.search(xml)
    if m is None:
        return xml
    attrs = sorted(_ATTR.findall(m.group(2)))
    new = b"<" + m.group(1) + b"".join(b" " + a for a in attrs) + m.group(3)
    return xml[:m.start()] + new + xml[m.end():]


def normalize_zip(path: Path) -> None:
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w") as out:
        for info, data in entries:
            if info.filename.endswith(".xml"):
                data = _sorted_root_attributes(data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            fixed.create_system = 0
            out.writestr(fixed, data)
