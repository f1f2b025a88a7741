import fs from "node:fs";
import path from "node:path";
import { asciiKey } from "../../domain/text.ts";
import type { TimeframeKind } from "../../domain/timeframe.ts";
import { numberKey } from "../documentMeta.ts";
import type { PlanDraft, TaskDraft } from "../draft.ts";

/**
 * The corpus manifests (written by hand from each document) and the score of a draft against one.
 * A manifest says what a careful reader finds; the score says how much of it the parser found.
 */
export interface ManifestTask {
  ref: string;
  /** The first words of the task, as the document writes them. */
  title: string;
  /** The first lead body; null when the document names none. */
  lead: string | null;
  /** The time-frame kind (or the kinds a reader would accept for an ambiguous text). */
  kind: TimeframeKind | TimeframeKind[];
  /** ISO date of the (first) due date, when there is one. */
  due?: string;
  /** The document states no time for this task (an empty cell, a table without a time column): the draft must leave it to the reviewer, not invent one. */
  unstated?: boolean;
}

export interface ManifestTarget {
  text: string;
  comparator: string | null;
  value: number | null;
  unit: string | null;
  year: number | null;
}

export interface Manifest {
  /** Path under ../shared/corpus. */
  file: string;
  note: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  implements: string[];
  tasks: ManifestTask[];
  targets: ManifestTarget[];
  /** The document must be refused by the reader with a message containing this text (nothing to score). */
  refused?: string;
}

export interface DocScore {
  file: string;
  tasks: number;
  found: number;
  drafted: number;
  leadRight: number;
  timeRight: number;
  targets: number;
  targetsFound: number;
  identityRight: boolean;
  misses: string[];
}

/** The bar (issue 10): the corpus must reach it before the importer is called done. */
export const GOAL = { recall: 0.95, precision: 0.95, lead: 0.95, time: 0.95, targets: 0.9, identity: 0.95 };

export const CORPUS_DIR = path.resolve(import.meta.dirname, "../../../../shared/corpus");
export const MANIFEST_DIR = path.resolve(import.meta.dirname, "manifests");

export function loadManifests(): Manifest[] {
  return fs
    .readdirSync(MANIFEST_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(MANIFEST_DIR, f), "utf8")) as Manifest);
}

const key = (s: string) =>
  asciiKey(s)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function titleMatches(t: TaskDraft, m: ManifestTask): boolean {
  const want = key(m.title);
  return want.length > 0 && key(t.title).includes(want);
}

function leadMatches(t: TaskDraft, lead: string | null): boolean {
  if (lead === null) return t.lead.length === 0;
  const want = key(lead);
  const first = t.lead[0];
  if (first === undefined) return false;
  const got = key(first);
  return got === want || got.startsWith(want) || want.startsWith(got);
}

function timeMatches(t: TaskDraft, m: ManifestTask): boolean {
  if (m.unstated) return t.timeframe.text.trim() === "" && t.timeframe.due === null;
  const kinds = Array.isArray(m.kind) ? m.kind : [m.kind];
  if (!kinds.includes(t.timeframe.kind) || t.timeframe.unparsed) return false;
  if (!m.due) return true;
  return t.timeframe.due === m.due || t.timeframe.milestones.some((x) => x.due === m.due);
}

function targetFound(d: PlanDraft, m: ManifestTarget): boolean {
  const want = key(m.text);
  return d.targets.some(
    (t) =>
      key(t.text).includes(want) &&
      t.value === m.value &&
      (m.year === null || t.year === m.year) &&
      (m.comparator === null || t.comparator === m.comparator) &&
      (m.unit === null || t.unit === m.unit),
  );
}

/** A document the reader refused: right when the manifest expects that refusal, with nothing drafted. */
export function scoreRefusal(m: Manifest, message: string): DocScore {
  const expected = m.refused !== undefined && message.includes(m.refused);
  return {
    file: m.file,
    tasks: m.tasks.length,
    found: 0,
    drafted: 0,
    leadRight: 0,
    timeRight: 0,
    targets: m.targets.length,
    targetsFound: 0,
    identityRight: expected,
    misses: expected ? [] : [`từ chối ngoài dự kiến: ${message}`],
  };
}

/** Scores one draft against its manifest; a task is matched by its title's first words. */
export function scoreDraft(m: Manifest, d: PlanDraft): DocScore {
  if (m.refused !== undefined) {
    const s = scoreRefusal(m, "");
    return {
      ...s,
      drafted: d.tasks.length,
      identityRight: false,
      misses: [`đọc được, nhưng bản kê chờ bị từ chối: ${m.refused}`],
    };
  }
  const free = new Set(d.tasks);
  const misses: string[] = [];
  let found = 0;
  let leadRight = 0;
  let timeRight = 0;
  for (const mt of m.tasks) {
    const hit = [...free].find((t) => titleMatches(t, mt));
    if (!hit) {
      misses.push(`thiếu ${mt.ref} "${mt.title}"`);
      continue;
    }
    free.delete(hit);
    found++;
    if (leadMatches(hit, mt.lead)) leadRight++;
    else misses.push(`${mt.ref}: chủ trì "${hit.lead.join("; ")}" ≠ "${mt.lead}"`);
    if (timeMatches(hit, mt)) timeRight++;
    else
      misses.push(
        `${mt.ref}: thời gian ${hit.timeframe.kind} ${hit.timeframe.due} ("${hit.timeframe.text}") ≠ ${String(mt.kind)} ${mt.due ?? ""}`,
      );
  }
  for (const extra of free) misses.push(`thừa ${extra.ref} "${extra.title.slice(0, 40)}"`);
  const targetsFound = m.targets.filter((t) => {
    const ok = targetFound(d, t);
    if (!ok) misses.push(`chỉ tiêu thiếu "${t.text}" ${t.value}`);
    return ok;
  }).length;
  const sameNumber =
    m.number === null
      ? d.document.number === null
      : numberKey(d.document.number ?? "") === numberKey(m.number);
  return {
    file: m.file,
    tasks: m.tasks.length,
    found,
    drafted: d.tasks.length,
    leadRight,
    timeRight,
    targets: m.targets.length,
    targetsFound,
    identityRight: sameNumber && d.document.issuedOn === m.issuedOn,
    misses,
  };
}

export interface Totals {
  recall: number;
  precision: number;
  lead: number;
  time: number;
  targets: number;
  identity: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function totals(scores: DocScore[]): Totals {
  const sum = (f: (s: DocScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const found = sum((s) => s.found);
  return {
    recall: ratio(
      found,
      sum((s) => s.tasks),
    ),
    precision: ratio(
      found,
      sum((s) => s.drafted),
    ),
    lead: ratio(
      sum((s) => s.leadRight),
      found,
    ),
    time: ratio(
      sum((s) => s.timeRight),
      found,
    ),
    targets: ratio(
      sum((s) => s.targetsFound),
      sum((s) => s.targets),
    ),
    identity: ratio(
      sum((s) => (s.identityRight ? 1 : 0)),
      scores.length,
    ),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1).replace(".", ",")} %`;

/** The per-document table and the totals, as printed by the test and by `npm run bench:import`. */
export function formatScores(scores: DocScore[], ms?: Map<string, number>): string {
  const rows = scores.map((s) =>
    [
      s.file.padEnd(58).slice(0, 58),
      `${s.found}/${s.tasks}`.padStart(7),
      `${s.drafted}`.padStart(5),
      `${s.leadRight}`.padStart(5),
      `${s.timeRight}`.padStart(5),
      `${s.targetsFound}/${s.targets}`.padStart(6),
      s.identityRight ? "  đúng" : "   sai",
      ms?.has(s.file) ? `${(ms.get(s.file) as number).toFixed(1).padStart(8)} ms` : "",
    ].join(" "),
  );
  const t = totals(scores);
  return [
    `${"văn bản".padEnd(58)}  tìm/có  nháp  c.trì  t.gian  c.tiêu  số+ngày`,
    ...rows,
    `Nhiệm vụ: recall ${pct(t.recall)}, precision ${pct(t.precision)}; chủ trì ${pct(t.lead)}; thời gian ${pct(t.time)}; chỉ tiêu ${pct(t.targets)}; số + ngày ${pct(t.identity)}`,
  ].join("\n");
}
