import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  findRound,
  findSubmission,
  listRounds,
  submissionsOfRound,
} from "../../db/repositories/reportRepository.ts";
import { flagsOf } from "../../domain/policies/actor.ts";
import { reportPolicy } from "../../domain/policies/report.ts";
import { inScope } from "../../domain/policies/scope.ts";
import { isLate } from "../../domain/reportSubmission.ts";
import { todayIso } from "../../domain/status.ts";
import { errors } from "../../errors.ts";
import { reportToDocx } from "../../reports/toDocx.ts";
import { reportToXlsx } from "../../reports/toXlsx.ts";
import {
  Generated,
  RoundDetail,
  RoundOpened,
  Rounds,
  Scan,
  SubmissionChanged,
  SubmissionChased,
} from "../../shared/api/reports.ts";
import { attachReportScan } from "../../usecases/attachReportScan.ts";
import { ChaseReportInput, chaseReport } from "../../usecases/chaseReport.ts";
import { GenerateInput, generateReport } from "../../usecases/generateReport.ts";
import { OpenRoundInput, openReportRound } from "../../usecases/openReportRound.ts";
import {
  AcceptReportInput,
  acceptReport,
  ReturnReportInput,
  returnReport,
} from "../../usecases/reviewReport.ts";
import { DraftInput, saveReportDraft, submitReport } from "../../usecases/saveReportDraft.ts";
import { FileStore } from "../../usecases/shared/fileStore.ts";
import { idParam, z } from "../../usecases/shared/zod.ts";
import { actorOf, requireUser } from "../context.ts";
import { callerOf } from "../policies/authorize.ts";
import {
  assertCanGenerateFor,
  assertCanManageRounds,
  assertCanReadUnitReport,
  assertCanWriteUnitReport,
} from "../policies/report.ts";
import { runInFilePool } from "../uploads/filePool.ts";
import { receiveSingleFile } from "../uploads/receiveUpload.ts";
import { ATTACHMENT_FILE } from "../uploads/uploadPolicies.ts";

const GenerateBody = z.object({
  format: z.enum(["json", "docx", "xlsx"]).default("json"),
  report: GenerateInput,
});

const MIME = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Báo cáo định kỳ"];
  const files = new FileStore(path.join(app.deps.config.dataDir, "files"));
  const today = () => todayIso(app.deps.now());

  /** The submission, the caller and their scope — what every policy on a submission needs. */
  async function context(req: FastifyRequest, id: number) {
    const { user, actor } = await callerOf(req);
    const sub = await findSubmission(app.deps.db, id);
    if (!sub) throw errors.notFound("báo cáo");
    const scope = actor.scope;
    assertCanReadUnitReport(scope, sub.unit_id);
    return { user, sub, scope };
  }

  r.get(
    "/api/reports/rounds",
    {
      schema: {
        tags,
        summary: "Các đợt báo cáo (cán bộ: các đợt yêu cầu đơn vị mình)",
        response: { 200: Rounds },
      },
    },
    async (req) => {
      const { actor } = await callerOf(req);
      return { rounds: await listRounds(app.deps.db, actor.scope) };
    },
  );

  r.post(
    "/api/reports/rounds",
    { schema: { tags, summary: "Mở đợt báo cáo", body: OpenRoundInput, response: { 201: RoundOpened } } },
    async (req, reply) => {
      const user = requireUser(req);
      assertCanManageRounds(user);
      return reply
        .status(201)
        .send({ round: await openReportRound(app.deps.db, actorOf(user), req.body, app.deps.now()) });
    },
  );

  r.get(
    "/api/reports/rounds/:id",
    {
      schema: {
        tags,
        summary: "Đợt báo cáo: ai đã gửi, ai chậm",
        params: idParam,
        response: { 200: RoundDetail },
      },
    },
    async (req) => {
      const { actor } = await callerOf(req);
      const round = await findRound(app.deps.db, req.params.id);
      if (!round) throw errors.notFound("đợt báo cáo");
      const scope = actor.scope;
      const subs = (await submissionsOfRound(app.deps.db, round.id)).filter((s) => inScope(scope, s.unit_id));
      if (scope.kind === "units" && subs.length === 0)
        throw errors.forbidden("Đợt báo cáo này không yêu cầu đơn vị của bạn.");
      const now = today();
      return {
        round,
        today: now,
        can: flagsOf(reportPolicy, actor, undefined, ["manage"]),
        submissions: subs.map((s) => ({
          ...s,
          can: flagsOf(reportPolicy, actor, { unitId: s.unit_id }, ["write"]),
          late: isLate(
            { status: s.status, submittedOn: s.submitted_at ? todayIso(s.submitted_at) : null },
            round.due_on,
            now,
          ),
        })),
      };
    },
  );

  const writes = [
    ["draft", saveReportDraft, "Lưu bản nháp (phần đánh giá của đơn vị)"],
    ["submit", submitReport, "Gửi báo cáo"],
  ] as const;
  for (const [action, run, summary] of writes) {
    r.post(
      `/api/reports/submissions/:id/${action}`,
      { schema: { tags, summary, params: idParam, body: DraftInput, response: { 200: SubmissionChanged } } },
      async (req) => {
        const { user, sub, scope } = await context(req, req.params.id);
        assertCanWriteUnitReport(user, scope, sub.unit_id);
        return { submission: await run(app.deps.db, actorOf(user), sub.id, req.body, app.deps.now()) };
      },
    );
  }

  r.post(
    "/api/reports/submissions/:id/return",
    {
      schema: {
        tags,
        summary: "Trả lại báo cáo (kèm lý do)",
        params: idParam,
        body: ReturnReportInput,
        response: { 200: SubmissionChanged },
      },
    },
    async (req) => {
      const { user, sub } = await context(req, req.params.id);
      assertCanManageRounds(user);
      return { submission: await returnReport(app.deps.db, actorOf(user), sub.id, req.body, app.deps.now()) };
    },
  );

  r.post(
    "/api/reports/submissions/:id/accept",
    {
      schema: {
        tags,
        summary: "Tiếp nhận báo cáo",
        params: idParam,
        body: AcceptReportInput,
        response: { 200: SubmissionChanged },
      },
    },
    async (req) => {
      const { user, sub } = await context(req, req.params.id);
      assertCanManageRounds(user);
      return { submission: await acceptReport(app.deps.db, actorOf(user), sub.id, req.body, app.deps.now()) };
    },
  );

  r.post(
    "/api/reports/submissions/:id/chase",
    {
      schema: {
        tags,
        summary: "Đôn đốc đơn vị chưa gửi báo cáo",
        params: idParam,
        body: ChaseReportInput,
        response: { 200: SubmissionChased },
      },
    },
    async (req) => {
      const { user, sub } = await context(req, req.params.id);
      assertCanManageRounds(user);
      return chaseReport(app.deps.db, actorOf(user), sub.id, req.body, app.deps.now());
    },
  );

  r.post(
    "/api/reports/submissions/:id/scan",
    {
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: "Đính kèm bản scan có chữ ký (multipart: file; ?version=)",
        params: idParam,
        querystring: z.object({ version: z.coerce.number().int().positive() }),
        consumes: ["multipart/form-data"],
        response: { 201: SubmissionChanged },
      },
    },
    async (req, reply) => {
      const { user, sub, scope } = await context(req, req.params.id);
      assertCanWriteUnitReport(user, scope, sub.unit_id);
      // the signed scan goes through the same guarded way in as every other file (size, content, type)
      const { name, bytes } = await receiveSingleFile(req, ATTACHMENT_FILE);
      const { file } = await runInFilePool({ op: "check", name, bytes, policy: ATTACHMENT_FILE });
      let stored: ReturnType<FileStore["save"]> | null = null;
      try {
        stored = files.save(file, bytes);
        if (!stored) throw errors.validation("Chưa có tệp bản scan.");
        const saved = await attachReportScan(
          app.deps.db,
          actorOf(user),
          sub.id,
          req.query.version,
          stored,
          app.deps.now(),
        );
        if (sub.scan_stored) files.remove(sub.scan_stored);
        return reply.status(201).send({ submission: saved });
      } catch (e) {
        if (stored) files.remove(stored.stored_name);
        throw e;
      }
    },
  );

  r.get(
    "/api/reports/submissions/:id/scan",
    { schema: { tags, summary: "Tải bản scan có chữ ký", params: idParam, response: Scan } },
    async (req, reply) => {
      const { sub } = await context(req, req.params.id);
      if (!sub.scan_stored || !sub.scan_mime) throw errors.notFound("bản scan của báo cáo");
      return reply
        .type(sub.scan_mime)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(sub.scan_name ?? "scan")}`,
        )
        .header("x-content-type-options", "nosniff")
        .send(fs.createReadStream(files.pathOf(sub.scan_stored)));
    },
  );

  r.post(
    "/api/reports/generate",
    {
      // generating reads only: a leader may draw up any report
      config: { readOnlyMayCall: true },
      schema: {
        tags,
        summary: "Lập báo cáo: xem trước (json) hoặc tải DOCX/XLSX",
        body: GenerateBody,
        response: Generated,
      },
    },
    async (req, reply) => {
      const { actor } = await callerOf(req);
      const scope = actor.scope;
      const input = req.body.report;
      if (input.kind === "submission") await context(req, input.submissionId);
      else if (input.kind === "compiled") {
        const round = await findRound(app.deps.db, input.roundId);
        if (!round) throw errors.notFound("đợt báo cáo");
        assertCanGenerateFor(scope, round.level_unit_id);
      } else assertCanGenerateFor(scope, input.unitId);
      const model = await generateReport(app.deps.db, input, app.deps.now());
      if (req.body.format === "json") return { model };
      const buf = req.body.format === "docx" ? await reportToDocx(model) : await reportToXlsx(model);
      const name = `bao-cao-${input.kind}-${today()}.${req.body.format}`;
      return reply
        .type(MIME[req.body.format])
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(buf);
    },
  );
}
