import { asciiKey } from "../domain/text.ts";
import type { DocumentDraft, ReferenceDraft, Warning } from "./draft.ts";
import type { Line } from "./lines.ts";

const TYPES: [RegExp, string, string][] = [
  [/^ke hoach\b/, "KH", "Kế hoạch"],
  [/^nghi quyet\b/, "NQ", "Nghị quyết"],
  [/^quyet dinh\b/, "QĐ", "Quyết định"],
  [/^chi thi\b/, "CT", "Chỉ thị"],
  [/^chuong trinh\b/, "CTr", "Chương trình"],
  [/^bao cao\b/, "BC", "Báo cáo"],
  [/^huong dan\b/, "HD", "Hướng dẫn"],
  [/^thong bao\b/, "TB", "Thông báo"],
  [/^ket luan\b/, "KL", "Kết luận"],
  [/^de an\b/, "ĐA", "Đề án"],
];

const TYPE_BY_CODE: Record<string, string> = {
  KH: "KH",
  NQ: "NQ",
  QD: "QĐ",
  CT: "CT",
  CTR: "CTr",
  BC: "BC",
  HD: "HD",
  TB: "TB",
  KL: "KL",
  DA: "ĐA",
  TTR: "TTr",
  ND: "NĐ",
  TT: "TT",
  CV: "CV",
};

/** Party numbers (06-NQ/TU, 47 -KH/ĐU) and State numbers (2086/KH-UBND, 07/2024/NQ-HĐND, 217/2025/QH15). */
const PARTY = String.raw`(\d{1,5})\s*-\s*([A-ZĐ][A-Za-zĐđ]{1,5})\s*\/\s*([A-ZĐ][A-Za-zĐđ0-9]{1,12})`;
const STATE = String.raw`(\d{1,5})(?:\s*\/\s*(\d{4}))?\s*[/|]\s*([A-ZĐ][A-ZĐ0-9]{1,9}(?:\s*-\s*[A-ZĐ][A-Za-zĐđ0-9]{1,12})*)`;
const NUMBER_RE = new RegExp(String.raw`(?<![\d/])(?:${PARTY}|${STATE})(?![\w/])`, "gu");

export function normalizeNumber(s: string): string {
  return s.replace(/\s+/g, "").replace("|", "/");
}

/** The document type a number carries (06-NQ/TU → NQ; 2086/KH-UBND → KH). */
export function typeOfNumber(num: string): string | null {
  const m = /^\d+-([^/]+)\//.exec(num) ?? /^\d+(?:\/\d{4})?\/([^-/]+)/.exec(num);
  if (!m) return null;
  const code = (m[1] as string)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "D")
    .toUpperCase();
  // "NQHĐND" (a missing dash) still starts with its type
  const known = TYPE_BY_CODE[code] ?? TYPE_BY_CODE[code.slice(0, 3)] ?? TYPE_BY_CODE[code.slice(0, 2)];
  if (known) return known;
  // "15/UBND-VX": a công văn carries the issuing body, not a type
  return /^\d+\/[^/]+-/.test(num) ? "CV" : null;
}

/** Key for matching a number across documents and scans: no spaces, no diacritics, upper case. */
export function numberKey(num: string): string {
  return num
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .replace(/\s+/g, "")
    .toUpperCase();
}

function dateAfter(text: string): string | null {
  const m =
    /^[\s,]*(?:ban hành\s+)?(?:ngày|ngay)\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/i.exec(text) ??
    /^[\s,]*(?:ngày|ngay)\s+(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})\s+(?:năm|nam)\s+(\d{4})/i.exec(text);
  if (!m) return null;
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

interface FoundNumber {
  number: string;
  index: number;
  end: number;
}

export function findNumbers(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const raw = m[0];
    // a State number needs a type code that is not just a year or a class ("31/31", "2024/2025")
    if (!/[A-Za-zĐđ]/.test(raw)) continue;
    out.push({ number: normalizeNumber(raw), index: m.index ?? 0, end: (m.index ?? 0) + raw.length });
  }
  return out;
}

function issuerAfter(text: string): string | null {
  const m =
    /^[^;\t]{0,40}?\bcủa\s+([^;,()\t.]{3,120}?)(?=\s+(?:về|ve|thực hiện|triển khai|để|quy định|tại|trong)(?=\s|$)|[;,().\t]|$)/iu.exec(
      text,
    );
  return m ? (m[1] as string).trim() : null;
}

/**
 * One key for the OCR variants of one number: "12/2025/NQHĐND", "12/2025/NQ-HPND" and "12/2025/NQ-HĐND";
 * "5/2024/NP-CP" and "5/2024/NĐ-CP" (a dropped hyphen, Đ read as P).
 */
export function variantKey(num: string): string {
  return numberKey(num).replace(/-/g, "").replace(/P/g, "D");
}

/** How well-formed a written number looks: hyphens kept and Đ read as Đ. */
const formScore = (num: string) => (num.match(/-/g)?.length ?? 0) + (num.match(/Đ/g)?.length ?? 0);

/** Every document number the text cites, with its date and issuer when written next to it. */
export function extractReferences(
  lines: Line[],
  own: string | null,
  title: string | null,
  warnings: Warning[] = [],
): ReferenceDraft[] {
  const seen = new Map<string, ReferenceDraft>();
  const ownKey = own ? variantKey(own) : null;
  const implementsKeys = implementedNumbers(lines, title);
  for (const line of lines) {
    const found = findNumbers(line.text);
    found.forEach((f, i) => {
      const key = variantKey(f.number);
      const next = found[i + 1];
      // "Kế hoạch số 2086/KH-UBND … về thực hiện Kế hoạch số 47-KH/ĐU": what the cited document implements
      const between = next ? line.text.slice(f.end, next.index) : "";
      const via =
        next &&
        !between.includes(";") &&
        /\b(?:về|ve)\s+(?:việc\s+)?(?:thực hiện|thuc hien|triển khai)/iu.test(between)
          ? next.number
          : null;
      const known = seen.get(key);
      if (known) {
        if (!known.implementsNumber && via) known.implementsNumber = via;
        if (numberKey(known.number) !== numberKey(f.number)) {
          warnings.push({
            code: "NUMBER_VARIANT",
            message: `"${known.number}" và "${f.number}" được coi là một văn bản (khác nhau do lỗi nhận dạng chữ): hãy kiểm tra.`,
            where: `dòng ${line.n}`,
          });
          if (formScore(f.number) > formScore(known.number)) known.number = f.number;
        }
        return;
      }
      if (key === ownKey) return;
      const after = line.text.slice(f.end, f.end + 200);
      seen.set(key, {
        number: f.number,
        type: typeOfNumber(f.number),
        issuedOn: dateAfter(after),
        issuer: issuerAfter(after),
        relation: [...implementsKeys].some((k) => variantKey(k) === key) ? "implements" : "cites",
        implementsNumber: via,
      });
    });
  }
  return [...seen.values()];
}

/**
 * The documents this one implements: in its opening "Căn cứ …" paragraph (else "Thực hiện …", else a
 * title or caption saying "thực hiện …"), the first number of each clause. A number inside "về (việc)
 * thực hiện …" belongs to the document just cited, not to this one.
 */
function implementedNumbers(lines: Line[], title: string | null): Set<string> {
  const body = lines.filter((l) => l.text.length > 0 && !l.text.includes("\t"));
  const firstSection = body.findIndex(
    (l) => /^(i|1)\s*[-.)]\s*\S/.test(l.key) && /muc dich|yeu cau|chu de/.test(l.key),
  );
  const head = firstSection > 0 ? body.slice(0, firstSection) : body.slice(0, 40);
  const titleLine: Line | undefined =
    title && /thực hiện|thuc hien/iu.test(title) && findNumbers(title).length > 0
      ? { n: 0, text: title, key: title.toLowerCase(), hadHtml: false }
      : undefined;
  const para =
    head.find((l) => /^can c\w{0,2}\s/.test(l.key) && findNumbers(l.text).length > 0) ??
    head.find((l) => /^(thuc hien|trien khai)\b/.test(l.key) && findNumbers(l.text).length > 0) ??
    titleLine ??
    head.find((l) => /\bthuc hien\b/.test(l.key) && findNumbers(l.text).length > 0);
  const out = new Set<string>();
  if (!para) return out;
  for (const clause of para.text.split(";")) {
    const cut = clause.search(/\b(?:về|ve)\s+(?:việc\s+)?(?:thực hiện|thuc hien|triển khai)/iu);
    const nums = findNumbers(clause).filter((n) => cut < 0 || n.index < cut);
    if (nums[0]) out.add(numberKey(nums[0].number));
  }
  return out;
}

function detectType(lines: Line[]): { type: string; typeName: string } | null {
  for (const l of lines.slice(0, 40)) {
    for (const [re, type, typeName] of TYPES)
      if (re.test(l.key) && l.key.length < 20) return { type, typeName };
  }
  return null;
}

/** The cells of a header line: TAB-separated, or a Markdown pipe row "| Số: 252/KH-… | Hà Nội, ngày … |". */
function headerCells(text: string): string[] {
  // a lone "|" inside a cell is an OCR'd "/" ("Sb: 5272 |KH-UBND"): only a row that starts with one is split
  const row = text.trimStart().startsWith("|");
  return text
    .split(row ? /\t|\s*\|\s*/ : /\t/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Reads the header, the caption of an appendix and the opening paragraph. */
export function extractDocumentMeta(lines: Line[], warnings: Warning[]): DocumentDraft {
  let number: string | null = null;
  let issuedOn: string | null = null;
  let dateText: string | null = null;
  let issuer: string | null = null;
  let place: string | null = null;
  let blankNumber = false;
  let type = detectType(lines);
  let numberLine = 0;

  // "Số: 5272/KH-UBND", "Sb: 5272 |KH-UBND", "Số: /KH-UBND" (blank)
  for (const l of lines.slice(0, 60)) {
    const m = headerCells(l.text)
      .map((c) => /^(?:s[oôốb6])\s*:\s*(.*)$/iu.exec(c) ?? /^(?:s[oôốb6])\s*:?\s+(\d.*)$/iu.exec(c))
      .find((x) => x !== null);
    if (!m) continue;
    const rest = m[1] as string;
    const found = findNumbers(rest)[0];
    if (found && found.index < 3) number = found.number;
    else if (/^\s*[-.…]*\s*\/\s*[A-ZĐ]/u.test(rest)) blankNumber = true;
    numberLine = l.n;
    break;
  }

  // "(Kèm theo Kế hoạch số 47 -KH/ĐU ngày 23 tháng 3 năm 2026 của …)"
  // — alone on its line, or after the appendix title on the same line ("PHÂN CÔNG NHIỆM VỤ (Kèm theo …)")
  const captionLine = lines.find((l) =>
    /(?:^|\()\s*kem theo\s+(ke hoach|nghi quyet|quyet dinh|bao cao|chuong trinh)/.test(l.key),
  );
  const captionAt = captionLine ? captionLine.text.search(/\(\s*K[èe]m theo\s/iu) : -1;
  const caption =
    captionLine && captionAt > 0
      ? {
          ...captionLine,
          text: captionLine.text.slice(captionAt),
          key: asciiKey(captionLine.text.slice(captionAt)),
        }
      : captionLine;
  if (caption) {
    const t = /kem theo\s+([a-z ]+?)\s+so\b/.exec(caption.key);
    if (!type && t) {
      const hit = TYPES.find(([re]) => re.test(t[1] as string));
      if (hit) type = { type: hit[1], typeName: hit[2] };
    }
    const found = findNumbers(caption.text)[0];
    if (!number && found) number = found.number;
    if (!found && /s[oố]\s*[-.…]*\s*\/\s*[A-ZĐ]/iu.test(caption.text)) blankNumber = true;
    const after = found
      ? caption.text.slice(found.end)
      : caption.text.slice(caption.text.search(/ngày|ngay/i));
    issuedOn ??= dateAfter(after);
    if (!issuedOn) {
      const partial =
        /(?:ngày|ngay)\s*(\d{0,2})\s*(?:tháng|thang)\s*(\d{0,2})\s*(?:năm|nam)\s*(\d{4})/iu.exec(after);
      if (partial) dateText = partial[0];
    }
    const who = /\bcủa\s+(.+?)\)?\s*$/u.exec(caption.text);
    if (who) issuer = (who[1] as string).trim();
  }

  // "Lai Châu, ngày 09 tháng 9 năm 2025" — may share a line with the number (two header columns)
  for (const l of lines.slice(0, 60)) {
    const m =
      /([A-ZĐÀ-Ỹ][\p{L} ]{1,30}?),\s*(ng[aà]y\s*\d{0,2}\s*th[aá]ng\s*(?:\d\s?)?\d?\s*n[aă]m\s*\d{4})/iu.exec(
        l.text,
      );
    if (!m) continue;
    // OCR may split a number: "tháng 0 6 năm 2018"
    const d = /(\d\s?\d?)\s*th[aá]ng\s*(\d\s?\d?)\s*n[aă]m\s*(\d{4})/iu.exec(m[2] as string);
    const iso = d
      ? isoDate(
          Number(d[3]),
          Number((d[2] as string).replace(" ", "")),
          Number((d[1] as string).replace(" ", "")),
        )
      : null;
    place = (m[1] as string).replace(/^.*\b(?:UBND|KH|NQ|ĐU|TU)\b\s*/u, "").trim();
    if (iso) issuedOn ??= iso;
    else dateText ??= m[2] as string;
    break;
  }

  // "…, Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh ban hành Kế hoạch …"
  if (!issuer) {
    for (const l of lines.slice(0, 80)) {
      const m =
        /(?:^|[,.)]\s+)((?:Ban|UBND|Ủy ban|Uỷ ban|Đảng ủy|Sở|Phòng|Hội đồng|Thường trực|Uy ban)[^,.;()]{2,100}?)\s+(?:ban hành|ban hanh)\b/u.exec(
          l.text,
        );
      if (m) {
        issuer = (m[1] as string).trim();
        break;
      }
    }
  }

  const title = extractTitle(lines);
  const period = extractPeriod(title ?? "");
  if (!number) {
    warnings.push(
      blankNumber
        ? {
            code: "NUMBER_BLANK",
            message: "Số văn bản để trống (bản dự thảo hoặc bản chưa vào số): hãy điền số khi có.",
            where: numberLine
              ? `dòng ${numberLine}`
              : caption
                ? `dòng ${caption.n} (phụ lục)`
                : "đầu văn bản",
          }
        : { code: "NUMBER_MISSING", message: "Không tìm thấy số văn bản.", where: "đầu văn bản" },
    );
  }
  if (!issuedOn) {
    warnings.push(
      dateText
        ? { code: "DATE_INCOMPLETE", message: `Ngày ban hành chưa đủ: "${dateText}".`, where: "đầu văn bản" }
        : { code: "DATE_MISSING", message: "Không tìm thấy ngày ban hành.", where: "đầu văn bản" },
    );
  }
  return {
    type: type?.type ?? (number ? typeOfNumber(number) : null),
    typeName: type?.typeName ?? null,
    number,
    issuedOn,
    dateText: issuedOn ? null : dateText,
    issuer,
    place,
    title,
    period,
    references: extractReferences(lines, number, title, warnings),
  };
}

/** The summary line(s) under the type heading, or the appendix title. */
function extractTitle(lines: Line[]): string | null {
  const i = lines.findIndex(
    (l, idx) => idx < 40 && TYPES.some(([re]) => re.test(l.key)) && l.key.length < 20,
  );
  if (i >= 0) {
    const parts: string[] = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      const l = lines[j] as Line;
      if (!l.text) {
        if (parts.length > 0) break;
        continue;
      }
      if (/^(can cu|thuc hien .* ban hanh)/.test(l.key) && parts.length > 0) break;
      parts.push(l.text);
      if (l.text.length > 160) break;
    }
    if (parts.length > 0) return parts.join(" ").replace(/\s+/g, " ").trim();
  }
  const cap = lines.findIndex((l) => /^\(?\s*kem theo\b/.test(l.key));
  if (cap > 0) {
    const parts: string[] = [];
    let j = cap - 1;
    while (j > 0 && !(lines[j] as Line).text) j--;
    for (; j >= Math.max(0, cap - 6); j--) {
      const l = lines[j] as Line;
      if (!l.text || /^phu luc:?$/.test(l.key)) break;
      parts.unshift(l.text.replace(/^phụ lục:?\s*/iu, ""));
    }
    if (parts.length > 0) return parts.join(" ").trim();
  }
  return null;
}

function extractPeriod(title: string): { from: number; to: number } | null {
  const m = /(?:giai đoạn|giai doan|năm học|nam hoc)\s*(\d{4})\s*-\s*(\d{4})/iu.exec(title);
  if (m) return { from: Number(m[1]), to: Number(m[2]) };
  return null;
}
