import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { bodiesForTaskView } from "../../db/repositories/bodyShareRepository.ts";
import { bodiesOfTask } from "../../db/repositories/occurrenceRepository.ts";
import { openSubmissionsFor } from "../../db/repositories/reportRepository.ts";
import { scoreboard } from "../../db/repositories/scoreboardQueries.ts";
import { type RegisterFilter, searchRegister } from "../../db/repositories/taskQueries.ts";
import { todayIso } from "../../domain/dates.ts";
import type { PolicyActor } from "../../domain/policies/actor.ts";
import { relationTo, reportingRole, taskPolicy } from "../../domain/policies/task.ts";
import { clockOf, completionRate, STATES } from "../../domain/status.ts";
import { asciiKey } from "../../domain/text.ts";
import { allowedActions } from "../../domain/transitions.ts";
import {
  LeadReassigned,
  MyWork,
  RegisterFile,
  Scoreboard,
  TaskDetail,
  TaskRegister,
} from "../../shared/api/tasks.ts";
import { exportTaskRegister } from "../../usecases/exportTaskRegister.ts";
import { getMyWork } from "../../usecases/getMyWork.ts";
import { getTaskDetail } from "../../usecases/getTaskDetail.ts";
import { ReassignInput, reassignLead } from "../../usecases/reassignLead.ts";
import { idParam, isoDate, z } from "../../usecases/shared/zod.ts";
import { cachedAnswer } from "../cachedAnswer.ts";
import { actorOf } from "../context.ts";
import { authorize, callerOf } from "../policies/authorize.ts";

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
  const clock = () => clockOf(todayIso(app.deps.now()), app.deps.config.dueSoonDays);
  const filterOf = (actor: PolicyActor, q: z.infer<typeof RegisterQuery>): RegisterFilter => ({
    documentId: q.documentId,
    unitId: q.unitId,
    state: q.state,
    timeliness: q.timeliness,
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    text: q.q ? asciiKey(q.q) : undefined,
    includeDone: q.includeDone === "true",
    scope: actor.scope,
  });

  r.get(
    "/api/my-work",
    {
      schema: {
        tags,
        summary:
          "Việc của tôi: cán bộ — việc của đơn vị mình, gấp nhất trước (các kỳ sau khi hỏi withLater=true); điều phối — việc chờ xác nhận",
        querystring: z.object({ withLater: z.enum(["true", "false"]).optional() }),
        response: { 200: MyWork },
      },
    },
    async (req) => {
      const { actor } = await callerOf(req);
      const c = clock();
      const { bodiesOf, ...work } = await getMyWork(app.deps.db, actor, c, {
        withLater: req.query.withLater === "true",
      });
      // each row carries what the caller may do on it, from the transition table (coordinators need
      // no bodies for that; an officer's come with the rows)
      const withActions = <
        T extends {
          task_id: number;
          state: (typeof STATES)[number];
          resume_state: (typeof STATES)[number] | null;
        },
      >(
        rows: T[],
      ) =>
        rows.map((x) => {
          const by = relationTo(actor, bodiesOf.get(x.task_id) ?? []);
          return { ...x, actions: allowedActions(by, { state: x.state, resumeState: x.resume_state }) };
        });
      // reports the unit owes in open rounds (reports/RoundsPanel writes them)
      const reports =
        actor.scope.kind === "units" ? await openSubmissionsFor(app.deps.db, [...actor.scope.ids]) : [];
      return {
        ...work,
        rows: withActions(work.rows),
        later: withActions(work.later),
        pending: withActions(work.pending),
        reports,
      };
    },
  );

  r.get(
    "/api/tasks",
    {
      schema: {
        tags,
        summary: "Sổ theo dõi nhiệm vụ, có lọc và phân trang",
        querystring: RegisterQuery,
        response: { 200: TaskRegister },
      },
    },
    async (req, reply) => {
      const { actor } = await callerOf(req);
      const q = req.query;
      const c = clock();
      return cachedAnswer(req, reply, { actor, by: "scope", extra: { today: c.today } }, async () => {
        const { rows, total } = await searchRegister(app.deps.db, filterOf(actor, q), c, {
          limit: q.pageSize,
          offset: (q.page - 1) * q.pageSize,
        });
        return { rows, total, page: q.page, pageSize: q.pageSize, today: c.today };
      });
    },
  );

  r.get(
    "/api/tasks/export",
    {
      schema: {
        tags,
        summary: "Xuất sổ nhiệm vụ (XLSX theo mẫu phụ lục, hoặc CSV)",
        querystring: RegisterQuery.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") }),
        response: RegisterFile,
      },
    },
    async (req, reply) => {
      const { actor } = await callerOf(req);
      const { format, ...q } = req.query;
      const file = await exportTaskRegister(app.deps.db, filterOf(actor, q), clock(), format);
      return reply
        .type(file.type)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  r.get(
    "/api/tasks/:id",
    {
      schema: {
        tags,
        summary: "Một nhiệm vụ: dòng kế hoạch, cơ quan, các lần đến hạn, diễn biến",
        params: idParam,
        response: { 200: TaskDetail },
      },
    },
    async (req) => {
      const { actor } = await callerOf(req);
      const c = clock();
      // a member of a set sees the task through its share: its unit counts as a lead body of it
      const task = { bodies: await bodiesForTaskView(app.deps.db, req.params.id, actor.scope) };
      authorize(taskPolicy, actor, "read", task);
      const by = relationTo(actor, task.bodies);
      const detail = await getTaskDetail(app.deps.db, req.params.id, c, by, actor.scope);
      return {
        ...detail,
        can: {
          report: reportingRole(actor, task.bodies),
          coordinate: taskPolicy.can(actor, "coordinate", task),
          reassign: by === "coordinator",
        },
      };
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
        response: { 200: LeadReassigned },
      },
    },
    async (req) => {
      const { user, actor } = await callerOf(req);
      authorize(taskPolicy, actor, "coordinate", { bodies: await bodiesOfTask(app.deps.db, req.params.id) });
      return reassignLead(app.deps.db, actorOf(user), req.params.id, req.body, app.deps.now());
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
        response: { 200: Scoreboard },
      },
    },
    async (req, reply) => {
      const { actor } = await callerOf(req);
      const asOf = req.query.asOf ?? clock().today;
      return cachedAnswer(req, reply, { actor, by: "scope", extra: { asOf } }, async () => {
        const board = await scoreboard(app.deps.db, asOf, {
          documentId: req.query.documentId,
          dueFrom: req.query.dueFrom,
          dueTo: req.query.dueTo,
          scope: actor.scope,
        });
        return {
          asOf,
          rows: board.rows.map((x) => ({ ...x, rate: completionRate(x) })),
          // each occurrence once, however many bodies lead it
          total: { ...board.total, rate: completionRate(board.total) },
        };
      });
    },
  );
}
