import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { getDocumentById } from "../../db/repositories/documentRepository.ts";
import { indicatorCandidates } from "../../db/repositories/indicatorCandidates.ts";
import { unitCandidates } from "../../db/repositories/orgUnitRepository.ts";
import { flagsOf } from "../../domain/policies/actor.ts";
import { documentPolicy } from "../../domain/policies/document.ts";
import { AppError } from "../../errors.ts";
import { parsePlan } from "../../import/parsePlan.ts";
import {
  Alignment,
  DocumentDetail,
  DraftAnswer,
  ImportChanges,
  PlanGraph,
} from "../../shared/api/documents.ts";
import { textBody } from "../../shared/api/wire.ts";
import { getPlanAlignment } from "../../usecases/getPlanAlignment.ts";
import { getPlanDocument } from "../../usecases/getPlanDocument.ts";
import { getPlanGraph } from "../../usecases/getPlanGraph.ts";
import { importPlanDocument } from "../../usecases/importPlanDocument.ts";
import { ConfirmedPlan } from "../../usecases/shared/planSchemas.ts";
import { idParam } from "../../usecases/shared/zod.ts";
import { actorOf } from "../context.ts";
import { authorized } from "../policies/authorize.ts";
import { runInFilePool } from "../uploads/filePool.ts";
import { receiveSingleFile } from "../uploads/receiveUpload.ts";
import { PLAN_FILE } from "../uploads/uploadPolicies.ts";

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Văn bản & kế hoạch"];

  r.post(
    "/api/imports/draft",
    {
      schema: {
        tags,
        summary:
          "Đọc một văn bản (multipart, trường «file»: .txt, .md, .docx, .pdf) và trả bản nháp; không lưu gì",
        consumes: ["multipart/form-data"],
        response: { 200: DraftAnswer },
      },
    },
    async (req) => {
      await authorized(req, documentPolicy, "import");
      const { name, bytes } = await receiveSingleFile(req, PLAN_FILE);
      const { document: source } = await runInFilePool({ op: "plan", name, bytes, policy: PLAN_FILE });
      if (!source) throw new AppError("BAD_INPUT_FILE", "Không đọc được văn bản.");
      const draft = parsePlan(source.text, {
        units: await unitCandidates(app.deps.db),
        indicators: await indicatorCandidates(app.deps.db),
      });
      return { source, draft };
    },
  );

  r.post(
    "/api/documents",
    {
      schema: {
        tags,
        summary: "Lưu văn bản đã rà soát (tất cả hoặc không gì cả)",
        body: ConfirmedPlan,
        response: { 200: ImportChanges, 201: ImportChanges },
      },
    },
    async (req, reply) => {
      const { user } = await authorized(req, documentPolicy, "import");
      const result = await importPlanDocument(app.deps.db, actorOf(user), req.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  r.get(
    "/api/documents",
    {
      schema: {
        tags,
        summary: "Chuỗi văn bản: các văn bản và liên kết thực hiện / trích dẫn",
        response: { 200: PlanGraph },
      },
    },
    async (req) => {
      const { actor } = await authorized(req, documentPolicy, "read");
      return { ...(await getPlanGraph(app.deps.db)), can: flagsOf(documentPolicy, actor, undefined) };
    },
  );

  r.get(
    "/api/documents/:id",
    {
      schema: {
        tags,
        summary: "Một văn bản: nhiệm vụ, chỉ tiêu, liên kết",
        params: idParam,
        response: { 200: DocumentDetail },
      },
    },
    async (req) => {
      await authorized(req, documentPolicy, "read");
      return getPlanDocument(app.deps.db, req.params.id);
    },
  );

  r.get(
    "/api/documents/:id/alignment",
    {
      schema: {
        tags,
        summary:
          "Độ khớp với kế hoạch cấp trên: chỉ tiêu giữ, bỏ, cao hơn, thấp hơn; nhiệm vụ chưa có; đơn vị chưa ban hành kế hoạch",
        params: idParam,
        response: { 200: Alignment },
      },
    },
    async (req) => {
      await authorized(req, documentPolicy, "read");
      return getPlanAlignment(app.deps.db, req.params.id);
    },
  );

  r.get(
    "/api/documents/:id/source",
    {
      schema: {
        tags,
        summary: "Văn bản gốc đã nhập (dạng chữ)",
        params: idParam,
        response: { 200: textBody("text/plain") },
      },
    },
    async (req, reply) => {
      await authorized(req, documentPolicy, "read");
      const row = await getDocumentById(app.deps.db, req.params.id);
      if (!row?.source_text) throw new AppError("NOT_FOUND", "Văn bản này chưa có bản gốc trong hệ thống.");
      return reply.type("text/plain; charset=utf-8").send(row.source_text);
    },
  );
}
