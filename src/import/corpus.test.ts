import { describe, expect, it } from "vitest";
import { corpusAvailable, runManifest } from "./corpus/run.ts";
import { type DocScore, formatScores, loadManifests, totals } from "./corpus/score.ts";

/**
 * The parser scored on real plans from other provinces and ministries (../shared/corpus) against
 * manifests written by reading each document. The floor is what the parser reaches now; it only goes
 * up. The goal (GOAL in score.ts) is printed beside it.
 */
const FLOOR = { recall: 0.97, precision: 0.99, lead: 1, time: 1, targets: 1, identity: 1 };

describe.runIf(corpusAvailable())("the corpus of real plans", () => {
  it("scores at least the floor on every measure", async () => {
    const scores: DocScore[] = [];
    for (const m of loadManifests()) scores.push((await runManifest(m)).score);
    console.log(formatScores(scores));
    for (const s of scores)
      if (s.misses.length > 0) console.log(`${s.file}:\n  ${s.misses.slice(0, 12).join("\n  ")}`);
    const t = totals(scores);
    expect(scores.length).toBeGreaterThanOrEqual(5);
    for (const k of Object.keys(FLOOR) as (keyof typeof FLOOR)[])
      expect(t[k], k).toBeGreaterThanOrEqual(FLOOR[k]);
  }, 60_000);
});
