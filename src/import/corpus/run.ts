import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { AppError } from "../../errors.ts";
import type { PlanDraft } from "../draft.ts";
import { parsePlan } from "../parsePlan.ts";
import { readDocument } from "../readers/readDocument.ts";
import { CORPUS_DIR, type DocScore, type Manifest, scoreDraft, scoreRefusal } from "./score.ts";

/** ../shared/corpus beside the repository; absent on a bare clone, required in CI. */
export function corpusAvailable(): boolean {
  if (fs.existsSync(CORPUS_DIR)) return true;
  if (process.env.CI) throw new Error(`CI đặt nhưng không thấy kho văn bản tại ${CORPUS_DIR}`);
  console.warn(`[bỏ qua] Không thấy ../shared/corpus (${CORPUS_DIR}): bỏ qua chấm điểm trên kho văn bản.`);
  return false;
}

/** Reads and parses a manifest's document; the time covers reading and parsing. A refusal by the reader (a clear AppError) is scored against the manifest's `refused`. */
export async function runManifest(
  m: Manifest,
): Promise<{ draft: PlanDraft | null; score: DocScore; ms: number }> {
  const file = path.join(CORPUS_DIR, m.file);
  const buf = fs.readFileSync(file);
  const t0 = performance.now();
  let text: string;
  try {
    text = (await readDocument(path.basename(file), buf)).text;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { draft: null, score: scoreRefusal(m, e.message), ms: performance.now() - t0 };
  }
  const draft = parsePlan(text);
  const ms = performance.now() - t0;
  return { draft, score: scoreDraft(m, draft), ms };
}

/** The plan documents of the corpus (text, Markdown, DOCX, PDF; not the READMEs nor the DHIS2 payloads), relative to it. */
export function corpusDocuments(): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(CORPUS_DIR, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== "dhis2") walk(r);
      } else if (/\.(md|txt|docx|pdf)$/i.test(e.name) && !/^readme\.md$/i.test(e.name)) out.push(r);
    }
  };
  walk("");
  return out.sort();
}
