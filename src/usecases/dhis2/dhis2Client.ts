/**
 * A client for a DHIS2 server's Web API: /api/dataValueSets (read and write, in batches) and
 * /api/metadata (data elements, category option combos, organisation units with their paths).
 * Basic authentication or a personal access token ("ApiToken d2pat_…"). Every failure becomes one
 * Vietnamese message with a stable code; the server's own words are kept in the details.
 */
import { AppError } from "../../errors.ts";

export interface Dhis2Connection {
  /** Base address of the instance, e.g. https://dhis2.example.org (with or without a context path). */
  url: string;
  username?: string;
  password?: string;
  /** Personal access token (d2pat_…). */
  token?: string;
  /** Milliseconds before a request is given up (default 60 s). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo?: string;
  attributeOptionCombo?: string;
  value: string | null;
  comment?: string | null;
  storedBy?: string | null;
  created?: string | null;
  lastUpdated?: string | null;
  followup?: boolean | null;
  deleted?: boolean;
}

export interface Dhis2ImportSummary {
  status: "SUCCESS" | "WARNING" | "ERROR" | "OK";
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts?: { object: string; value: string; errorCode?: string; indexes?: number[] }[];
  description?: string;
}

export interface PullQuery {
  dataSet?: string[];
  dataElement?: string[];
  period?: string[];
  startDate?: string;
  endDate?: string;
  orgUnit: string[];
  children?: boolean;
  idScheme?: "UID" | "CODE" | "NAME";
}

export interface PushOptions {
  dryRun?: boolean;
  importStrategy?: "CREATE" | "UPDATE" | "CREATE_AND_UPDATE" | "DELETE";
  idScheme?: "UID" | "CODE" | "NAME";
  batchSize?: number;
  onProgress?: (sent: number, total: number) => void;
}

function unreachable(url: string, why: string): AppError {
  return new AppError("DHIS2_UNREACHABLE", `Không kết nối được máy chủ DHIS2 tại ${url}: ${why}.`);
}

export function dhis2Client(conn: Dhis2Connection) {
  const base = conn.url.replace(/\/+$/, "");
  const doFetch = conn.fetchImpl ?? fetch;
  const auth = conn.token
    ? `ApiToken ${conn.token}`
    : conn.username
      ? `Basic ${Buffer.from(`${conn.username}:${conn.password ?? ""}`).toString("base64")}`
      : null;

  async function call(path: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (auth) headers.authorization = auth;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(conn.timeoutMs ?? 60_000),
        redirect: "manual",
      });
    } catch (e) {
      const name = (e as { name?: string }).name;
      throw unreachable(
        base,
        name === "TimeoutError" ? "quá thời gian chờ" : String((e as Error).message ?? e),
      );
    }
    const text = await res.text();
    if (res.status === 401 || res.status === 403 || (res.status >= 300 && res.status < 400)) {
      throw new AppError(
        "DHIS2_REFUSED",
        `Máy chủ DHIS2 từ chối đăng nhập (HTTP ${res.status}): kiểm tra tên đăng nhập, mật khẩu hoặc mã truy cập.`,
      );
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw unreachable(base, `câu trả lời không phải JSON (HTTP ${res.status})`);
    }
    // DHIS2 answers a refused import with 409 and a WebMessage that carries the import summary
    if (!res.ok && res.status !== 409) {
      const message = (json as { message?: string } | null)?.message ?? text.slice(0, 200);
      throw new AppError("DHIS2_REFUSED", `Máy chủ DHIS2 trả lỗi HTTP ${res.status}: ${message}`, json);
    }
    return json;
  }

  const query = (params: Record<string, string | string[] | boolean | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [String(v)]) q.append(k, one);
    }
    return q.toString();
  };

  return {
    /** GET /api/dataValueSets: the values of the org units (and their children) for the periods. */
    async pull(p: PullQuery): Promise<Dhis2DataValue[]> {
      const body = (await call(
        `/api/dataValueSets?${query({
          dataSet: p.dataSet,
          dataElement: p.dataElement,
          period: p.period,
          startDate: p.startDate,
          endDate: p.endDate,
          orgUnit: p.orgUnit,
          children: p.children,
          idScheme: p.idScheme,
        })}`,
      )) as { dataValues?: Dhis2DataValue[] } | null;
      return body?.dataValues ?? [];
    },

    /** POST /api/dataValueSets in batches; the summaries of all batches added up into one. */
    async push(values: Dhis2DataValue[], o: PushOptions = {}): Promise<Dhis2ImportSummary> {
      const size = Math.max(1, o.batchSize ?? 1000);
      const total: Dhis2ImportSummary = {
        status: "SUCCESS",
        importCount: { imported: 0, updated: 0, ignored: 0, deleted: 0 },
        conflicts: [],
      };
      for (let start = 0; start < values.length; start += size) {
        const batch = values.slice(start, start + size);
        const answer = (await call(
          `/api/dataValueSets?${query({
            dryRun: o.dryRun,
            importStrategy: o.importStrategy,
            idScheme: o.idScheme,
          })}`,
          { method: "POST", body: { dataValues: batch } },
        )) as Record<string, unknown> | null;
        const summary = summaryOf(answer);
        for (const k of ["imported", "updated", "ignored", "deleted"] as const)
          total.importCount[k] += summary.importCount[k];
        for (const c of summary.conflicts ?? [])
          total.conflicts?.push({ ...c, indexes: c.indexes?.map((i) => i + start) });
        if (summary.status === "ERROR") total.status = "ERROR";
        else if (summary.status === "WARNING" && total.status !== "ERROR") total.status = "WARNING";
        o.onProgress?.(Math.min(start + size, values.length), values.length);
      }
      return total;
    },

    /** GET /api/metadata: what a mapping needs, with the org units' paths. */
    async metadata(): Promise<unknown> {
      return call(
        `/api/metadata?${query({
          dataElements: "true",
          categoryOptionCombos: "true",
          organisationUnits: "true",
          fields: "id,code,name,shortName,path,level,parent[id]",
        })}`,
      );
    },
  };
}

/** DHIS2 returns the summary bare (older versions) or inside a WebMessage's response (2.38+). */
export function summaryOf(answer: Record<string, unknown> | null): Dhis2ImportSummary {
  const inner = (answer?.response ?? answer ?? {}) as Record<string, unknown>;
  const count = (inner.importCount ?? {}) as Record<string, number>;
  return {
    status: (inner.status as Dhis2ImportSummary["status"]) ?? "ERROR",
    importCount: {
      imported: count.imported ?? 0,
      updated: count.updated ?? 0,
      ignored: count.ignored ?? 0,
      deleted: count.deleted ?? 0,
    },
    conflicts: (inner.conflicts as Dhis2ImportSummary["conflicts"]) ?? [],
    description: inner.description as string | undefined,
  };
}
