/**
 * The request mix of `npm run bench:load`: signed-in sessions of every demo role and, per role, a cycle
 * of ten requests — about 80 % reads (my work, the register with filters, targets, scoreboard, overview,
 * an indicator drill-down, a form) and 20 % writes (an officer's progress report on an occurrence of
 * its own unit, a form draft save, a coordinator's chase). Versions are learned from the answers, so
 * two sessions of one unit racing on the same occurrence get 409 — counted apart from errors.
 */
export interface Session {
  role: string;
  username: string;
  cookie: string;
  csrf: string;
  unitId: number | null;
}

export interface Step {
  name: string;
  write: boolean;
  method: "GET" | "POST" | "PUT";
  path: (s: Session, w: World) => string;
  body?: (s: Session, w: World) => unknown;
  /** Learns versions (and acknowledged report ids) from a 2xx answer. */
  learn?: (body: string, s: Session, w: World) => void;
}

/** What the sessions share: occurrence versions, form versions, ids found before the run. */
export interface World {
  occurrences: Map<number, number[]>; // unit → occurrence ids it may report on
  versions: Map<number, number>; // occurrence → last version seen
  formVersion: Map<number, number>; // unit → form version (the open period)
  chaseIds: number[];
  formPeriodId: number;
  indicatorId: number;
  drillPeriodIds: string;
  ackedUpdates: number[];
  tick: number;
}

const pick = <T>(xs: T[], w: World): T => xs[w.tick++ % xs.length] as T;

function learnMyWork(body: string, _s: Session, w: World) {
  for (const r of (JSON.parse(body).rows ?? []) as { id: number; version: number }[])
    w.versions.set(r.id, r.version);
}

function reportTarget(s: Session, w: World): number {
  const ids = w.occurrences.get(s.unitId ?? 0) ?? [];
  const id = pick(ids, w);
  // remembered on the session so the body uses the same occurrence as the path
  (s as Session & { occ?: number }).occ = id;
  return id;
}

const myWork: Step = {
  name: "GET /api/my-work",
  write: false,
  method: "GET",
  path: () => "/api/my-work",
  learn: learnMyWork,
};
const register = (filter: string): Step => ({
  name: "GET /api/tasks",
  write: false,
  method: "GET",
  path: () => `/api/tasks?page=1&pageSize=50${filter}`,
});
const targets: Step = {
  name: "GET /api/targets",
  write: false,
  method: "GET",
  path: (s) => (s.role === "officer" && s.unitId ? `/api/targets?unitId=${s.unitId}` : "/api/targets"),
};
const scoreboard: Step = {
  name: "GET /api/scoreboard",
  write: false,
  method: "GET",
  path: () => "/api/scoreboard",
};
const overview: Step = {
  name: "GET /api/overview",
  write: false,
  method: "GET",
  path: () => "/api/overview",
};
const drill: Step = {
  name: "GET /api/indicators/:id/values",
  write: false,
  method: "GET",
  path: (s, w) =>
    `/api/indicators/${w.indicatorId}/values?unitId=${s.role === "officer" ? s.unitId : 1}&periodIds=${w.drillPeriodIds}&children=true`,
};
const form: Step = {
  name: "GET /api/forms/:unit/:period",
  write: false,
  method: "GET",
  path: (s, w) => `/api/forms/${s.unitId}/${w.formPeriodId}`,
  learn: (body, s, w) => w.formVersion.set(s.unitId ?? 0, JSON.parse(body).status.version),
};
const report: Step = {
  name: "POST /api/occurrences/:id/updates",
  write: true,
  method: "POST",
  path: (s, w) => `/api/occurrences/${reportTarget(s, w)}/updates`,
  body: (s, w) => {
    const occ = (s as Session & { occ?: number }).occ ?? 0;
    return { version: w.versions.get(occ) ?? 1, text: `Tiến độ tuần ${w.tick}: đã họp triển khai.` };
  },
  learn: (body, _s, w) => {
    const r = JSON.parse(body) as { occurrence: { id: number; version: number }; updateId: number };
    w.versions.set(r.occurrence.id, r.occurrence.version);
    w.ackedUpdates.push(r.updateId);
  },
};
const saveForm: Step = {
  name: "PUT /api/forms/:unit/:period",
  write: true,
  method: "PUT",
  path: (s, w) => `/api/forms/${s.unitId}/${w.formPeriodId}`,
  body: (s, w) => ({
    version: w.formVersion.get(s.unitId ?? 0) ?? 0,
    values: [
      { elementId: 1, category: "", value: 100 + (w.tick % 50) },
      { elementId: 2, category: "", value: 200 },
    ],
  }),
  learn: (body, s, w) => w.formVersion.set(s.unitId ?? 0, JSON.parse(body).version),
};
const chase: Step = {
  name: "POST /api/occurrences/:id/chase",
  write: true,
  method: "POST",
  path: (_s, w) => `/api/occurrences/${pick(w.chaseIds, w)}/chase`,
  body: () => ({ message: "Đề nghị khẩn trương báo cáo tiến độ." }),
};

/** Ten requests per role; officers 3 writes, coordinators 2, leaders and the administrator read. */
export const PLANS: Record<string, Step[]> = {
  officer: [
    myWork,
    register("&timeliness=overdue"),
    report,
    targets,
    form,
    saveForm,
    myWork,
    register("&q=ke%20hoach"),
    report,
    drill,
  ],
  coordinator: [
    myWork,
    register(""),
    chase,
    targets,
    scoreboard,
    register("&timeliness=overdue"),
    overview,
    drill,
    chase,
    register("&state=not_started"),
  ],
  leader: [
    overview,
    targets,
    scoreboard,
    register(""),
    drill,
    overview,
    register("&timeliness=overdue"),
    targets,
    scoreboard,
    register("&q=truong"),
  ],
  admin: [
    myWork,
    register(""),
    overview,
    targets,
    scoreboard,
    register("&includeDone=true"),
    drill,
    register("&timeliness=overdue"),
    overview,
    targets,
  ],
};

/**
 * A role's cycle without the routes named in BENCH_SKIP (comma-separated parts of a step's name, e.g.
 * "targets,overview,scoreboard"), to measure the mix with and without a page.
 */
export function planOf(role: string, skip = process.env.BENCH_SKIP ?? ""): Step[] {
  const parts = skip
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const plan = (PLANS[role] ?? []).filter((step) => !parts.some((p) => step.name.includes(p)));
  if (plan.length === 0) throw new Error(`BENCH_SKIP=${skip} leaves nothing for the role ${role}`);
  return plan;
}

/** Share of the sessions per role: mostly officers, as on a reporting deadline. */
export const ROLE_SHARE: [string, number][] = [
  ["officer", 0.5],
  ["coordinator", 0.25],
  ["leader", 0.15],
  ["admin", 0.1],
];

/** Reads one JSON answer as a session (over HTTP in the bench, through fastify.inject in the profile). */
export type GetJson = <T>(s: Session, path: string) => Promise<T>;

/** Ids the mix needs, found as a user would find them. */
export async function discover(sessions: Session[], get: GetJson): Promise<World> {
  const officer = sessions.find((s) => s.role === "officer") as Session;
  const coordinator = sessions.find((s) => s.role === "coordinator") as Session;
  // each officer unit's open work (one session of the unit asks)
  const occurrences = new Map<number, number[]>();
  const versions = new Map<number, number>();
  for (const s of sessions) {
    if (s.role !== "officer" || occurrences.has(s.unitId ?? 0)) continue;
    const work = await get<{ rows: { id: number; version: number; state: string }[] }>(s, "/api/my-work");
    const open = work.rows.filter((r) => r.state === "not_started" || r.state === "in_progress");
    occurrences.set(
      s.unitId ?? 0,
      open.map((r) => r.id),
    );
    for (const r of work.rows) versions.set(r.id, r.version);
  }
  const open = occurrences.get(officer.unitId ?? 0) ?? [];
  const register = await get<{ rows: { id: number }[] }>(coordinator, "/api/tasks?page=1&pageSize=50");
  const { periods } = await get<{
    periods: { id: number; code: string; kind: string; cutoff_from: string; cutoff_to: string }[];
  }>(officer, "/api/periods");
  const today = new Date().toISOString().slice(0, 10);
  const formPeriod = periods.find((p) => p.cutoff_from <= today && today <= p.cutoff_to) ?? periods.at(-1);
  const { targets } = await get<{
    targets: { indicator_id: number; current: { period: string } | null }[];
  }>(coordinator, "/api/targets");
  const target = targets.find((t) => t.current) ?? targets[0];
  const drill = periods
    .filter((p) => p.code === target?.current?.period || p.kind === "school_year")
    .slice(-2);
  if (open.length === 0 || register.rows.length === 0 || !formPeriod || !target)
    throw new Error("the demo data lacks open occurrences, tasks, periods or targets");
  return {
    occurrences,
    versions,
    formVersion: new Map(),
    chaseIds: register.rows.map((r) => r.id),
    formPeriodId: formPeriod.id,
    indicatorId: target.indicator_id,
    drillPeriodIds: drill.map((p) => p.id).join(",") || String(formPeriod.id),
    ackedUpdates: [],
    tick: 0,
  };
}
