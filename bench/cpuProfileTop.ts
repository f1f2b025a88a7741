/**
 * npx tsx bench/cpuProfileTop.ts FILE.cpuprofile [N] [FROM_S] [TO_S] — the functions with the most self
 * time in a V8 CPU profile (node --cpu-prof), and the same time grouped by where the code lives (a
 * package under node_modules, the project's own folders, Node itself), so a request's fixed costs stand
 * out. FROM_S/TO_S keep only the samples taken that many seconds after the profile began (bench:load
 * prints its runs' window), leaving out the server's start; idle time is not counted in the shares.
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: cpuProfileTop.ts FILE.cpuprofile [N] [FROM_S] [TO_S]");
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const fromUs = Number(fromArg ?? 0) * 1e6;
const toUs = toArg === undefined ? Number.POSITIVE_INFINITY : Number(toArg) * 1e6;
const selfUs = new Map<number, number>();
let at = 0;
let idleUs = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  at += dt;
  if (at < fromUs || at > toUs) return;
  if ((byId.get(id) as ProfileNode).callFrame.functionName === "(idle)") {
    idleUs += dt;
    return;
  }
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /\/(src|bench|dist)\/(.*?)([^/]+)$/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith("node:")) return "node";
  return url === "" ? "(native / idle / gc)" : url;
}

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const [id, us] of selfUs) {
  const f = (byId.get(id) as ProfileNode).callFrame;
  const short = f.url.replace(/^.*node_modules\//, "").replace(/^.*\/(src|bench|dist)\//, "$1/");
  const key = `${f.functionName || "(anonymous)"}  ${short}:${f.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const place = where(f.url);
  byPlace.set(place, (byPlace.get(place) ?? 0) + us);
}

const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(
  `busy ${(total / 1e6).toFixed(1)} s sampled (idle ${(idleUs / 1e6).toFixed(1)} s left out)\n\nself time by function:`,
);
for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us)}  ${k}`);
console.log("\nself time by place:");
for (const [k, us] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
