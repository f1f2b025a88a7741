import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { scoreTotals } from "../../db/repositories/bodyShareQueries.ts";
import { bodiesForTaskView } from "../../db/repositories/bodyShareRepository.ts";
import { type RegisterFilter, scoreboard, searchRegister } from "../../db/repositories/taskQueries.ts";
import { addDays, completionRate, STATES, todayIso } from "../../domain/status.ts";
import { asciiKey } from "../../domain/text.ts";
import { registerToCsv, registerToXlsx } from "../../reports/taskRegisterExport.ts";
import { getTaskDetail } from "../../usecases/getTaskDetail.ts";
import { ReassignInput, reassignLead } from "../../usecases/reassignLead.ts";
import { idParam, isoDate, z } from "../../usecases/shared/zod.ts";
import { actorOf, requireUser } from "../context.ts";
import { unitScope } from "../policies/scope.ts";
import { assertCanSeeTask, assertIsCoordinator, reportingRole } from "../policies/task.ts";

const TIMELINESS = [
  "in_time",
  "due_soon",
  "overdue",
  "no_deadline",
  "done_on_time",
  "done_late",
  "done",
] as const;

const RegisterQuery = z.object({
  documentId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  state: z.enum(STATES).optional(),
  timeliness: z.enum(TIMELINESS).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  q: z.string().trim().max(200).optional(),
  includeDone: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Nhiệm vụ"];
  const clock = () => {
    const today = todayIso(app.deps.now());
    return { today, soon: addDays(today, app.deps.config.dueSoonDays) };
  };
  const filterOf = async (
    user: Parameters<typeof unitScope>[1],
    q: z.infer<typeof RegisterQuery>,
  ): Promise<RegisterFilter> => ({
    documentId: q.documentId,
    unitId: q.unitId,
    state: q.state,
    timeliness: q.timeliness,
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    text: q.q ? asciiKey(q.q) : undefined,
    includeDone: q.includeDone === "true",
    scope: await unitScope(app.deps.db, user, clock().today),
  });

  r.get(
    "/api/my-work",
    {
      schema: {
        tags,
        summary: "Việc của tôi: cán bộ — việc của đơn vị mình, gấp nhất trước; điều phối — việc chờ xác nhận",
      },
    },
    async (req) => {
      const user = requireUser(req);
      const c = clock();
      const scope = await unitScope(app.deps.db, user, c.today);
      const filter: RegisterFilter = scope ? { scope } : { scope: null, state: "awaiting_confirmation" };
      const res = await searchRegister(app.deps.db, filter, c, { limit: 300, offset: 0, order: "urgency" });
      // coordinators also date the work that waits on an outside document
      const pending = scope
        ? { rows: [], total: 0 }
        : await searchRegister(app.deps.db, { scope: null, kind: "pending" }, c, { limit: 300, offset: 0 });
      return { ...res, pending: pending.rows, today: c.today, mode: scope ? "unit" : "confirm" };
    },
  );

  r.get(
    "/api/tasks",
    { schema: { tags, summary: "Sổ theo dõi nhiệm vụ, có lọc và phân trang", querystring: RegisterQuery } },
    async (req) => {
      const user = requireUser(req);
      const q = req.query;
      const res = await searchRegister(app.deps.db, await filterOf(user, q), clock(), {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { ...res, page: q.page, pageSize: q.pageSize, today: clock().today };
    },
  );

  r.get(
    "/api/tasks/export",
    {
      schema: {
        tags,
        summary: "Xuất sổ nhiệm vụ (XLSX theo mẫu phụ lục, hoặc CSV)",
        querystring: RegisterQuery.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") }),
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const { rows } = await searchRegister(app.deps.db, await filterOf(user, req.query), clock(), {
        limit: 50_000,
        offset: 0,
      });
      const ids = rows.map((x) => x.id);
      const results = ids.length
        ? await app.deps.db
            .selectFrom("occurrence_update")
            .select(["occurrence_id", "text", "product", "id"])
            .where("occurrence_id", "in", ids)
            .where("kind", "in", ["progress", "propose_done", "confirm"])
            .orderBy("id", "desc")
            .execute()
        : [];
      const latest = new Map<number, string>();
      for (const u of results)
        if (!latest.has(u.occurrence_id))
          latest.set(u.occurrence_id, [u.text, u.product].filter(Boolean).join(" — "));
      const exportRows = rows.map((x) => ({ ...x, result: latest.get(x.id) ?? null }));
      const stamp = clock().today;
      if (req.query.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="so-nhiem-vu-${stamp}.csv"`)
          .send(registerToCsv(exportRows));
      }
      const buf = await registerToXlsx(
        exportRows,
        `SỔ THEO DÕI NHIỆM VỤ (đến ngày ${stamp.split("-").reverse().join("/")})`,
      );
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="so-nhiem-vu-${stamp}.xlsx"`)
        .send(buf);
    },
  );

  r.get(
    "/api/tasks/:id",
    {
      schema: {
        tags,
        summary: "Một nhiệm vụ: dòng kế hoạch, cơ quan, các lần đến hạn, diễn biến",
        params: idParam,
      },
    },
    async (req) => {
      const user = requireUser(req);
      const c = clock();
      const scope = await unitScope(app.deps.db, user, c.today);
      const bodies = await bodiesForTaskView(app.deps.db, req.params.id, scope);
      assertCanSeeTask(scope, bodies);
      const detail = await getTaskDetail(
        app.deps.db,
        req.params.id,
        c.today,
        app.deps.config.dueSoonDays,
        scope,
      );
      let report: "lead" | "support" | null = null;
      try {
        report = reportingRole(user, scope, bodies);
      } catch {
        report = null;
      }
      return { ...detail, can: { report, coordinate: user.role === "coordinator" || user.role === "admin" } };
    },
  );

  r.patch(
    "/api/tasks/:id/lead",
    {
      schema: {
        tags,
        summary: "Giao lại cơ quan chủ trì (điều phối viên)",
        params: idParam,
        body: ReassignInput,
      },
    },
    async (req) => {
      const user = requireUser(req);
      assertIsCoordinator(user);
      return reassignLead(app.deps.db, actorOf(user), req.params.id, req.body, clock().today);
    },
  );

  r.get(
    "/api/scoreboard",
    {
      schema: {
        tags,
        summary: "Bảng điểm theo cơ quan chủ trì: giao, đúng hạn, quá hạn, tỷ lệ hoàn thành",
        querystring: z.object({
          asOf: isoDate.optional(),
          documentId: z.coerce.number().int().positive().optional(),
          dueFrom: isoDate.optional(),
          dueTo: isoDate.optional(),
        }),
      },
    },
    async (req) => {
      const user = requireUser(req);
      const asOf = req.query.asOf ?? clock().today;
      const filter = {
        documentId: req.query.documentId,
        dueFrom: req.query.dueFrom,
        dueTo: req.query.dueTo,
        scope: await unitScope(app.deps.db, user, clock().today),
      };
      const rows = await scoreboard(app.deps.db, asOf, filter);
      // each occurrence once (a set-led task's parent, not its shares): never the sum of the rows
      const { done, overdue } = await scoreTotals(app.deps.db, asOf, filter);
      const total = { done, overdue };
      return {
        asOf,
        rows: rows.map((x) => ({ ...x, rate: completionRate(x) })),
        total: { ...total, rate: completionRate(total) },
      };
    },
  );
}
