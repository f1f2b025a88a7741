import type { RouteOptions } from "fastify";

/**
 * How many bytes each route may receive, sized to what it needs. Fastify refuses a larger body with
 * 413 from its Content-Length alone, before reading it, and stops reading a chunked one at the limit.
 * Multipart uploads are not counted here: each upload route reads its file through
 * `uploads/receiveUpload.ts` with the limit of its own kind of file.
 */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

const MB = 1024 * 1024;

export const BODY_LIMITS: Record<string, number> = {
  // a reviewed plan carries its source text (≤ 5 million characters, up to 3 bytes each)
  "POST /api/documents": 16 * MB,
  // DHIS2 dataValueSets: 100 000 values of ~150-200 bytes (the bench's size), under both paths
  "POST /api/datavaluesets": 24 * MB,
  "POST /api/dataValueSets": 24 * MB,
  // a DHIS2 instance's /api/metadata export (data elements, combos, org units with their paths)
  "POST /api/dhis2/metadata": 32 * MB,
  // one form: a few hundred values with comments
  "PUT /api/forms/:unitId/:periodId": 1 * MB,
};

export function bodyLimitOf(method: string, url: string): number {
  return BODY_LIMITS[`${method} ${url}`] ?? DEFAULT_BODY_LIMIT;
}

/** onRoute hook: every route gets its limit from the table above, whatever it declared. */
export function applyBodyLimit(route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  route.bodyLimit = Math.max(...methods.map((m) => bodyLimitOf(String(m), route.url)));
}
