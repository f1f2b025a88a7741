/** The scoreboard's counts kept on write (migration 0020_scoreboard): derived, recomputed from the occurrences. */

/** An occurrence whose segments must be recomputed before the counts are read. */
export interface ScoreDirtyTable {
  seq: import("kysely").Generated<string>;
  occurrence_id: number;
}

/** What an occurrence counts for over the days [from_day, until_day): body (0: the total), deadline, class. */
export interface ScoreSegmentTable {
  occurrence_id: number;
  unit_id: number;
  from_day: string;
  until_day: string | null;
  due: string | null;
  cls: string;
}

/** The segments as a day-keyed log: the board as of D sums the rows with day ≤ D. */
export interface ScoreCountTable {
  day: string;
  unit_id: number;
  due: string | null;
  cls: string;
  n: number;
}
