/**
 * Every kind of generated report opened by real clients: LibreOffice turns the DOCX into PDF and the
 * XLSX into ODS; poppler reads back page sizes, orientation, text positions (margins, nothing off the
 * page), fonts, and every table cell. PNGs of the first pages are kept in test-results/reports/.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cellText } from "./docxParts.ts";
import { type ReportModel, tablesOf } from "./model.ts";
import {
  calcAvailable,
  convertAll,
  fontsOf,
  officeAvailable,
  type PageBox,
  PT_PER_MM,
  pagesOf,
  pngsOf,
} from "./testing/officeCheck.ts";
import { sampleBodyReport, sampleCompiled, sampleReview } from "./testing/sampleModels.ts";
import { reportToDocx } from "./toDocx.ts";
import { reportToXlsx } from "./toXlsx.ts";

const OUT = path.resolve("test-results/reports");
const available = officeAvailable();
const calc = available && calcAvailable();
if (!available || !calc) {
  if (process.env.CI) throw new Error("LibreOffice (soffice, with Calc) and poppler are required under CI");
  console.warn(
    available
      ? "⚠ LibreOffice Calc is absent: the XLSX conversion checks are SKIPPED (apt-get install libreoffice-calc-nogui)"
      : "⚠ LibreOffice (soffice) or poppler is absent: the DOCX/XLSX checks with real clients are SKIPPED",
  );
}

const cases: [string, ReportModel][] = [
  ["state-body-report", sampleBodyReport(false)],
  ["party-body-report", sampleBodyReport(true)],
  ["compiled-report", sampleCompiled(12)],
  ["plan-review", sampleReview(40, 12, 8)],
];

/** Words, split at hyphens too: LibreOffice may break "bien-ban-11.pdf" after a hyphen, which cuts nothing. */
const words = (s: string) => s.split(/[\s\-–]+/).filter(Boolean);

/** Portrait pages first, then one landscape page run per appendix. */
function checkPages(name: string, pages: PageBox[], m: ReportModel) {
  const A4 = { short: 210 * PT_PER_MM, long: 297 * PT_PER_MM };
  const first = pages[0] as PageBox;
  expect(Math.abs(first.width - A4.short), `${name}: page 1 width`).toBeLessThan(1);
  expect(Math.abs(first.height - A4.long), `${name}: page 1 height`).toBeLessThan(1);
  const landscape = pages.filter((p) => p.width > p.height);
  expect(landscape.length, `${name}: landscape appendix pages`).toBeGreaterThanOrEqual(m.appendices.length);
  for (const p of landscape) {
    expect(Math.abs(p.width - A4.long)).toBeLessThan(1);
    expect(Math.abs(p.height - A4.short)).toBeLessThan(1);
  }
  // the appendices come last: once landscape, always landscape
  const firstLandscape = pages.findIndex((p) => p.width > p.height);
  if (firstLandscape >= 0) expect(pages.slice(firstLandscape).every((p) => p.width > p.height)).toBe(true);
  // page number: none on page 1, centred in the top margin from page 2
  const inTopMargin = (p: PageBox) => p.words.filter((w) => w.yMax < 20 * PT_PER_MM);
  expect(inTopMargin(first), `${name}: no page number on page 1`).toEqual([]);
  for (const p of pages.slice(1)) {
    const top = inTopMargin(p).map((w) => w.text);
    expect(top, `${name}: page number on page ${p.page}`).toEqual([String(p.page)]);
  }
  for (const p of pages) {
    const body = p.words.filter((w) => w.yMin >= 20 * PT_PER_MM - 1);
    // no page carries only its number (a closing table's trailing paragraph once made one)
    expect(body.length, `${name} p${p.page}: text below the page number`).toBeGreaterThan(0);
    const left = Math.min(...body.map((w) => w.xMin));
    const right = Math.max(...body.map((w) => w.xMax));
    const bottom = Math.max(...body.map((w) => w.yMax));
    // ND 30: left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm; text never beyond them
    expect(left / PT_PER_MM, `${name} p${p.page}: left margin`).toBeGreaterThanOrEqual(29.5);
    expect(left / PT_PER_MM, `${name} p${p.page}: left margin`).toBeLessThanOrEqual(36);
    expect((p.width - right) / PT_PER_MM, `${name} p${p.page}: right margin`).toBeGreaterThanOrEqual(14.5);
    expect((p.height - bottom) / PT_PER_MM, `${name} p${p.page}: bottom margin`).toBeGreaterThanOrEqual(19.5);
  }
}

describe.runIf(available)("reports opened in LibreOffice", () => {
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const files: string[] = [];
    for (const [name, m] of cases) {
      fs.writeFileSync(path.join(OUT, `${name}.docx`), await reportToDocx(m));
      fs.writeFileSync(path.join(OUT, `${name}.xlsx`), await reportToXlsx(m));
      files.push(path.join(OUT, `${name}.docx`));
    }
    convertAll(files, OUT, "pdf");
    if (calc) {
      convertAll(
        cases.map(([n]) => path.join(OUT, `${n}.xlsx`)),
        OUT,
        "ods",
      );
    }
  }, 280_000);

  it.each(cases)("%s: A4, orientation, margins, page numbers, fonts, every cell present", (name, m) => {
    const pdf = path.join(OUT, `${name}.pdf`);
    expect(fs.existsSync(pdf), `${name}.pdf made by LibreOffice`).toBe(true);
    const pages = pagesOf(pdf);
    checkPages(name, pages, m);
    const fonts = fontsOf(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name, `${name}: font`).toMatch(/TimesNewRoman|Times New Roman|LiberationSerif/);
      expect(f.embedded, `${name}: ${f.name} embedded`).toBe(true);
    }
    const pdfWords = new Set(pages.flatMap((p) => p.words.flatMap((w) => words(w.text))));
    for (const t of tablesOf(m)) {
      for (const r of t.rows) {
        r.forEach((v, i) => {
          const col = t.columns[i];
          if (!col) return;
          for (const w of words(cellText(v, col.kind)))
            expect(pdfWords.has(w), `${name}: "${w}" of ${t.id}`).toBe(true);
        });
      }
    }
    const all = pages.map((p) => p.words.map((w) => w.text).join(" ")).join(" ");
    expect(all).toContain(
      m.layout === "party" ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    );
    pngsOf(pdf, path.join(OUT, name), 2);
    expect(fs.existsSync(path.join(OUT, `${name}-1.png`))).toBe(true);
  });

  it.runIf(calc).each(cases)(
    "%s: XLSX reads back with exceljs and converts in LibreOffice",
    async (name, m) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(OUT, `${name}.xlsx`));
      const tables = tablesOf(m);
      expect(wb.worksheets.length).toBe(tables.length);
      tables.forEach((t, k) => {
        const ws = wb.worksheets[k] as ExcelJS.Worksheet;
        expect(ws.getRow(2).getCell(1).value).toBe(t.columns[0]?.header);
        expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
        expect(ws.pageSetup.paperSize).toBe(9);
        expect(ws.rowCount).toBe(t.rows.length + 2);
      });
      expect(fs.statSync(path.join(OUT, `${name}.ods`)).size).toBeGreaterThan(1000);
    },
  );
});
