#!/usr/bin/env python3
"""Writes the .xlsb fixtures of tests/cmd/check-xlsb and check-xlsb-far-column by hand, record by
record (MS-XLSB: a workbook of one sheet of BrtRowHdr, BrtCellSt and BrtCellReal records), since
no free tool writes .xlsb. Run from the repository root:
  python3 scripts/make-xlsb.py tests/cmd/check-xlsb.in/报表.xlsb tests/cmd/check-xlsb-far-column.in/远格.xlsb
The second has one cell record whose column is 4000000000, past Excel's last (16384)."""
import struct
import sys
import zipfile

def typ(t):
    return bytes([t]) if t < 0x80 else bytes([(t & 0x7F) | 0x80, t >> 7])
def ln(n):
    out=bytearray()
    while True:
        b=n & 0x7F; n >>= 7
        if n: out.append(b|0x80)
        else: out.append(b); break
    return bytes(out)
def rec(t, data=b''):
    return typ(t)+ln(len(data))+data
def ws(s):
    u=s.encode('utf-16-le'); return struct.pack('<I', len(u)//2)+u
def sheet(rows):
    out=bytearray()
    out+=rec(0x0081)  # BrtBeginSheet
    maxc=max(max(c for c,_ in r[1]) for r in rows)
    out+=rec(0x0094, struct.pack('<IIII', 0, max(r[0] for r in rows), 0, min(maxc, 16383)))
    out+=rec(0x0091)
    for rw, cells in rows:
        out+=rec(0x0000, struct.pack('<I', rw)+b'\0'*13)
        for col, v in cells:
            if isinstance(v,str):
                out+=rec(0x0006, struct.pack('<II', col, 0)+ws(v))
            else:
                out+=rec(0x0005, struct.pack('<IId', col, 0, float(v)))
    out+=rec(0x0092)
    out+=rec(0x0082)
    return bytes(out)
def book(path, rows, name='报表'):
    wb=rec(0x0083)+rec(0x009C, struct.pack('<II',0,1)+ws('rId1')+ws(name))+rec(0x0090)+rec(0x009D, b'\0'*4)
    ct='<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/></Types>'
    rels='<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
    wbrels='<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>'
    with zipfile.ZipFile(path,'w',zipfile.ZIP_DEFLATED) as z:
        for n,b in [('[Content_Types].xml',ct),('_rels/.rels',rels),('xl/workbook.bin',wb),('xl/_rels/workbook.bin.rels',wbrels),('xl/worksheets/sheet1.bin',sheet(rows))]:
            z.writestr(zipfile.ZipInfo(n,(2024,1,1,0,0,0)),b,zipfile.ZIP_DEFLATED)
head=[(0,'地区'),(1,'指标'),(2,'年份'),(3,'数值')]
good=[(0,head),(1,[(0,'诸暨市'),(1,'普惠托位占比'),(2,2024),(3,66)]),(2,[(0,'诸暨市'),(1,'人均预期寿命'),(2,2024),(3,82.4)])]
book(sys.argv[1], good)
far=[(0,head),(1,[(0,'诸暨市'),(1,'普惠托位占比'),(2,2024),(3,66)]),(2,[(0,'诸暨市'),(1,'人均预期寿命'),(2,2024),(3,82.4),(4000000000,'x')])]
book(sys.argv[2], far)
