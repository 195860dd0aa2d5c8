#!/usr/bin/env python3
"""Reads an .xlsx workbook back with the standard library only (zipfile and the XML of
Office Open XML, ECMA-376) and prints it as JSON: {sheet: [[cell, ...], ...]}, numbers as
numbers, strings as strings, empty cells as null. An independent reader for dcplan's
workbook test: it knows nothing of dcplan or libxlsxwriter."""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + (ord(letter) - 64)
    return index - 1


def main(path):
    book = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in book.namelist():
        root = ET.fromstring(book.read("xl/sharedStrings.xml"))
        for item in root.findall("m:si", NS):
            shared.append("".join(t.text or "" for t in item.iter("{%s}t" % NS["m"])))
    rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    workbook = ET.fromstring(book.read("xl/workbook.xml"))
    out = {}
    frozen = {}
    for sheet in workbook.find("m:sheets", NS):
        name = sheet.get("name")
        target = targets[sheet.get(REL)]
        xml = ET.fromstring(book.read("xl/" + target.lstrip("/").replace("xl/", "")))
        pane = xml.find(".//m:pane", NS)
        frozen[name] = pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1"
        rows = []
        for row in xml.find("m:sheetData", NS):
            r = int(row.get("r")) - 1
            while len(rows) <= r:
                rows.append([])
            for cell in row.findall("m:c", NS):
                c = column_index(cell.get("r"))
                value = cell.find("m:v", NS)
                kind = cell.get("t")
                if value is None:
                    v = None
                elif kind == "s":
                    v = shared[int(value.text)]
                elif kind == "str":
                    v = value.text
                else:
                    v = float(value.text)
                while len(rows[r]) <= c:
                    rows[r].append(None)
                rows[r][c] = v
        out[name] = rows
    json.dump({"sheets": out, "frozen": frozen}, sys.stdout)


def compare(path, csv_path):
    """Every cell of the workbook against the same run's CSV (sections '# table', a header,
    rows): the same tables, the same texts, the same numbers (to 1e-14 relative). Prints
    'ok' or each difference."""
    import csv
    import io
    import contextlib
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        main(path)
    book = json.loads(buffer.getvalue())
    sections = {}
    current = None
    with open(csv_path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            if len(row) == 1 and row[0].startswith("# "):
                current = row[0][2:]
                sections[current] = []
            elif current is not None and row:
                sections[current].append(row)
    problems = []
    if sorted(sections) != sorted(book["sheets"]):
        problems.append("tables differ: %s vs %s" % (sorted(sections), sorted(book["sheets"])))
    for name, rows in sections.items():
        sheet = book["sheets"].get(name, [])
        data = rows[1:]
        if len(sheet) - 1 != len(data):
            problems.append("%s: %d rows in the workbook, %d in the CSV" % (name, len(sheet) - 1, len(data)))
            continue
        for r, row in enumerate(data):
            cells = sheet[r + 1] + [None] * (len(row) - len(sheet[r + 1]))
            for c, text in enumerate(row):
                value = cells[c]
                if text == "":
                    ok = value is None or value == ""
                else:
                    try:
                        number = float(text)
                        ok = isinstance(value, float) and abs(value - number) <= 1e-14 * max(1.0, abs(number))
                    except ValueError:
                        ok = value == text
                if not ok:
                    problems.append("%s row %d column %d: workbook %r, CSV %r" % (name, r + 1, c + 1, value, text))
    if not all(book["frozen"].values()):
        problems.append("a sheet's header row is not frozen")
    print("\n".join(problems[:20]) if problems else "ok")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        compare(sys.argv[1], sys.argv[2])
    else:
        main(sys.argv[1])
