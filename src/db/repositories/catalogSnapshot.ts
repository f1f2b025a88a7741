/**
 * The indicator catalog (every `indicator` and `data_element` row) as one immutable snapshot, kept in
 * memory by its content. Every form read and every figure write needs the catalog (which fields a unit
 * enters, each element's kind and range, the rates that tie them); read each time, it cost five
 * statements per save. Now a statement that needs it carries two more columns: the catalog's stamp
 * (an md5 of every row's text, computed by the database in the statement's own snapshot) and the rows
 * themselves only when the stamp is not one this process already holds. The stamp is the content, so
 * a change made anywhere — this process, the CLI, a restore, another transaction — is a new stamp and
 * is read at once; nothing is ever invalidated by hand, and a snapshot is never stale.
 *
 * What is derived from a snapshot (a unit's form definition, the elements' rules) is derived once per
 * snapshot: callers must treat what they get as read-only.
 */
import { type Kysely, type RawBuilder, type Selectable, sql } from "kysely";
import type { Database, DataElementTable, IndicatorTable } from "../schema.ts";

export type IndicatorRow = Selectable<IndicatorTable>;
export type ElementRow = Selectable<DataElementTable>;

export interface Catalog {
  stamp: string;
  /** In code order. */
  indicators: readonly IndicatorRow[];
  /** In id order. */
  elements: readonly ElementRow[];
  /** What has been derived from this snapshot, by key (see `derived`). */
  memo: Map<string, unknown>;
}

const KEPT_MAX = 8;
const kept = new Map<string, Catalog>();

/** The stamps held in memory: sent with a statement so the database leaves out the rows we have. */
export function knownStamps(): string[] {
  return [...kept.keys()];
}

/** The catalog's stamp, as an SQL expression. */
const STAMP = sql<string>`md5(
  coalesce((select string_agg(ci::text, '|' order by ci.id) from indicator ci), '') || '#' ||
  coalesce((select string_agg(ce::text, '|' order by ce.id) from data_element ce), ''))`;

const CONTENT = sql<unknown>`json_build_object(
  'indicators', coalesce((select json_agg(ci order by ci.code) from indicator ci), '[]'),
  'elements', coalesce((select json_agg(ce order by ce.id) from data_element ce), '[]'))`;

/**
 * A lateral source `cat(stamp, content)` to join into a statement: the stamp, and the catalog's rows
 * (as JSON) only when the stamp is not among `known`.
 */
export function catalogSource(known: string[]): RawBuilder<unknown> {
  return sql`(select s.stamp, case when s.stamp = any(${known}::text[]) then null else ${CONTENT} end as content
    from (select ${STAMP} as stamp) s)`;
}

interface Content {
  indicators: IndicatorRow[];
  elements: (Omit<ElementRow, "min_value" | "max_value"> & { min_value: unknown; max_value: unknown })[];
}

function keep(stamp: string, content: Content): Catalog {
  const catalog: Catalog = {
    stamp,
    indicators: content.indicators,
    // JSON gives numerics as numbers; the row type (and a plain select) gives them as text
    elements: content.elements.map((e) => ({
      ...e,
      min_value: String(e.min_value),
      max_value: String(e.max_value),
    })),
    memo: new Map(),
  };
  if (kept.size >= KEPT_MAX) kept.delete(kept.keys().next().value as string);
  kept.set(stamp, catalog);
  return catalog;
}

/** The catalog in one statement (its rows only when this process does not hold them yet). */
export async function loadCatalog(db: Kysely<Database>): Promise<Catalog> {
  const row = (
    await sql<{
      stamp: string;
      content: unknown;
    }>`select stamp, content from ${catalogSource(knownStamps())} cat`.execute(db)
  ).rows[0] as { stamp: string; content: unknown };
  return resolveCatalog(db, row.stamp, row.content);
}

/**
 * The snapshot a statement's `cat` columns name: the one held under that stamp, or the rows it brought.
 * A stamp dropped from memory between the statement and now (eight other catalogs seen meanwhile) is
 * read again.
 */
export async function resolveCatalog(
  db: Kysely<Database>,
  stamp: string,
  content: unknown,
): Promise<Catalog> {
  if (content) return kept.get(stamp) ?? keep(stamp, content as Content);
  const held = kept.get(stamp);
  if (held) return held;
  const row = (
    await sql<{
      stamp: string;
      content: unknown;
    }>`select stamp, content from ${catalogSource([])} cat`.execute(db)
  ).rows[0] as { stamp: string; content: unknown };
  return kept.get(row.stamp) ?? keep(row.stamp, row.content as Content);
}

/** Something derived from a snapshot, computed once per snapshot and key. */
export function derived<T>(catalog: Catalog, key: string, make: () => T): T {
  if (catalog.memo.has(key)) return catalog.memo.get(key) as T;
  const value = make();
  catalog.memo.set(key, value);
  return value;
}

/** Forget every snapshot (tests that count statements start cold). */
export function forgetCatalogs(): void {
  kept.clear();
}
