import { deflateRawSync } from "node:zlib";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";

/** A ZIP with the given entries (deflated), written by hand so a test can build a "zip bomb". */
export function makeZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const comp = deflateRawSync(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += local.length + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A one-page PDF; with `lines` it has a text layer (Helvetica, plain ASCII), without it only a drawing. */
export function makePdf(lines: string[] | null): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = lines
    ? `BT /F1 11 Tf 14 TL 50 780 Td ${lines.map((l) => `(${esc(l)}) Tj T*`).join(" ")} ET`
    : "0.5 g 50 50 400 600 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A Word plan: header, opening paragraph, and an appendix table whose columns use other names. */
export async function makePlanDocx(): Promise<Buffer> {
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const row = (cells: string[]) =>
    new TableRow({ children: cells.map((c) => new TableCell({ children: c.split("\n").map((t) => p(t)) })) });
  const doc = new Document({
    sections: [
      {
        children: [
          p("ỦY BAN NHÂN DÂN XÃ BÌNH LƯ", true),
          p("Số: 45/KH-UBND"),
          p("Bình Lư, ngày 10 tháng 7 năm 2026"),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: "KẾ HOẠCH", bold: true })],
          }),
          p("Phổ cập giáo dục mầm non trên địa bàn xã năm học 2026-2027"),
          p(
            "Căn cứ Kế hoạch số 2086/KH-UBND ngày 25/3/2026 của UBND tỉnh về thực hiện Kế hoạch số 47-KH/ĐU ngày 23/3/2026 của Đảng ủy UBND tỉnh, UBND xã Bình Lư ban hành Kế hoạch như sau:",
          ),
          p("I. MỤC ĐÍCH, YÊU CẦU"),
          p("Huy động trẻ em đến trường."),
          p("PHỤ LỤC"),
          new Table({
            rows: [
              row(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm"]),
              row([
                "1",
                "Điều tra trẻ trong độ tuổi",
                "Phòng Văn hóa - Xã hội",
                "Trưởng các bản",
                "Tháng 8/2026",
                "Báo cáo\nsố liệu",
              ]),
              row([
                "2",
                "Vận động trẻ ra lớp",
                "Công an xã",
                "Trung tâm Dịch vụ tổng hợp",
                "Quý III/2026",
                "",
              ]),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
