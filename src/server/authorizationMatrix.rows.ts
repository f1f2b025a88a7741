/*
 * The authorization matrix: one row per route (method + OpenAPI path). For each caller the expected
 * status: anonymous, an officer of the unit the data belongs to (Xã Bình Lư), an officer of another
 * unit (Xã Nậm Cuổi), a leader, a coordinator, an administrator. Writes are probed so that an allowed
 * caller changes nothing where possible (a stale version → 409, a duplicate → 409); the callers run in
 * the order of CALLERS, refused ones first. A route added without a row fails authorizationMatrix.test.ts.
 */

export const CALLERS = ["anon", "other", "leader", "own", "coordinator", "admin"] as const;
export type Caller = (typeof CALLERS)[number];

/** Ids of the seeded data the probes address (see the test's fixture). */
export interface Fixture {
  unit: number;
  otherUnit: number;
  period: number;
  indicator: number;
  indicatorVersion: number;
  document: number;
  task: number;
  occurrence: number;
  attachment: number;
  target: number;
  someUser: number;
  plan: unknown;
  /** A six-month report round on Bình Lư's plan asking Bình Lư, and Bình Lư's submission in it. */
  round: number;
  submission: number;
}

export interface Probe {
  url: string;
  body?: unknown;
  /** A multipart body: one file. */
  file?: { name: string; content: string };
}

export interface MatrixRow {
  probe: (f: Fixture, who: Caller) => Probe;
  expect: Record<Caller, number>;
  /** Lists and exports: the rows a caller got must all be theirs to see (given the parsed reply). */
  rows?: "tasks" | "taskCsv" | "scoreboard" | "targets" | "members";
}

const everyone = (signedIn: number, anon = 401): Record<Caller, number> => ({
  anon,
  other: signedIn,
  leader: signedIn,
  own: signedIn,
  coordinator: signedIn,
  admin: signedIn,
});
/** Signed-in callers whose scope holds the unit read it; the other unit's officer does not. */
const scoped = (ok = 200): Record<Caller, number> => ({ ...everyone(ok), other: 403 });
const only = (allowed: Partial<Record<Caller, number>>): Record<Caller, number> => ({
  ...everyone(403),
  ...allowed,
});
const STALE = 999_999;
const INDICATOR = {
  code: "KH5272-02",
  unit: "trẻ",
  type: "count",
  level: "commune",
  element: "Số trẻ thử quyền",
};

export const MATRIX: Record<string, MatrixRow> = {
  // the leaders' overview and the cascade
  "GET /api/overview": { probe: () => ({ url: "/api/overview" }), expect: everyone(200) },
  "GET /api/documents/{id}/alignment": {
    probe: (f) => ({ url: `/api/documents/${f.document}/alignment` }),
    expect: everyone(200),
  },
  // the public page: anyone, no session; a plan not made public is 404 to everyone (the fixture's plan
  // is not public); a commune is public level (publicProgress.test.ts tries schools and offices)
  "GET /api/public/progress": { probe: () => ({ url: "/api/public/progress" }), expect: everyone(200, 200) },
  "GET /api/public/plans/{id}": {
    probe: (f) => ({ url: `/api/public/plans/${f.document}` }),
    expect: everyone(404, 404),
  },
  "GET /api/public/units/{id}": {
    probe: (f) => ({ url: `/api/public/units/${f.unit}` }),
    expect: everyone(200, 200),
  },
  // choosing what is public: administrators; "not public" for what is not public changes nothing
  "GET /api/publication": { probe: () => ({ url: "/api/publication" }), expect: only({ admin: 200 }) },
  "PUT /api/publication/documents/{id}": {
    probe: (f) => ({ url: `/api/publication/documents/${f.document}`, body: { public: false } }),
    expect: only({ admin: 200 }),
  },
  "PUT /api/publication/targets/{id}": {
    probe: (f) => ({ url: `/api/publication/targets/${f.target}`, body: { public: false } }),
    expect: only({ admin: 200 }),
  },
  // one's own account: a stale version changes nothing
  "PATCH /api/account": {
    probe: () => ({ url: "/api/account", body: { version: STALE, email: "a@example.org" } }),
    expect: everyone(409),
  },
  // the work of ceased bodies: coordinators; Bình Lư has not ceased, so nothing moves
  "GET /api/org-units/{id}/open-work": {
    probe: (f) => ({ url: `/api/org-units/${f.unit}/open-work` }),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  "POST /api/org-units/{id}/move-work": {
    probe: (f) => ({ url: `/api/org-units/${f.unit}/move-work`, body: { toUnitId: f.otherUnit } }),
    expect: only({ coordinator: 400, admin: 400 }),
  },
  // periodic reports: rounds by coordinators, a unit's report by its own officers
  "GET /api/reports/rounds": { probe: () => ({ url: "/api/reports/rounds" }), expect: everyone(200) },
  "POST /api/reports/rounds": {
    probe: (f) => ({
      url: "/api/reports/rounds",
      body: { kind: "six_month", documentId: 999_999, year: 2026, dueOn: "2026-06-20", levelUnitId: f.unit },
    }),
    expect: only({ coordinator: 404, admin: 404 }),
  },
  "GET /api/reports/rounds/{id}": {
    probe: (f) => ({ url: `/api/reports/rounds/${f.round}` }),
    expect: scoped(),
  },
  "POST /api/reports/submissions/{id}/draft": {
    probe: (f) => ({
      url: `/api/reports/submissions/${f.submission}/draft`,
      body: { version: STALE, content: {} },
    }),
    expect: only({ own: 409 }),
  },
  "POST /api/reports/submissions/{id}/submit": {
    probe: (f) => ({
      url: `/api/reports/submissions/${f.submission}/submit`,
      body: { version: STALE, content: {} },
    }),
    expect: only({ own: 409 }),
  },
  "POST /api/reports/submissions/{id}/return": {
    probe: (f) => ({
      url: `/api/reports/submissions/${f.submission}/return`,
      body: { version: STALE, reason: "Thiếu số liệu" },
    }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "POST /api/reports/submissions/{id}/accept": {
    probe: (f) => ({ url: `/api/reports/submissions/${f.submission}/accept`, body: { version: STALE } }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "POST /api/reports/submissions/{id}/chase": {
    probe: (f) => ({ url: `/api/reports/submissions/${f.submission}/chase`, body: { version: STALE } }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "POST /api/reports/submissions/{id}/scan": {
    probe: (f) => ({
      url: `/api/reports/submissions/${f.submission}/scan?version=${STALE}`,
      file: { name: "ban-scan.pdf", content: "%PDF-1.4\n%%EOF\n" },
    }),
    expect: only({ own: 409 }),
  },
  "GET /api/reports/submissions/{id}/scan": {
    probe: (f) => ({ url: `/api/reports/submissions/${f.submission}/scan` }),
    expect: scoped(404),
  },
  "POST /api/reports/generate": {
    probe: (f) => ({
      url: "/api/reports/generate",
      body: { format: "json", report: { kind: "submission", submissionId: f.submission } },
    }),
    expect: scoped(200),
  },
  // system and session
  "GET /api/health": { probe: () => ({ url: "/api/health" }), expect: everyone(200, 200) },
  "GET /api/meta": { probe: () => ({ url: "/api/meta" }), expect: everyone(200, 200) },
  "GET /api/session": { probe: () => ({ url: "/api/session" }), expect: everyone(200, 200) },
  "POST /api/session": {
    // one unknown name per caller, so the login throttle (per address and name) stays out of the way
    probe: (_f, who) => ({
      url: "/api/session",
      body: { username: `khong.co.${who}`, password: "sai-mat-khau" },
    }),
    expect: everyone(401, 401),
  },
  // run on a fresh session of each caller (the test signs them in again)
  "DELETE /api/session": { probe: () => ({ url: "/api/session" }), expect: everyone(200) },
  "GET /api/notifications": { probe: () => ({ url: "/api/notifications" }), expect: everyone(200) },
  "POST /api/notifications/read": {
    probe: () => ({ url: "/api/notifications/read", body: { ids: [] } }),
    expect: everyone(200),
  },

  // the map
  "GET /api/org-units": { probe: () => ({ url: "/api/org-units" }), expect: everyone(200) },
  "GET /api/org-units/all": { probe: () => ({ url: "/api/org-units/all" }), expect: everyone(200) },
  "GET /api/org-units/search": {
    probe: () => ({ url: "/api/org-units/search?q=binh" }),
    expect: everyone(200),
  },
  "GET /api/org-units/{id}": { probe: (f) => ({ url: `/api/org-units/${f.unit}` }), expect: everyone(200) },
  "GET /api/org-units/{id}/members": {
    probe: (f) => ({ url: `/api/org-units/${f.unit}/members` }),
    expect: scoped(),
    rows: "members",
  },

  // accounts and audit: administrators
  "GET /api/users": { probe: () => ({ url: "/api/users" }), expect: only({ admin: 200 }) },
  "POST /api/users": {
    probe: () => ({
      url: "/api/users",
      body: {
        username: "canbo.binhlu",
        displayName: "Trùng tên",
        password: "mat-khau-thu-nghiem-1",
        role: "leader",
      },
    }),
    expect: only({ admin: 409 }),
  },
  "PATCH /api/users/{id}": {
    probe: (f) => ({ url: `/api/users/${f.someUser}`, body: { version: STALE, displayName: "Không đổi" } }),
    expect: only({ admin: 409 }),
  },
  "GET /api/audit": { probe: () => ({ url: "/api/audit" }), expect: only({ admin: 200 }) },

  // plans: everyone reads, coordinators and admins import
  "POST /api/imports/draft": {
    probe: () => ({
      url: "/api/imports/draft",
      file: { name: "ke-hoach.txt", content: "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n" },
    }),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  "POST /api/documents": {
    // the plan already held: a re-import, which changes nothing
    probe: (f) => ({ url: "/api/documents", body: f.plan }),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  "GET /api/documents": { probe: () => ({ url: "/api/documents" }), expect: everyone(200) },
  "GET /api/documents/{id}": {
    probe: (f) => ({ url: `/api/documents/${f.document}` }),
    expect: everyone(200),
  },
  "GET /api/documents/{id}/source": {
    probe: (f) => ({ url: `/api/documents/${f.document}/source` }),
    expect: everyone(200),
  },

  // tasks
  "GET /api/my-work": { probe: () => ({ url: "/api/my-work" }), expect: everyone(200), rows: "tasks" },
  "GET /api/tasks": {
    probe: () => ({ url: "/api/tasks?pageSize=500" }),
    expect: everyone(200),
    rows: "tasks",
  },
  "GET /api/tasks/export": {
    probe: () => ({ url: "/api/tasks/export?format=csv" }),
    expect: everyone(200),
    rows: "taskCsv",
  },
  "GET /api/tasks/{id}": { probe: (f) => ({ url: `/api/tasks/${f.task}` }), expect: scoped() },
  "PATCH /api/tasks/{id}/lead": {
    probe: (f) => ({
      url: `/api/tasks/${f.task}/lead`,
      body: { version: STALE, unitIds: [f.unit], reason: "Thử" },
    }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "GET /api/scoreboard": {
    probe: () => ({ url: "/api/scoreboard" }),
    expect: everyone(200),
    rows: "scoreboard",
  },

  // reporting on an occurrence of a task Bình Lư leads
  "POST /api/occurrences/{id}/updates": {
    probe: (f) => ({
      url: `/api/occurrences/${f.occurrence}/updates`,
      body: { version: STALE, text: "Đang làm" },
    }),
    expect: only({ own: 409 }),
  },
  "POST /api/occurrences/{id}/propose": {
    probe: (f) => ({
      url: `/api/occurrences/${f.occurrence}/propose`,
      body: { version: STALE, text: "Xong" },
    }),
    expect: only({ own: 409 }),
  },
  "POST /api/occurrences/{id}/confirm": {
    probe: (f) => ({ url: `/api/occurrences/${f.occurrence}/confirm`, body: { version: STALE } }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "POST /api/occurrences/{id}/return": {
    probe: (f) => ({
      url: `/api/occurrences/${f.occurrence}/return`,
      body: { version: STALE, reason: "Thiếu" },
    }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "POST /api/occurrences/{id}/extend": {
    probe: (f) => ({
      url: `/api/occurrences/${f.occurrence}/extend`,
      body: { version: STALE, due: "2026-12-31", reason: "Chờ kinh phí" },
    }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "POST /api/occurrences/{id}/pause": {
    probe: (f) => ({
      url: `/api/occurrences/${f.occurrence}/pause`,
      body: { version: STALE, paused: true, reason: "Tạm dừng" },
    }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "POST /api/occurrences/{id}/chase": {
    probe: (f) => ({ url: `/api/occurrences/${f.occurrence}/chase`, body: { message: "Đề nghị báo cáo" } }),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  "GET /api/attachments/{id}": {
    probe: (f) => ({ url: `/api/attachments/${f.attachment}` }),
    expect: scoped(),
  },

  // figures
  "GET /api/indicators": { probe: () => ({ url: "/api/indicators" }), expect: everyone(200) },
  "POST /api/indicators": {
    probe: () => ({ url: "/api/indicators", body: { ...INDICATOR, name: "Trùng mã chỉ tiêu" } }),
    expect: only({ admin: 409 }),
  },
  "PUT /api/indicators/{id}": {
    probe: (f) => ({
      url: `/api/indicators/${f.indicator}`,
      body: { ...INDICATOR, name: "Sửa với phiên bản cũ", version: STALE },
    }),
    expect: only({ admin: 409 }),
  },
  "GET /api/periods": { probe: () => ({ url: "/api/periods" }), expect: everyone(200) },
  "GET /api/forms/{unitId}/{periodId}": {
    probe: (f) => ({ url: `/api/forms/${f.unit}/${f.period}` }),
    expect: scoped(),
  },
  "PUT /api/forms/{unitId}/{periodId}": {
    probe: (f) => ({ url: `/api/forms/${f.unit}/${f.period}`, body: { version: STALE, values: [] } }),
    expect: only({ own: 409 }),
  },
  "GET /api/forms/{unitId}/{periodId}/template.xlsx": {
    probe: (f) => ({ url: `/api/forms/${f.unit}/${f.period}/template.xlsx` }),
    expect: scoped(),
  },
  "POST /api/forms/{unitId}/{periodId}/upload": {
    // not a workbook: the unit's own officer passes the policy and is told so
    probe: (f) => ({
      url: `/api/forms/${f.unit}/${f.period}/upload`,
      file: { name: "bieu.xlsx", content: "không phải Excel" },
    }),
    expect: only({ own: 400 }),
  },
  "POST /api/forms/{unitId}/{periodId}/review": {
    probe: (f) => ({
      url: `/api/forms/${f.unit}/${f.period}/review`,
      body: { version: STALE, decision: "approve" },
    }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "GET /api/forms-status": {
    probe: (f) => ({ url: `/api/forms-status?periodId=${f.period}&parentId=${f.unit}` }),
    expect: scoped(),
  },
  "GET /api/indicators/{id}/values": {
    probe: (f) => ({ url: `/api/indicators/${f.indicator}/values?unitId=${f.unit}&periodIds=${f.period}` }),
    expect: scoped(),
  },
  "GET /api/targets": { probe: () => ({ url: "/api/targets" }), expect: everyone(200), rows: "targets" },
  "POST /api/targets": {
    probe: (f) => ({
      url: "/api/targets",
      body: { indicatorId: f.indicator, unitId: f.unit, value: 90, dueYear: 2030, label: "Thử quyền" },
    }),
    expect: only({ coordinator: 201, admin: 201 }),
  },
  "PUT /api/targets/{id}": {
    probe: (f) => ({
      url: `/api/targets/${f.target}`,
      body: {
        indicatorId: f.indicator,
        unitId: f.unit,
        value: 91,
        dueYear: 2030,
        label: "Phiên bản cũ",
        version: STALE,
      },
    }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "DELETE /api/targets/{id}": {
    probe: (f) => ({ url: `/api/targets/${f.target}?version=${STALE}` }),
    expect: only({ coordinator: 409, admin: 409 }),
  },
  "GET /api/datavaluesets": {
    probe: () => ({ url: "/api/datavaluesets" }),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  "POST /api/datavaluesets": {
    probe: () => ({ url: "/api/datavaluesets", body: { dataValues: [] } }),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  // DHIS2 clients' own spelling of the same routes
  "GET /api/dataValueSets": {
    probe: () => ({ url: "/api/dataValueSets?period=2025Sep" }),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  "POST /api/dataValueSets": {
    probe: () => ({ url: "/api/dataValueSets?dryRun=true", body: { dataValues: [] } }),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  // DHIS2 mappings: administrators; an empty metadata file is refused and changes nothing
  "GET /api/dhis2/mappings": {
    probe: () => ({ url: "/api/dhis2/mappings" }),
    expect: only({ admin: 200 }),
  },
  "POST /api/dhis2/metadata": {
    probe: () => ({ url: "/api/dhis2/metadata", body: { name: "Thử quyền", metadata: {} } }),
    expect: only({ admin: 400 }),
  },
  "PUT /api/dhis2/mappings/{id}": {
    probe: () => ({ url: `/api/dhis2/mappings/${STALE}`, body: { version: STALE, target: null } }),
    expect: only({ admin: 404 }),
  },
  // scheduled DHIS2 exchanges: administrators; a job for an instance that does not exist is refused
  "GET /api/dhis2/jobs": {
    probe: () => ({ url: "/api/dhis2/jobs" }),
    expect: only({ admin: 200 }),
  },
  "POST /api/dhis2/jobs": {
    probe: () => ({
      url: "/api/dhis2/jobs",
      body: {
        name: "Thử quyền",
        instanceId: STALE,
        direction: "pull",
        url: "https://dhis2.example.org",
        authKind: "token",
        secret: "d2pat_thu",
        periodRule: "LAST_YEAR",
        everyMinutes: 60,
      },
    }),
    expect: only({ admin: 400 }),
  },
  "PUT /api/dhis2/jobs/{id}": {
    probe: () => ({
      url: `/api/dhis2/jobs/${STALE}`,
      body: {
        name: "Thử quyền",
        instanceId: STALE,
        direction: "pull",
        url: "https://dhis2.example.org",
        authKind: "token",
        periodRule: "LAST_YEAR",
        everyMinutes: 60,
        version: STALE,
      },
    }),
    expect: only({ admin: 404 }),
  },
};

/** Routes the OpenAPI description leaves out on purpose, each with its reason (they are still probed). */
export const HIDDEN_ROUTES: Record<string, { reason: string; expect: Record<Caller, number> }> = {
  "GET /api/openapi.json": {
    reason: "the description of the API itself (public, as is the Swagger convention)",
    expect: everyone(200, 200),
  },
};
