import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { todayIso } from "../../domain/status.ts";
import { AppError, errors } from "../../errors.ts";
import { formToXlsx } from "../../reports/formTemplate.ts";
import { computeIndicator } from "../../usecases/computeIndicator.ts";
import { exportDataValueSets, importDataValueSets } from "../../usecases/dataValueSets.ts";
import { deleteTarget } from "../../usecases/deleteTarget.ts";
import { getDataForm } from "../../usecases/getDataForm.ts";
import { getTargetsOverview } from "../../usecases/getTargetsOverview.ts";
import { listIndicators } from "../../usecases/listIndicators.ts";
import { ReviewFormInput, reviewDataForm } from "../../usecases/reviewDataForm.ts";
import { SaveFormInput, saveDataForm } from "../../usecases/saveDataForm.ts";
import { IndicatorInput, saveIndicator } from "../../usecases/saveIndicator.ts";
import { saveTarget, TargetInput } from "../../usecases/saveTarget.ts";
import { idParam, isoDate, z } from "../../usecases/shared/zod.ts";
import { uploadDataForm } from "../../usecases/uploadDataForm.ts";
import { actorOf, requireUser } from "../context.ts";
import {
  assertCanEditCatalog,
  assertCanEnterFigures,
  assertCanExchangeFigures,
  assertCanReadFigures,
  assertCanReviewFigures,
} from "../policies/figures.ts";
import { unitScope } from "../policies/scope.ts";
import { assertCanEditTargets } from "../policies/target.ts";

const FormParams = z.object({
  unitId: z.coerce.number().int().positive(),
  periodId: z.coerce.number().int().positive(),
});

export async function figureRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Chỉ tiêu và số liệu"];
  const today = () => todayIso(app.deps.now());

  r.get("/api/indicators", { schema: { tags, summary: "Danh mục chỉ tiêu" } }, async (req) => {
    requireUser(req);
    return { indicators: await listIndicators(app.deps.db) };
  });

  r.post(
    "/api/indicators",
    { schema: { tags, summary: "Thêm chỉ tiêu (quản trị viên)", body: IndicatorInput } },
    async (req, reply) => {
      const user = requireUser(req);
      assertCanEditCatalog(user);
      return reply.status(201).send(await saveIndicator(app.deps.db, actorOf(user), req.body));
    },
  );

  r.put(
    "/api/indicators/:id",
    { schema: { tags, summary: "Sửa chỉ tiêu (cần số phiên bản)", params: idParam, body: IndicatorInput } },
    async (req) => {
      const user = requireUser(req);
      assertCanEditCatalog(user);
      return saveIndicator(app.deps.db, actorOf(user), req.body, req.params.id);
    },
  );

  r.get(
    "/api/periods",
    {
      schema: { tags, summary: "Kỳ báo cáo", querystring: z.object({ kind: z.string().max(20).optional() }) },
    },
    async (req) => {
      requireUser(req);
      let q = app.deps.db.selectFrom("period").selectAll();
      if (req.query.kind) q = q.where("kind", "=", req.query.kind);
      return { periods: await q.orderBy("start_date").orderBy("end_date").execute() };
    },
  );

  r.get(
    "/api/forms/:unitId/:periodId",
    { schema: { tags, summary: "Biểu nhập số liệu của một đơn vị, một kỳ", params: FormParams } },
    async (req) => {
      const user = requireUser(req);
      assertCanReadFigures(await unitScope(app.deps.db, user, today()), req.params.unitId);
      return getDataForm(app.deps.db, req.params.unitId, req.params.periodId);
    },
  );

  r.put(
    "/api/forms/:unitId/:periodId",
    { schema: { tags, summary: "Lưu (và gửi) số liệu", params: FormParams, body: SaveFormInput } },
    async (req) => {
      const user = requireUser(req);
      assertCanEnterFigures(user, req.params.unitId);
      return saveDataForm(app.deps.db, actorOf(user), req.params.unitId, req.params.periodId, req.body);
    },
  );

  r.get(
    "/api/forms/:unitId/:periodId/template.xlsx",
    { schema: { tags, summary: "Tải biểu mẫu Excel để nhập ngoài hệ thống", params: FormParams } },
    async (req, reply) => {
      const user = requireUser(req);
      assertCanReadFigures(await unitScope(app.deps.db, user, today()), req.params.unitId);
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
      },
    },
    async (req) => {
      const user = requireUser(req);
      assertCanEnterFigures(user, req.params.unitId);
      const file = await req.file({ limits: { fileSize: 5 * 1024 * 1024, files: 1 } }).catch(() => undefined);
      if (!file) throw new AppError("BAD_INPUT_FILE", "Chưa chọn tệp Excel.");
      return uploadDataForm(
        app.deps.db,
        actorOf(user),
        req.params.unitId,
        req.params.periodId,
        await file.toBuffer(),
      );
    },
  );

  r.post(
    "/api/forms/:unitId/:periodId/review",
    { schema: { tags, summary: "Duyệt, trả lại, mở lại", params: FormParams, body: ReviewFormInput } },
    async (req) => {
      const user = requireUser(req);
      const unit = await app.deps.db
        .selectFrom("org_unit")
        .select(["id", "kind"])
        .where("id", "=", req.params.unitId)
        .executeTakeFirst();
      if (!unit) throw errors.notFound("đơn vị");
      assertCanReviewFigures(user, unit, await unitScope(app.deps.db, user, today()), req.body.decision);
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
      },
    },
    async (req) => {
      const user = requireUser(req);
      assertCanReadFigures(await unitScope(app.deps.db, user, today()), req.query.parentId);
      const period = await app.deps.db
        .selectFrom("period")
        .selectAll()
        .where("id", "=", req.query.periodId)
        .executeTakeFirst();
      if (!period) throw errors.notFound("kỳ báo cáo");
      const units = await app.deps.db
        .selectFrom("org_unit_parent as p")
        .innerJoin("org_unit as u", "u.id", "p.child_id")
        .leftJoin("form_status as f", (j) =>
          j.onRef("f.org_unit_id", "=", "u.id").on("f.period_id", "=", req.query.periodId),
        )
        .select(["u.id", "u.full_name", "u.kind", "f.status", "f.submitted_at", "f.reviewed_at"])
        .where("p.parent_id", "=", req.query.parentId)
        .where("u.kind", "in", ["commune", "ward", "township", "school"])
        .where((eb) => eb.or([eb("p.valid_from", "is", null), eb("p.valid_from", "<=", period.end_date)]))
        .where((eb) => eb.or([eb("p.valid_to", "is", null), eb("p.valid_to", ">", period.end_date)]))
        .orderBy("u.full_name")
        .execute();
      const late = today() > period.end_date;
      return {
        period,
        units: units.map((u) => ({
          ...u,
          status: u.status ?? "not_started",
          late: late && u.status !== "submitted" && u.status !== "approved",
        })),
      };
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
      },
    },
    async (req) => {
      const user = requireUser(req);
      assertCanReadFigures(await unitScope(app.deps.db, user, today()), req.query.unitId);
      const asOf = req.query.asOf ?? today();
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
      const names = ids.length
        ? await app.deps.db
            .selectFrom("org_unit")
            .select(["id", "full_name", "is_sample"])
            .where("id", "in", ids)
            .execute()
        : [];
      return {
        asOf,
        points: points.map((p) => ({ ...p, unit: names.find((n) => n.id === p.unitId) ?? null })),
      };
    },
  );

  r.get(
    "/api/targets",
    {
      schema: {
        tags,
        summary: "Mục tiêu: giá trị hiện tại, lộ trình, trạng thái",
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (req) => {
      const user = requireUser(req);
      // an officer sees the targets of the units in their scope only (their commune, its schools)
      const scope = await unitScope(app.deps.db, user, today());
      if (req.query.unitId) assertCanReadFigures(scope, req.query.unitId);
      const all = await getTargetsOverview(
        app.deps.db,
        today(),
        req.query.unitId,
        app.deps.config.targetThresholds,
      );
      return {
        targets: scope === null ? all : all.filter((x) => scope.has(x.org_unit_id)),
        thresholds: app.deps.config.targetThresholds,
      };
    },
  );

  r.post(
    "/api/targets",
    { schema: { tags, summary: "Đặt mục tiêu theo dõi (điều phối viên, quản trị viên)", body: TargetInput } },
    async (req, reply) => {
      const user = requireUser(req);
      assertCanEditTargets(user);
      return reply.status(201).send(await saveTarget(app.deps.db, actorOf(user), req.body));
    },
  );

  r.put(
    "/api/targets/:id",
    { schema: { tags, summary: "Sửa mục tiêu (cần số phiên bản)", params: idParam, body: TargetInput } },
    async (req) => {
      const user = requireUser(req);
      assertCanEditTargets(user);
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
      },
    },
    async (req) => {
      const user = requireUser(req);
      assertCanEditTargets(user);
      return deleteTarget(app.deps.db, actorOf(user), req.params.id, req.query.version);
    },
  );

  r.get(
    "/api/datavaluesets",
    {
      schema: {
        tags,
        summary: "Xuất số liệu dạng dataValueSets (DHIS2)",
        querystring: z.object({ period: z.string().max(200).optional() }),
      },
    },
    async (req) => {
      const user = requireUser(req);
      assertCanExchangeFigures(user);
      return exportDataValueSets(app.deps.db, {
        periodCodes: req.query.period ? req.query.period.split(",") : undefined,
      });
    },
  );

  r.post(
    "/api/datavaluesets",
    {
      bodyLimit: 100 * 1024 * 1024,
      schema: { tags, summary: "Nhập số liệu dạng dataValueSets (DHIS2), tất cả hoặc không gì cả" },
    },
    async (req) => {
      const user = requireUser(req);
      assertCanExchangeFigures(user);
      return importDataValueSets(app.deps.db, actorOf(user), req.body);
    },
  );
}
