import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listPeriods } from "../../db/repositories/periodRepository.ts";
import { unitKind, unitNames } from "../../db/repositories/unitListQueries.ts";
import { flagsOf } from "../../domain/policies/actor.ts";
import { catalogPolicy, figurePolicy } from "../../domain/policies/figures.ts";
import { targetPolicy } from "../../domain/policies/target.ts";
import { todayIso } from "../../domain/status.ts";
import { errors } from "../../errors.ts";
import { formToXlsx } from "../../reports/formTemplate.ts";
import { DataForm, FormReviewed, FormSaved, FormsStatus } from "../../shared/api/forms.ts";
import { IndicatorSaved, IndicatorsAnswer, IndicatorValues } from "../../shared/api/indicators.ts";
import { PeriodsAnswer } from "../../shared/api/periods.ts";
import { TargetList, TargetRemoved, TargetSaved } from "../../shared/api/targets.ts";
import { fileBody } from "../../shared/api/wire.ts";
import { computeIndicator } from "../../usecases/computeIndicator.ts";
import { deleteTarget } from "../../usecases/deleteTarget.ts";
import { getDataForm } from "../../usecases/getDataForm.ts";
import { getFormsStatus } from "../../usecases/getFormsStatus.ts";
import { getTargetsOverview } from "../../usecases/getTargetsOverview.ts";
import { listIndicators } from "../../usecases/listIndicators.ts";
import { ReviewFormInput, reviewDataForm } from "../../usecases/reviewDataForm.ts";
import { SaveFormInput, saveDataForm } from "../../usecases/saveDataForm.ts";
import { IndicatorInput, saveIndicator } from "../../usecases/saveIndicator.ts";
import { saveTarget, TargetInput } from "../../usecases/saveTarget.ts";
import { idParam, isoDate, z } from "../../usecases/shared/zod.ts";
import { uploadDataForm } from "../../usecases/uploadDataForm.ts";
import { cachedAnswer } from "../cachedAnswer.ts";
import { actorOf } from "../context.ts";
import { IdempotencyHeaders, idempotencyOf } from "../idempotency.ts";
import { authorize, authorized, callerOf } from "../policies/authorize.ts";
import { runInFilePool } from "../uploads/filePool.ts";
import { receiveSingleFile } from "../uploads/receiveUpload.ts";
import { FORM_XLSX_FILE } from "../uploads/uploadPolicies.ts";

const FormParams = z.object({
  unitId: z.coerce.number().int().positive(),
  periodId: z.coerce.number().int().positive(),
});

export async function figureRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Chỉ tiêu và số liệu"];
  const today = () => todayIso(app.deps.now());
  /** The unit a form, a status list or a value query is about (404 when there is none). */
  const formUnit = async (id: number) => {
    const unit = await unitKind(app.deps.db, id);
    if (!unit) throw errors.notFound("đơn vị");
    return unit;
  };

  r.get(
    "/api/indicators",
    { schema: { tags, summary: "Danh mục chỉ tiêu", response: { 200: IndicatorsAnswer } } },
    async (req) => {
      await authorized(req, catalogPolicy, "read");
      return { indicators: await listIndicators(app.deps.db) };
    },
  );

  r.post(
    "/api/indicators",
    {
      schema: {
        tags,
        summary: "Thêm chỉ tiêu (quản trị viên)",
        body: IndicatorInput,
        response: { 201: IndicatorSaved },
      },
    },
    async (req, reply) => {
      const { user } = await authorized(req, catalogPolicy, "edit");
      return reply.status(201).send(await saveIndicator(app.deps.db, actorOf(user), req.body));
    },
  );

  r.put(
    "/api/indicators/:id",
    {
      schema: {
        tags,
        summary: "Sửa chỉ tiêu (cần số phiên bản)",
        params: idParam,
        body: IndicatorInput,
        response: { 200: IndicatorSaved },
      },
    },
    async (req) => {
      const { user } = await authorized(req, catalogPolicy, "edit");
      return saveIndicator(app.deps.db, actorOf(user), req.body, req.params.id);
    },
  );

  r.get(
    "/api/periods",
    {
      schema: {
        tags,
        summary: "Kỳ báo cáo",
        querystring: z.object({ kind: z.string().max(20).optional() }),
        response: { 200: PeriodsAnswer },
      },
    },
    async (req) => {
      await authorized(req, catalogPolicy, "read");
      return { periods: await listPeriods(app.deps.db, req.query.kind) };
    },
  );

  r.get(
    "/api/forms/:unitId/:periodId",
    {
      schema: {
        tags,
        summary: "Biểu nhập số liệu của một đơn vị, một kỳ",
        params: FormParams,
        response: { 200: DataForm },
      },
    },
    async (req) => {
      const { actor } = await callerOf(req);
      const unit = await formUnit(req.params.unitId);
      authorize(figurePolicy, actor, "read", unit);
      const form = await getDataForm(app.deps.db, req.params.unitId, req.params.periodId);
      return { ...form, can: flagsOf(figurePolicy, actor, unit) };
    },
  );

  r.put(
    "/api/forms/:unitId/:periodId",
    {
      schema: {
        tags,
        summary: "Lưu (và gửi) số liệu; gửi lại cùng Idempotency-Key nhận lại kết quả lần đầu",
        params: FormParams,
        headers: IdempotencyHeaders,
        body: SaveFormInput,
        response: { 200: FormSaved },
      },
    },
    async (req) => {
      const { user, actor } = await callerOf(req);
      authorize(figurePolicy, actor, "enter", await formUnit(req.params.unitId));
      const { unitId, periodId } = req.params;
      const key = idempotencyOf(req, user.id);
      return saveDataForm(
        app.deps.db,
        actorOf(user),
        unitId,
        periodId,
        req.body,
        { action: "figures.save" },
        key,
      );
    },
  );

  r.get(
    "/api/forms/:unitId/:periodId/template.xlsx",
    {
      schema: {
        tags,
        summary: "Tải biểu mẫu Excel để nhập ngoài hệ thống",
        params: FormParams,
        response: { 200: fileBody("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") },
      },
    },
    async (req, reply) => {
      const { actor } = await callerOf(req);
      authorize(figurePolicy, actor, "read", await formUnit(req.params.unitId));
      const form = await getDataForm(app.deps.db, req.params.unitId, req.params.periodId);
      const buf = await formToXlsx(`${form.unit.full_name} — ${form.period.name}`, form.fields, {
        unitId: form.unit.id,
        periodId: form.period.id,
        version: form.status.version,
      });
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="bieu-so-lieu-${form.period.code}.xlsx"`)
        .send(buf);
    },
  );

  r.post(
    "/api/forms/:unitId/:periodId/upload",
    {
      schema: {
        tags,
        summary: "Nạp biểu Excel đã điền (tất cả hoặc không gì cả, lỗi theo từng dòng)",
        params: FormParams,
        consumes: ["multipart/form-data"],
        response: { 200: FormSaved },
      },
    },
    async (req) => {
      const { user, actor } = await callerOf(req);
      authorize(figurePolicy, actor, "enter", await formUnit(req.params.unitId));
      // the guarded way in first (size, zip limits, rows, no formulas, off the event loop); then the
      // template is read for its values and the version it was made from
      const { name, bytes } = await receiveSingleFile(req, FORM_XLSX_FILE);
      await runInFilePool({ op: "check", name, bytes, policy: FORM_XLSX_FILE });
      return uploadDataForm(app.deps.db, actorOf(user), req.params.unitId, req.params.periodId, bytes);
    },
  );

  r.post(
    "/api/forms/:unitId/:periodId/review",
    {
      schema: {
        tags,
        summary: "Duyệt, trả lại, mở lại",
        params: FormParams,
        body: ReviewFormInput,
        response: { 200: FormReviewed },
      },
    },
    async (req) => {
      const { user, actor } = await callerOf(req);
      authorize(figurePolicy, actor, req.body.decision, await formUnit(req.params.unitId));
      return reviewDataForm(app.deps.db, actorOf(user), req.params.unitId, req.params.periodId, req.body);
    },
  );

  r.get(
    "/api/forms-status",
    {
      schema: {
        tags,
        summary: "Ai đã gửi, ai chậm: tình trạng biểu của các đơn vị dưới một đơn vị",
        querystring: z.object({
          periodId: z.coerce.number().int().positive(),
          parentId: z.coerce.number().int().positive(),
        }),
        response: { 200: FormsStatus },
      },
    },
    async (req) => {
      const { actor } = await callerOf(req);
      authorize(figurePolicy, actor, "read", await formUnit(req.query.parentId));
      return getFormsStatus(app.deps.db, req.query.parentId, req.query.periodId, today());
    },
  );

  r.get(
    "/api/indicators/:id/values",
    {
      schema: {
        tags,
        summary: "Giá trị một chỉ tiêu: một đơn vị hoặc từng đơn vị trực thuộc, theo bản đồ tại một ngày",
        params: idParam,
        querystring: z.object({
          unitId: z.coerce.number().int().positive(),
          periodIds: z.string().regex(/^\d+(,\d+)*$/),
          asOf: isoDate.optional(),
          children: z.enum(["true", "false"]).default("false"),
          category: z.string().max(40).default(""),
          /** "true": count figures not yet submitted too (official totals leave them out). */
          drafts: z.enum(["true", "false"]).default("false"),
        }),
        response: { 200: IndicatorValues },
      },
    },
    async (req, reply) => {
      const { actor } = await callerOf(req);
      authorize(figurePolicy, actor, "read", await formUnit(req.query.unitId));
      const asOf = req.query.asOf ?? today();
      // the answer depends on the query only once the unit is allowed; kept per scope all the same
      const extra = { id: req.params.id, asOf };
      return cachedAnswer(req, reply, { actor, by: "scope", extra }, async () => {
        const points = await computeIndicator(app.deps.db, {
          indicatorId: req.params.id,
          unitId: req.query.unitId,
          periodIds: req.query.periodIds.split(",").map(Number),
          asOf,
          childrenOf: req.query.children === "true",
          category: req.query.category,
          includeDrafts: req.query.drafts === "true",
        });
        const ids = [...new Set(points.map((p) => p.unitId))];
        const names = await unitNames(app.deps.db, ids);
        return {
          asOf,
          points: points.map((p) => ({ ...p, unit: names.find((n) => n.id === p.unitId) ?? null })),
        };
      });
    },
  );

  r.get(
    "/api/targets",
    {
      schema: {
        tags,
        summary: "Mục tiêu: giá trị hiện tại, lộ trình, trạng thái",
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
        response: { 200: TargetList },
      },
    },
    async (req, reply) => {
      const { actor } = await callerOf(req);
      // an officer sees the targets of the units in their scope only (their commune, its schools)
      if (req.query.unitId) authorize(targetPolicy, actor, "read", { unitId: req.query.unitId });
      const day = today();
      // `can` flags in the answer: kept per role, bound unit and scope
      return cachedAnswer(req, reply, { actor, by: "actor", extra: { day } }, async () => {
        const all = await getTargetsOverview(
          app.deps.db,
          day,
          req.query.unitId,
          app.deps.config.targetThresholds,
        );
        return {
          targets: all
            .filter((x) => targetPolicy.can(actor, "read", { unitId: x.org_unit_id }))
            .map((x) => ({
              ...x,
              can: flagsOf(targetPolicy, actor, { unitId: x.org_unit_id }, ["edit", "delete"]),
            })),
          thresholds: app.deps.config.targetThresholds,
          can: flagsOf(targetPolicy, actor, undefined, ["create"]),
        };
      });
    },
  );

  r.post(
    "/api/targets",
    {
      schema: {
        tags,
        summary: "Đặt mục tiêu theo dõi (điều phối viên, quản trị viên)",
        body: TargetInput,
        response: { 201: TargetSaved },
      },
    },
    async (req, reply) => {
      const { user } = await authorized(req, targetPolicy, "create");
      return reply.status(201).send(await saveTarget(app.deps.db, actorOf(user), req.body));
    },
  );

  r.put(
    "/api/targets/:id",
    {
      schema: {
        tags,
        summary: "Sửa mục tiêu (cần số phiên bản)",
        params: idParam,
        body: TargetInput,
        response: { 200: TargetSaved },
      },
    },
    async (req) => {
      const { user } = await authorized(req, targetPolicy, "edit");
      return saveTarget(app.deps.db, actorOf(user), req.body, req.params.id);
    },
  );

  r.delete(
    "/api/targets/:id",
    {
      schema: {
        tags,
        summary: "Thôi theo dõi một mục tiêu (số liệu vẫn giữ)",
        params: idParam,
        querystring: z.object({ version: z.coerce.number().int().positive() }),
        response: { 200: TargetRemoved },
      },
    },
    async (req) => {
      const { user } = await authorized(req, targetPolicy, "delete");
      return deleteTarget(app.deps.db, actorOf(user), req.params.id, req.query.version);
    },
  );
}
