#!/usr/bin/env python3
"""Writes a risk register workbook (.xlsx) of N rows for the import benchmark, with nothing but the
standard library: Title, Category, Cause, Likelihood, Impact, Response, Next review.
Usage: raid-workbook.py ROWS OUTPUT.xlsx"""
import sys
import zipfile
from xml.sax.saxutils import escape

rows, output = int(sys.argv[1]), sys.argv[2]
headings = ["Title", "Category", "Cause", "Likelihood", "Impact", "Response", "Next review date"]
responses = ["Reduce", "Avoid", "Transfer", "Accept", "Share"]


def cell(col, row, value):
    ref = f"{chr(65 + col)}{row}"
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as book:
    book.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    book.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    book.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Risks" sheetId="1" r:id="rId1"/></sheets></workbook>')
    book.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    lines = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    lines.append('<row r="1">' + "".join(cell(c, 1, h) for c, h in enumerate(headings)) + "</row>")
    for i in range(rows):
        r = i + 2
        values = [f"Imported risk {i + 1}: supplier capacity", "Commercial", "Demand rises faster than planned",
                  1 + i % 5, 1 + (i // 5) % 5, responses[i % 5], f"2027-{1 + i % 12:02d}-{1 + i % 28:02d}"]
        lines.append(f'<row r="{r}">' + "".join(cell(c, r, v) for c, v in enumerate(values)) + "</row>")
    lines.append("</sheetData></worksheet>")
    book.writestr("xl/worksheets/sheet1.xml", "".join(lines))
