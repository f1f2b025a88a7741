/**
 * The Party layout (Hướng dẫn 36-HD/VPTW): the body above and the issuer on the left with a star and
 * "Số 12-BC/ĐU" (no colon); "ĐẢNG CỘNG SẢN VIỆT NAM" underlined on the right over the italic place-date
 * line; signatures "T/M" and "K/T".
 */
import { convertMillimetersToTwip, Paragraph, type Table } from "docx";
import { centred, layoutTable, run, shortRule } from "./docxParts.ts";
import { partyNumberLine, placeDateLine, upper } from "./format.ts";
import type { ReportModel } from "./model.ts";

export function partyHeader(m: ReportModel): Table {
  const left = [
    ...(m.parentLine ? [centred(upper(m.parentLine), { size: 14 })] : []),
    centred(upper(m.issuerLine), { size: 14, bold: true }),
    centred("*", { size: 14 }),
    centred(partyNumberLine(m.number, m.symbol), { size: 14 }),
  ];
  const right = [
    centred("ĐẢNG CỘNG SẢN VIỆT NAM", { size: 15, bold: true, underline: true }, 240),
    centred(placeDateLine(m.place, m.issuedOn, m.year), { size: 14, italics: true }),
  ];
  return layoutTable(left, right, 0.45);
}

export function partyTitle(m: ReportModel): Paragraph[] {
  const out = [
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    centred("BÁO CÁO", { size: 15, bold: true }),
    centred(m.summary, { bold: true }),
    shortRule(convertMillimetersToTwip(70)),
  ];
  if (m.recipients.length > 0) {
    out.push(centred(`Kính gửi: ${m.recipients.join("; ")}`, {}, 120));
  }
  return out;
}

export function partyClosing(m: ReportModel): Table {
  const left = [
    new Paragraph({ children: [run("Nơi nhận:", { size: 14, underline: true })] }),
    ...m.noiNhan.map(
      (n, i) =>
        new Paragraph({ children: [run(`- ${n}${i === m.noiNhan.length - 1 ? "." : ","}`, { size: 12 })] }),
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
