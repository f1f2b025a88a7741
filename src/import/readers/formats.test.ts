import { beforeAll, describe, expect, it } from "vitest";
import { referenceCandidates } from "../../db/seed/catalog.ts";
import type { PlanDraft } from "../draft.ts";
import { parsePlan } from "../parsePlan.ts";
import { convertAll, planTextToHtml, sofficeAvailable } from "../testing/convert.ts";
import { makeStructuredDocx } from "../testing/docxFixtures.ts";
import { readSeed, seedsAvailable } from "../testing/seeds.ts";
import { readDocument } from "./readDocument.ts";

const units = referenceCandidates();
const SEEDS = ["000_", "001_", "002_", "003_"];

/** What must not change with the format: each task and target as the reviewer sees it. */
function essence(d: PlanDraft) {
  return {
    number: d.document.number,
    issuedOn: d.document.issuedOn,
    tasks: d.tasks.map((t) => ({
      ref: t.ref,
      title: t.title,
      lead: t.lead,
      support: t.support,
      kind: t.timeframe.kind,
      due: t.timeframe.due,
    })),
    targets: d.targets.map((t) => ({
      ref: t.ref,
      value: t.value,
      unit: t.unit,
      year: t.year,
      comparator: t.comparator,
    })),
    indicators: d.indicators.map((i) => ({ ref: i.ref, values: i.values })),
  };
}

const canRun = seedsAvailable() && sofficeAvailable();

describe.runIf(canRun)("the four seeds as LibreOffice DOCX and PDF read as their text", () => {
  const texts = new Map<string, string>();
  const files = new Map<string, Buffer>();
  beforeAll(() => {
    for (const s of SEEDS) texts.set(s, readSeed(s));
    const html = SEEDS.map((s) => ({ data: planTextToHtml(texts.get(s) as string), ext: "html" }));
    const txt = ["000_", "001_"].map((s) => ({ data: texts.get(s) as string, ext: "txt" }));
    const docx = convertAll([...html, ...txt], "docx");
    const pdf = convertAll(html, "pdf");
    SEEDS.forEach((s, i) => {
      files.set(`${s}.docx`, docx[i] as Buffer);
      files.set(`${s}.pdf`, pdf[i] as Buffer);
    });
    files.set("000_.txt.docx", docx[4] as Buffer);
    files.set("001_.txt.docx", docx[5] as Buffer);
  }, 900_000);

  for (const seed of SEEDS) {
    for (const form of ["docx", "pdf"] as const) {
      it(`seed ${seed} as ${form} (tables as real tables)`, async () => {
        const want = essence(parsePlan(texts.get(seed) as string, { units }));
        const src = await readDocument(`ke-hoach.${form}`, files.get(`${seed}.${form}`) as Buffer);
        expect(src.format).toBe(form);
        expect(essence(parsePlan(src.text, { units }))).toEqual(want);
      });
    }
  }

  for (const seed of ["000_", "001_"]) {
    it(`seed ${seed} saved as DOCX from its text (rows with an empty first cell keep the table going)`, async () => {
      const want = essence(parsePlan(texts.get(seed) as string, { units }));
      const src = await readDocument("ke-hoach.docx", files.get(`${seed}.txt.docx`) as Buffer);
      const got = essence(parsePlan(src.text, { units }));
      expect(got.tasks).toHaveLength(seed === "000_" ? 19 : 15);
      expect(got).toEqual(want);
    });
  }
});

describe.runIf(sofficeAvailable())("a Word plan built by code, printed to PDF by LibreOffice", () => {
  it("reads the same tasks from the PDF as from the DOCX, a row crossing a page joined", async () => {
    const docx = await makeStructuredDocx({ longRow: true });
    const [pdf] = convertAll([{ data: docx, ext: "docx" }], "pdf");
    const fromDocx = parsePlan((await readDocument("k.docx", docx)).text);
    const fromPdf = parsePlan((await readDocument("k.pdf", pdf as Buffer)).text);
    expect(fromDocx.tasks).toHaveLength(6);
    expect(essence(fromPdf).tasks).toEqual(essence(fromDocx).tasks);
    expect(fromPdf.tasks.find((t) => t.ref === "II.1")?.title).toMatch(/thứ 60 của nhiệm vụ/);
  }, 600_000);

  // the "a) …" target items are Word list items: in the PDF a tab stop sets the marker off
  it("reads the same targets from the PDF as from the DOCX", async () => {
    const docx = await makeStructuredDocx({ longRow: true });
    const [pdf] = convertAll([{ data: docx, ext: "docx" }], "pdf");
    const fromDocx = parsePlan((await readDocument("k.docx", docx)).text);
    const fromPdf = parsePlan((await readDocument("k.pdf", pdf as Buffer)).text);
    expect(essence(fromPdf).targets).toEqual(essence(fromDocx).targets);
  }, 600_000);
});
