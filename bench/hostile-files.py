#!/usr/bin/env python3
"""Writes the small hostile files of issue 27 into a folder, with nothing but the standard library:
calendar-loop.xml (base calendars A -> B -> C -> B), deep.xml (elements nested 60,000 deep, 420 KB),
tasks.xml (50,000 tasks, about 2.9 MB), exceptions.xml (100,000 calendar exceptions of twenty years),
rows.xlsx (2,000,000 rows in a few hundred KB), shared-string.xlsx (one 200 MB shared string in about
200 KB) and rows.csv (a 2 MB CSV of 500,000 rows).
Usage: hostile-files.py FOLDER"""
import os
import sys
import zipfile

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
ns = 'xmlns="http://schemas.microsoft.com/project"'
head = f"<Project {ns}><StartDate>2027-01-04T08:00:00</StartDate>"


def write(name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


write("calendar-loop.xml", head + "<CalendarUID>1</CalendarUID><Calendars>"
      "<Calendar><UID>1</UID><Name>A</Name><BaseCalendarUID>2</BaseCalendarUID></Calendar>"
      "<Calendar><UID>2</UID><Name>B</Name><BaseCalendarUID>3</BaseCalendarUID></Calendar>"
      "<Calendar><UID>3</UID><Name>C</Name><BaseCalendarUID>2</BaseCalendarUID></Calendar></Calendars>"
      "<Tasks><Task><UID>1</UID><Name>Build</Name><Duration>PT8H0M0S</Duration></Task></Tasks></Project>")
write("deep.xml", head + "<Name>" + "<a>" * 60000 + "</a>" * 60000 + "</Name></Project>")
write("tasks.xml", head + "<Tasks>" + "".join(f"<Task><UID>{i}</UID><Duration>PT8H0M0S</Duration></Task>" for i in range(1, 50001)) + "</Tasks></Project>")
exception = ("<Exception><TimePeriod><FromDate>2027-01-01T00:00:00</FromDate><ToDate>2046-12-31T23:59:00</ToDate></TimePeriod>"
             "<DayWorking>0</DayWorking></Exception>")
week = "".join(f"<WeekDay><DayType>{d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>" for d in range(2, 7))
write("exceptions.xml", head + "<CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><Name>Long</Name><WeekDays>" + week
      + "</WeekDays><Exceptions>" + exception * 100000 + "</Exceptions></Calendar></Calendars></Project>")


def workbook(name, sheet_rows, shared=None):
    with zipfile.ZipFile(os.path.join(folder, name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        book.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Risks" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        with book.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            for _ in range(shared or 0):
                strings.write(b"x" * (1024 * 1024))
            strings.write(b"</t></si></sst>")
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            sheet.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="inlineStr"><is><t>Likelihood</t></is></c><c r="C1" t="inlineStr"><is><t>Impact</t></is></c></row>')
            sheet.write(sheet_rows())
            sheet.write(b"</sheetData></worksheet>")


workbook("rows.xlsx", lambda: b'<row><c t="inlineStr"><is><t>Supplier delay</t></is></c><c><v>9</v></c><c><v>3</v></c></row>' * 2000000)
workbook("shared-string.xlsx", lambda: b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>', shared=200)
write("rows.csv", "Title,Likelihood,Impact\n" + "x,9\n" * 500000)
