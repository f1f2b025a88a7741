/**
 * An in-process HTTP server that answers like a DHIS2 instance for what Lộ Trình calls: GET and POST
 * /api/dataValueSets and GET /api/metadata, behind Basic authentication or a personal access token.
 * Shapes follow DHIS2's documentation and its own test payloads (WebMessage with an ImportSummary,
 * conflicts with errorCode and indexes, HTTP 409 when values were refused). Tests only; loopback only.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Dhis2DataValue } from "../dhis2Client.ts";

export interface StandInMetadata {
  dataElements: { id: string; code?: string; name: string }[];
  organisationUnits: { id: string; code?: string; name: string; path: string; level: number }[];
  categoryOptionCombos: { id: string; code?: string; name: string }[];
}

export interface Dhis2StandIn {
  url: string;
  values: Map<string, Dhis2DataValue>;
  requests: { method: string; path: string; auth: string | null; count?: number }[];
  close(): Promise<void>;
}

const DEFAULT_COMBO = "HllvX50cXC0";
const key = (v: Dhis2DataValue) =>
  [
    v.dataElement,
    v.period,
    v.orgUnit,
    v.categoryOptionCombo || DEFAULT_COMBO,
    v.attributeOptionCombo || DEFAULT_COMBO,
  ].join("|");

export async function startDhis2StandIn(opts: {
  metadata: StandInMetadata;
  username?: string;
  password?: string;
  token?: string;
}): Promise<Dhis2StandIn> {
  const values = new Map<string, Dhis2DataValue>();
  const requests: Dhis2StandIn["requests"] = [];
  const basic = opts.username
    ? `Basic ${Buffer.from(`${opts.username}:${opts.password ?? ""}`).toString("base64")}`
    : null;
  const token = opts.token ? `ApiToken ${opts.token}` : null;
  const md = opts.metadata;
  const combos = new Set([DEFAULT_COMBO, ...md.categoryOptionCombos.map((c) => c.id)]);

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const auth = req.headers.authorization ?? null;
    const entry: Dhis2StandIn["requests"][number] = { method: req.method ?? "GET", path: url.pathname, auth };
    requests.push(entry);
    if (auth === null || (auth !== basic && auth !== token)) {
      send(res, 401, {
        httpStatus: "Unauthorized",
        httpStatusCode: 401,
        status: "ERROR",
        message: "Unauthorized",
      });
      return;
    }
    if (url.pathname === "/api/metadata" && req.method === "GET") {
      send(res, 200, { system: { version: "2.41-stand-in" }, ...md });
      return;
    }
    if (url.pathname !== "/api/dataValueSets") {
      send(res, 404, { httpStatus: "Not Found", httpStatusCode: 404, status: "ERROR", message: "Not found" });
      return;
    }
    if (req.method === "GET") {
      const periods = url.searchParams.getAll("period");
      const units = new Set(url.searchParams.getAll("orgUnit"));
      const children = url.searchParams.get("children") === "true";
      const elements = url.searchParams.getAll("dataElement");
      const under = (ou: string) => {
        if (units.has(ou)) return true;
        if (!children) return false;
        const path = md.organisationUnits.find((u) => u.id === ou)?.path ?? "";
        return path.split("/").some((id) => units.has(id));
      };
      const out = [...values.values()].filter(
        (v) =>
          (periods.length === 0 || periods.includes(v.period)) &&
          (elements.length === 0 || elements.includes(v.dataElement)) &&
          under(v.orgUnit),
      );
      send(res, 200, { dataValues: out });
      return;
    }
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString("utf8");
    });
    req.on("end", () => {
      const payload = JSON.parse(body || "{}") as { dataValues?: Dhis2DataValue[] };
      const dryRun = url.searchParams.get("dryRun") === "true";
      const list = payload.dataValues ?? [];
      entry.count = list.length;
      const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
      const conflicts: {
        object: string;
        value: string;
        errorCode: string;
        property: string;
        indexes: number[];
      }[] = [];
      for (const [index, v] of list.entries()) {
        const refuse = (property: string, errorCode: string, what: string, object: string) => {
          conflicts.push({
            object,
            value: `${what} not found or not accessible: \`${object}\``,
            errorCode,
            property,
            indexes: [index],
          });
          count.ignored++;
        };
        if (!md.dataElements.some((d) => d.id === v.dataElement)) {
          refuse("dataElement", "E7610", "Data element", v.dataElement);
          continue;
        }
        if (!md.organisationUnits.some((u) => u.id === v.orgUnit)) {
          refuse("orgUnit", "E7612", "Organisation unit", v.orgUnit);
          continue;
        }
        if (v.categoryOptionCombo && !combos.has(v.categoryOptionCombo)) {
          refuse("categoryOptionCombo", "E7613", "Category option combo", v.categoryOptionCombo);
          continue;
        }
        const k = key(v);
        const had = values.has(k);
        if (!dryRun) values.set(k, { ...v });
        if (had) count.updated++;
        else count.imported++;
      }
      const status =
        conflicts.length === 0 ? "SUCCESS" : count.imported + count.updated > 0 ? "WARNING" : "ERROR";
      send(res, conflicts.length === 0 ? 200 : 409, {
        httpStatus: conflicts.length === 0 ? "OK" : "Conflict",
        httpStatusCode: conflicts.length === 0 ? 200 : 409,
        status: conflicts.length === 0 ? "OK" : status,
        message:
          conflicts.length === 0
            ? "Import was successful."
            : "One more conflicts encountered, please check import summary.",
        response: {
          responseType: "ImportSummary",
          status,
          importCount: count,
          conflicts,
          dataSetComplete: "false",
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    values,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
