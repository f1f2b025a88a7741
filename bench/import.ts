/**
 * npm run bench:import — parse time of each real plan in ../shared/seeds (text → draft, including
 * body resolution against the reference map), then the score on the corpus (../shared/corpus against
 * src/import/corpus/manifests) with the time per document, then the time to read and parse a 20-page
 * plan as DOCX and as PDF (made by LibreOffice from the DOCX when `soffice` is here) and as text.
 * Medians of repeated runs.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { referenceCandidates } from "../src/db/seed/catalog.ts";
import { corpusAvailable, runManifest } from "../src/import/corpus/run.ts";
import { type DocScore, formatScores, loadManifests } from "../src/import/corpus/score.ts";
import { parsePlan } from "../src/import/parsePlan.ts";
import { readDocument } from "../src/import/readers/readDocument.ts";
import { convertAll } from "../src/import/testing/convert.ts";
import { makeLongPlanDocx } from "../src/import/testing/docxFixtures.ts";

const dir = path.resolve(import.meta.dirname, "../../shared/seeds");
if (!fs.existsSync(dir)) {
  console.error(`Không thấy ${dir}: cần ../shared/seeds để đo.`);
  process.exit(1);
}
const units = referenceCandidates();
const runs = Number(process.env.BENCH_RUNS ?? 50);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

let total = 0;
console.log(`Đo ${runs} lần mỗi văn bản (Node ${process.version})`);
for (const f of fs.readdirSync(dir).sort()) {
  const text = fs.readFileSync(path.join(dir, f), "utf8");
  parsePlan(text, { units }); // warm-up
  const times: number[] = [];
  let tasks = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const d = parsePlan(text, { units });
    times.push(performance.now() - t0);
    tasks = d.tasks.length + d.indicators.length;
  }
  const m = median(times);
  total += m;
  console.log(
    `${f.padEnd(28)} ${(text.length / 1024).toFixed(1).padStart(6)} KB  ${m.toFixed(2).padStart(7)} ms  (${tasks} dòng nhiệm vụ/chỉ tiêu)`,
  );
}
console.log(`Tổng bốn văn bản (trung vị cộng lại): ${total.toFixed(2)} ms`);

if (corpusAvailable()) {
  const scores: DocScore[] = [];
  const ms = new Map<string, number>();
  for (const m of loadManifests()) {
    const times: number[] = [];
    let score: DocScore | null = null;
    for (let i = 0; i < 5; i++) {
      const r = await runManifest(m);
      times.push(r.ms);
      score = r.score;
    }
    if (score) scores.push(score);
    ms.set(m.file, median(times));
  }
  console.log(`\nKho văn bản (${scores.length} văn bản có bản kê):`);
  console.log(formatScores(scores, ms));
}

/** Read + parse of one file, median of `n` runs after a warm-up. */
async function timeFile(name: string, buf: Buffer, n: number) {
  const once = async () => parsePlan((await readDocument(name, buf)).text, { units });
  await once();
  const times: number[] = [];
  let tasks = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    tasks = (await once()).tasks.length;
    times.push(performance.now() - t0);
  }
  return { ms: median(times), tasks };
}

const formatRuns = Number(process.env.BENCH_FORMAT_RUNS ?? 7);
const docx = await makeLongPlanDocx(110);
console.log(`\nKế hoạch dài (110 nhiệm vụ, khoảng 20 trang), đọc + phân tích, trung vị ${formatRuns} lần:`);
const fromDocx = await timeFile("dai.docx", docx, formatRuns);
let soffice = true;
try {
  execFileSync("soffice", ["--version"], { stdio: "ignore" });
} catch {
  soffice = false;
}
if (soffice) {
  const [pdf] = convertAll([{ data: docx, ext: "docx" }], "pdf");
  const pages = (pdf as Buffer).toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  const text = (await readDocument("dai.docx", docx)).text;
  const fromText = await timeFile("dai.txt", Buffer.from(text), formatRuns);
  const fromPdf = await timeFile("dai.pdf", pdf as Buffer, formatRuns);
  console.log(`  văn bản (.txt)  ${fromText.ms.toFixed(1).padStart(8)} ms  ${fromText.tasks} nhiệm vụ`);
  console.log(`  DOCX            ${fromDocx.ms.toFixed(1).padStart(8)} ms  ${fromDocx.tasks} nhiệm vụ`);
  console.log(`  PDF (${pages} trang) ${fromPdf.ms.toFixed(1).padStart(8)} ms  ${fromPdf.tasks} nhiệm vụ`);
} else {
  console.log(`  DOCX            ${fromDocx.ms.toFixed(1).padStart(8)} ms  ${fromDocx.tasks} nhiệm vụ`);
  console.log("  [bỏ qua] PDF: không có LibreOffice (soffice) để in kế hoạch ra PDF.");
}
