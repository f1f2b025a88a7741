/**
 * npm run bench:import — parse time of each real plan in ../shared/seeds (text → draft, including
 * body resolution against the reference map). Prints the median of repeated runs per seed, then the
 * score on the corpus (../shared/corpus against src/import/corpus/manifests) with the time per document
 * (read + parse, median of a few runs).
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { referenceCandidates } from "../src/db/seed/catalog.ts";
import { corpusAvailable, runManifest } from "../src/import/corpus/run.ts";
import { type DocScore, formatScores, loadManifests } from "../src/import/corpus/score.ts";
import { parsePlan } from "../src/import/parsePlan.ts";

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
