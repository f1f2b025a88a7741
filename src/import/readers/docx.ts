import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { AppError } from "../../errors.ts";
import { CELL_BREAK, joinCell } from "../lines.ts";
import { ListCounter, readNumbering } from "./docxNumbering.ts";
import { type SourceCell, type SourceRow, tableLines } from "./tableText.ts";
import { assertSafeZip } from "./zipGuard.ts";

interface Para {
  text: string;
  numId: string | null;
  ilvl: number;
}

interface TableState {
  rows: SourceRow[];
  row: SourceRow | null;
  cell: (SourceCell & { paras: string[] }) | null;
}

// Content Word keeps only for other programs (a drawing's fallback copy) or marks as moved away.
const SKIPPED = new Set(["mc:Fallback", "w:moveFrom", "w:del", "w:instrText", "w:delText"]);
const OFF = new Set(["0", "false", "off"]);

function unzipParts(buf: Buffer): { document: string; numbering: string | null } {
  assertSafeZip(buf);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(buf), {
      filter: (f) => f.name === "word/document.xml" || f.name === "word/numbering.xml",
    });
  } catch {
    throw new AppError("BAD_INPUT_FILE", "Không đọc được tệp .docx (tệp hỏng hoặc không phải văn bản Word).");
  }
  const doc = files["word/document.xml"];
  if (!doc) {
    throw new AppError("BAD_INPUT_FILE", "Không đọc được tệp .docx (tệp hỏng hoặc không phải văn bản Word).");
  }
  const dec = new TextDecoder("utf-8");
  const num = files["word/numbering.xml"];
  return { document: dec.decode(doc), numbering: num ? dec.decode(num) : null };
}

/**
 * A Word file → the text the parser reads, from its own structure (word/document.xml): paragraphs in
 * order (tabs kept, line breaks kept, list items with their number or "- "), each table as one line per
 * row with cells separated by tabs (see tableText.ts for merged cells and header rows). A table inside a
 * cell flows into that cell's text.
 */
export function docxToText(buf: Buffer): string {
  const parts = unzipParts(buf);
  const lists = new ListCounter(readNumbering(parts.numbering));
  const out: string[] = [];
  const tables: TableState[] = [];
  const paras: Para[] = [];
  let skip = 0;
  let inText = false;
  let inRun = 0;

  const emitPara = (p: Para) => {
    let text = p.text.replace(/[ \u00a0]+/g, " ");
    const table = tables[0];
    if (p.numId && p.numId !== "0" && (text.trim() || table?.cell)) {
      const label = lists.next(p.numId, p.ilvl);
      if (label === "-") text = /^\s*[-–•+*]/.test(text) ? text : `- ${text.trim()}`;
      else if (label) text = `${label} ${text.trim()}`.trim();
    }
    if (table?.cell) table.cell.paras.push(text.replace(/\t/g, " ").trim());
    else out.push(...text.split("\n").map((l) => l.replace(/ +$/, "")));
  };

  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    if (skip > 0 || SKIPPED.has(tag.name)) {
      if (!tag.isSelfClosing) skip++;
      return;
    }
    const a = tag.attributes as Record<string, string>;
    const para = paras[paras.length - 1];
    const table = tables[tables.length - 1];
    switch (tag.name) {
      case "w:p":
        paras.push({ text: "", numId: null, ilvl: 0 });
        break;
      case "w:r":
        if (!tag.isSelfClosing) inRun++;
        break;
      case "w:t":
        inText = !tag.isSelfClosing;
        break;
      case "w:tab":
        if (para && inRun > 0) para.text += "\t";
        break;
      case "w:br":
      case "w:cr":
        if (para && inRun > 0 && a["w:type"] !== "page") para.text += "\n";
        break;
      case "w:noBreakHyphen":
        if (para) para.text += "-";
        break;
      case "w:numId":
        if (para) para.numId = a["w:val"] ?? null;
        break;
      case "w:ilvl":
        if (para) para.ilvl = Number(a["w:val"] ?? 0);
        break;
      case "w:tbl": // a nested table's paragraphs flow into the outer cell (only tables[0] keeps cells)
        tables.push({ rows: [], row: null, cell: null });
        break;
      case "w:tr":
        if (table) table.row = { cells: [], header: false };
        break;
      case "w:tblHeader":
        if (table?.row && !OFF.has(a["w:val"] ?? "")) table.row.header = true;
        break;
      case "w:tc":
        if (table && tables.length === 1) table.cell = { text: "", span: 1, merge: null, paras: [] };
        break;
      case "w:gridSpan":
        if (table?.cell && tables.length === 1) table.cell.span = Math.max(1, Number(a["w:val"] ?? 1));
        break;
      case "w:vMerge":
        if (table?.cell && tables.length === 1)
          table.cell.merge = a["w:val"] === "restart" ? "restart" : "continue";
        break;
    }
  });
  parser.on("text", (t) => {
    if (skip === 0 && inText) {
      const para = paras[paras.length - 1];
      if (para) para.text += t;
    }
  });
  parser.on("closetag", (tag) => {
    if (skip > 0) {
      if (!tag.isSelfClosing) skip--;
      return;
    }
    const table = tables[tables.length - 1];
    switch (tag.name) {
      case "w:t":
        inText = false;
        break;
      case "w:r":
        inRun = Math.max(0, inRun - 1);
        break;
      case "w:p": {
        const p = paras.pop();
        if (p) emitPara(p);
        break;
      }
      case "w:tc":
        if (table?.row && table.cell && tables.length === 1) {
          const { paras: cellParas, ...cell } = table.cell;
          const text = cellParas.reduce(joinCell, "").replace(/\n/g, CELL_BREAK);
          table.row.cells.push({ ...cell, text });
          table.cell = null;
        }
        break;
      case "w:tr":
        if (table?.row && tables.length === 1) table.rows.push(table.row);
        if (table) table.row = null;
        break;
      case "w:tbl": {
        const done = tables.pop();
        if (done && tables.length === 0) out.push("", ...tableLines(done.rows), "");
        break;
      }
    }
  });
  try {
    parser.write(parts.document).close();
  } catch {
    throw new AppError("BAD_INPUT_FILE", "Tệp .docx bị hỏng (nội dung XML không hợp lệ).");
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
