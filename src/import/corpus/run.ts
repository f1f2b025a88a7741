import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { PlanDraft } from "../draft.ts";
import { parsePlan } from "../parsePlan.ts";
import { readDocument } from "../readers/readDocument.ts";
import { CORPUS_DIR, type DocScore, type Manifest, scoreDraft } from "./score.ts";

/** ../shared/corpus beside the repository; absent on a bare clone, required in CI. */
export function corpusAvailable(): boolean {
  if (fs.existsSync(CORPUS_DIR)) return true;
  if (process.env.CI) throw new Error(`CI đặt nhưng không thấy kho văn bản tại ${CORPUS_DIR}`);
  console.warn(`[bỏ qua] Không thấy ../shared/corpus (${CORPUS_DIR}): bỏ qua chấm điểm trên kho văn bản.`);
  return false;
}

/** Reads and parses a manifest's document; the time covers reading and parsing. */
export async function runManifest(m: Manifest): Promise<{ draft: PlanDraft; score: DocScore; ms: number }> {
  const file = path.join(CORPUS_DIR, m.file);
  const buf = fs.readFileSync(file);
  const t0 = performance.now();
  const doc = await readDocument(path.basename(file), buf);
  const draft = parsePlan(doc.text);
  const ms = performance.now() - t0;
  return { draft, score: scoreDraft(m, draft), ms };
}
