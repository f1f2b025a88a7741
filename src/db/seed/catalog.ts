import type { UnitCandidate } from "../../import/bodies.ts";
import { buildMapSeed } from "./mapSeed.ts";

/** The reference map as resolution candidates, for reading a document without a database. */
export function referenceCandidates(): UnitCandidate[] {
  return buildMapSeed().map((u) => ({
    id: null,
    name: u.fullName,
    names: [u.fullName, u.name, ...u.aliases],
    validFrom: u.validFrom,
    validTo: u.validTo,
  }));
}
