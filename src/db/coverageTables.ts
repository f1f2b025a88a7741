/** The stored coverage counts (migration 0018_coverage): derived, rebuilt with the rollups. */

/** The levels a school teaches as a mask (domain/educationLevels.levelsMask); absent = 0. */
export interface UnitTeachingTable {
  unit_id: number;
  teaches: number;
}

/** Units of a kind and mask at or under an ancestor, valid on the stored map's day. */
export interface CoverageTotalTable {
  ancestor_id: number;
  kind: string;
  teaches: number;
  total: number;
}

/** Of those, the units with an official whole-figure value of the element for the period, own or below. */
export interface CoverageRollupTable {
  ancestor_id: number;
  element_id: number;
  period_id: number;
  kind: string;
  teaches: number;
  reported: number;
}
