/**
 * What the leaders' overview needs before anything else, in ONE statement: the documents and their
 * "implements" links (to find the cascade), and the calendar of figures on the day (school years, the
 * rollups' state, the province).
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import {
  type DocumentBrief,
  type DocumentGraph,
  documentsJson,
  type ImplementsLink,
  implementsJson,
} from "./alignmentQueries.ts";
import { type CalendarRow, calendarColumns, calendarOf, type FigureCalendar } from "./targetPageQueries.ts";

export async function overviewContext(
  db: Kysely<Database>,
  asOf: string,
): Promise<{ graph: DocumentGraph; calendar: FigureCalendar }> {
  const { rows } = await sql<
    CalendarRow & { docs: DocumentBrief[] | null; links: ImplementsLink[] | null }
  >`select ${calendarColumns(asOf)}, ${documentsJson} as docs, ${implementsJson} as links
    from rollup_state s where s.id = 1`.execute(db);
  const r = rows[0];
  return { graph: { docs: r?.docs ?? [], links: r?.links ?? [] }, calendar: calendarOf(r) };
}
