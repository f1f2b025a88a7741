import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * Routes only authenticate, validate, load, authorize, act and present: queries live in
 * src/db/repositories, rules in src/domain and src/usecases. This test reads every route file.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const FORBIDDEN = [
  /\bselectFrom\s*\(/,
  /\binsertInto\s*\(/,
  /\bupdateTable\s*\(/,
  /\bdeleteFrom\s*\(/,
  /\bsql\s*`/,
];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

function sqlInRoute(source: string): string[] {
  return source
    .split("\n")
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => FORBIDDEN.some((re) => re.test(line)))
    .map(({ line, n }) => `${n}: ${line.trim()}`);
}

describe("thin routes", () => {
  it("the detector finds each kind of query (so an empty result means something)", () => {
    for (const bad of [
      'db.selectFrom("period")',
      'db.insertInto("x")',
      "db.updateTable('x')",
      'trx.deleteFrom("x")',
      "sql`select 1`",
      "await sql `select 1`",
    ])
      expect(sqlInRoute(bad), bad).toHaveLength(1);
    expect(sqlInRoute("listPeriods(db, kind) // no query here")).toEqual([]);
  });

  it("no route file in src/server/routes builds a query", () => {
    const files = routeFiles(here);
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((f) =>
      sqlInRoute(fs.readFileSync(f, "utf8")).map((hit) => `${path.relative(here, f)}:${hit}`),
    );
    expect(offenders, "move these queries into a repository or a use case").toEqual([]);
  });
});
