#!/usr/bin/env python3
"""Writes the benchmark's work for LibreOffice: N certificates (A3 landscape, framed page) and a
decision with an N-row annex (A4), as flat ODT files, for
`soffice --headless --convert-to pdf`. Usage: libreoffice-compare.py N DIR"""
import sys
from xml.sax.saxutils import escape as e

n, out = int(sys.argv[1]), sys.argv[2]
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
CAMPAIGN = ("Đẩy mạnh cải cách hành chính, thu hút đầu tư, góp phần thực hiện thắng lợi các chỉ tiêu phát "
            "triển kinh tế - xã hội của huyện 3 tháng cuối năm 2023")
FAMILY = ["Nguyễn", "Trần", "Lê", "Hoàng", "Nông", "Đàm", "Triệu", "Ma"]
MIDDLE = ["Văn", "Thị", "Thu", "Đức"]
GIVEN = ["Hường", "Dũng", "Trang", "Lành", "Yến", "Đạt", "Ánh", "Bình", "Quý", "Ngọc"]


def name(i):
    return f"{FAMILY[i % 8]} {MIDDLE[i % 4]} {GIVEN[(i // 3) % 10]}"


def doc(page, border, body):
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Tinos" svg:font-family="Tinos"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Tinos" fo:font-size="14pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm"><style:page-layout-properties {page} {border}/></style:page-layout>
<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="J" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-bottom="6pt"/></style:style>
<style:style style:name="PB" style:family="paragraph" style:parent-style-name="C"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Big" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-size="48pt"/></style:style>
<style:style style:name="cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm"/></office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>'''


def p(text, style="C", span=None):
    t = e(text) if span is None else f'<text:span text:style-name="{span}">{e(text)}</text:span>'
    return f'<text:p text:style-name="{style}">{t}</text:p>'


certs = []
for i in range(n):
    who = f"Ông {name(i)}" if i % 10 else f"Ủy ban nhân dân xã thử nghiệm {i + 1}"
    certs += [p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PB" if i else "C", "B"), p("Độc lập - Tự do - Hạnh phúc", span="B"),
              p("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG", span="B"), p("TẶNG", span="B"), p("GIẤY KHEN", span="Big"),
              p(who, span="B"), p(f"Công chức Văn phòng - Thống kê, Xã Thử Nghiệm {i + 1}", span="I"),
              p(f"Đã có thành tích xuất sắc trong Đợt thi đua “{CAMPAIGN}”"),
              p("Quyết định số 25/QĐ-UBND ngày 10/01/2024"), p(f"Số sổ vàng: {i + 1}"),
              p("Bạch Thông, ngày 10 tháng 01 năm 2024", span="I"), p("KT. CHỦ TỊCH", span="B"),
              p("PHÓ CHỦ TỊCH", span="B"), p("Nông Văn Khánh", span="B")]
a3 = 'fo:page-width="42cm" fo:page-height="29.7cm" style:print-orientation="landscape" fo:margin="1.5cm"'
open(f"{out}/certificates.fodt", "w").write(doc(a3, 'fo:border="2pt double #000000"', "".join(certs)))

cell = lambda t: f'<table:table-cell table:style-name="cell"><text:p>{e(t)}</text:p></table:table-cell>'
rows = "".join(f"<table:table-row>{cell(str(i + 1))}{cell(name(i))}{cell(f'Công chức, Xã Thử Nghiệm {i + 1}')}</table:table-row>"
               for i in range(n))
header = f"<table:table-header-rows><table:table-row>{cell('STT')}{cell('Tên tập thể, họ và tên cá nhân')}{cell('Chức vụ, đơn vị công tác')}</table:table-row></table:table-header-rows>"
decision = [p("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"), p("ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG", span="B"),
            p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", span="B"), p("Độc lập - Tự do - Hạnh phúc", span="B"),
            p("Số: 25/QĐ-UBND"), p("Bạch Thông, ngày 10 tháng 01 năm 2024", span="I"), p("QUYẾT ĐỊNH", span="B"),
            p(f"Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc trong Đợt thi đua “{CAMPAIGN}”", span="B"),
            p("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG", span="B")]
decision += [p(f"Căn cứ văn bản số {k} về thi đua, khen thưởng và các quy định có liên quan của Chính phủ;", "J", "I") for k in range(4)]
decision += [p("QUYẾT ĐỊNH:", span="B")] + [p(f"Điều {k}. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho {n} tập thể, cá nhân đã có thành tích xuất sắc trong Đợt thi đua “{CAMPAIGN}”.", "J") for k in (1, 2, 3)]
decision += [p("DANH SÁCH", "PB", "B"), p("(Kèm theo Quyết định số 25/QĐ-UBND ngày 10/01/2024)", span="I"),
             f'<table:table table:name="annex"><table:table-column table:number-columns-repeated="3"/>{header}{rows}</table:table>']
a4 = 'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"'
open(f"{out}/decision.fodt", "w").write(doc(a4, "", "".join(decision)))
