/**
 * The State layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: the borderless header table (body above and
 * issuer on the left with "Số: 05/BC-UBND"; national title, motto and the italic place-date line on the
 * right), the type and summary line, "Kính gửi", and the closing table of "Nơi nhận" and signature.
 */
import { AlignmentType, convertMillimetersToTwip, Paragraph, type Table } from "docx";
import { centred, layoutTable, run, shortRule } from "./docxParts.ts";
import { placeDateLine, stateNumberLine, upper } from "./format.ts";
import type { ReportModel } from "./model.ts";

export function stateHeader(m: ReportModel): Table {
  const left = [
    ...(m.parentLine ? [centred(upper(m.parentLine), { size: 13 })] : []),
    centred(upper(m.issuerLine), { size: 13, bold: true }),
    shortRule(convertMillimetersToTwip(20)),
    centred(stateNumberLine(m.number, m.symbol), { size: 13 }),
  ];
  const right = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true }),
    centred("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true }),
    shortRule(convertMillimetersToTwip(24)),
    centred(placeDateLine(m.place, m.issuedOn, m.year), { size: 14, italics: true }),
  ];
  return layoutTable(left, right, 0.4);
}

export function stateTitle(m: ReportModel): Paragraph[] {
  const out = [
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    centred("BÁO CÁO", { bold: true }),
    centred(m.summary, { bold: true }),
    shortRule(convertMillimetersToTwip(60)),
  ];
  if (m.recipients.length > 0) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [run(`Kính gửi: ${m.recipients.join("; ")}.`)],
      }),
    );
  }
  return out;
}

/** "Nơi nhận:" (12 pt bold italic; the list 11 pt ending "- Lưu: VT, …") beside the signature block. */
export function stateClosing(m: ReportModel): Table {
  const left = [
    new Paragraph({ children: [run("Nơi nhận:", { size: 12, bold: true, italics: true })] }),
    ...m.noiNhan.map(
      (n, i) =>
        new Paragraph({ children: [run(`- ${n}${i === m.noiNhan.length - 1 ? "." : ";"}`, { size: 11 })] }),
    ),
  ];
  const s = m.signature;
  const right = [
    ...(s.onBehalf ? [centred(s.onBehalf, { bold: true })] : []),
    centred(s.capacity, { bold: true }),
    ...(s.position ? [centred(s.position, { bold: true })] : []),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    centred(s.name || " ", { bold: true }),
  ];
  return layoutTable(left, right, 0.5);
}
