import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { answeringBodies } from "../../db/repositories/bodyShareRepository.ts";
import { findOccurrenceWithBodies } from "../../db/repositories/occurrenceRepository.ts";
import { findAttachment } from "../../db/repositories/occurrenceUpdateRepository.ts";
import { todayIso } from "../../domain/dates.ts";
import { relationTo, taskPolicy } from "../../domain/policies/task.ts";
import { errors } from "../../errors.ts";
import { ChaseOutcome, OccurrenceChange } from "../../shared/api/tasks.ts";
import { fileBody } from "../../shared/api/wire.ts";
import { ChaseInput, chaseOccurrence } from "../../usecases/chaseOccurrence.ts";
import { ConfirmInput, confirmCompletion } from "../../usecases/confirmCompletion.ts";
import { ExtendInput, extendDeadline } from "../../usecases/extendDeadline.ts";
import { PauseInput, pauseOccurrence } from "../../usecases/pauseOccurrence.ts";
import { postProgressUpdate } from "../../usecases/postProgressUpdate.ts";
import { ProposeInput, proposeCompletion } from "../../usecases/proposeCompletion.ts";
import { ReturnInput, returnCompletion } from "../../usecases/returnCompletion.ts";
import { FileStore, type StoredFile } from "../../usecases/shared/fileStore.ts";
import { idParam } from "../../usecases/shared/zod.ts";
import { actorOf } from "../context.ts";
import { IdempotencyHeaders, idempotencyOf } from "../idempotency.ts";
import { authorize, callerOf } from "../policies/authorize.ts";
import { runInFilePool } from "../uploads/filePool.ts";
import { assertDeclaredSize, fieldText, readFilePart } from "../uploads/receiveUpload.ts";
import { ATTACHMENT_FILE, MAX_REPORT_FILES_BYTES } from "../uploads/uploadPolicies.ts";

export async function occurrenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Báo cáo tiến độ"];
  const files = new FileStore(path.join(app.deps.config.dataDir, "files"));
  const today = () => todayIso(app.deps.now());

  /** The caller, the occurrence and its task's bodies — what every policy here needs; 403 unless the task is theirs to see. */
  async function context(req: FastifyRequest, id: number) {
    const { user, actor } = await callerOf(req);
    // one statement: the occurrence, its task's bodies, its member's name, whether it was shared out
    const occ = await findOccurrenceWithBodies(app.deps.db, id);
    if (!occ) throw errors.notFound("nhiệm vụ cần báo cáo");
    // a share of a set-led task belongs to its member: that unit is its lead body
    const task = { bodies: answeringBodies(occ.bodies, occ) };
    authorize(taskPolicy, actor, "read", task);
    return { user, occ, task, by: relationTo(actor, task.bodies), actor: actorOf(user) };
  }

  r.post(
    "/api/occurrences/:id/updates",
    {
      bodyLimit: 60 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Báo cáo tiến độ (multipart: version, text, percent, product, links, tệp đính kèm PDF/DOCX/XLSX/ảnh); gửi lại cùng Idempotency-Key nhận lại kết quả lần đầu",
        params: idParam,
        headers: IdempotencyHeaders,
        consumes: ["multipart/form-data", "application/json"],
        response: { 201: OccurrenceChange },
      },
    },
    async (req, reply) => {
      const { user, actor, by, occ } = await context(req, req.params.id);
      const fields: Record<string, string | string[]> = {};
      const saved: StoredFile[] = [];
      try {
        if (req.isMultipart()) {
          assertDeclaredSize(req, ATTACHMENT_FILE, MAX_REPORT_FILES_BYTES);
          for await (const part of req.parts({
            limits: { fileSize: ATTACHMENT_FILE.maxBytes + 1, files: 10 },
          })) {
            if (part.type === "file") {
              const { name, bytes } = await readFilePart(part, ATTACHMENT_FILE);
              const { file } = await runInFilePool({ op: "check", name, bytes, policy: ATTACHMENT_FILE });
              saved.push(files.save(file, bytes));
            } else {
              const v = fieldText(part.value, part.fieldname);
              if (part.fieldname === "links")
                fields.links = [...((fields.links as string[]) ?? []), ...v.split(/\s+/).filter(Boolean)];
              else fields[part.fieldname] = v;
            }
          }
        } else {
          Object.assign(fields, req.body as object);
        }
        const result = await postProgressUpdate(
          app.deps.db,
          actor,
          req.params.id,
          fields as never,
          by,
          today(),
          saved,
          idempotencyOf(req, user.id),
          occ,
        );
        // a repeated send: the first one's files are kept, this one's copies are not needed
        if (result.replayed) for (const f of saved) files.remove(f.stored_name);
        return reply.status(201).send(result);
      } catch (e) {
        for (const f of saved) files.remove(f.stored_name);
        throw e;
      }
    },
  );

  r.post(
    "/api/occurrences/:id/propose",
    {
      schema: {
        tags,
        summary: "Cơ quan chủ trì báo cáo hoàn thành",
        params: idParam,
        body: ProposeInput,
        response: { 200: OccurrenceChange },
      },
    },
    async (req) => {
      const { actor, by } = await context(req, req.params.id);
      return proposeCompletion(app.deps.db, actor, req.params.id, req.body, by, app.deps.now());
    },
  );

  r.post(
    "/api/occurrences/:id/confirm",
    {
      schema: {
        tags,
        summary: "Điều phối viên xác nhận hoàn thành",
        params: idParam,
        body: ConfirmInput,
        response: { 200: OccurrenceChange },
      },
    },
    async (req) => {
      const { actor, by } = await context(req, req.params.id);
      return confirmCompletion(app.deps.db, actor, req.params.id, req.body, by, app.deps.now());
    },
  );

  r.post(
    "/api/occurrences/:id/return",
    {
      schema: {
        tags,
        summary: "Điều phối viên trả lại, có lý do",
        params: idParam,
        body: ReturnInput,
        response: { 200: OccurrenceChange },
      },
    },
    async (req) => {
      const { actor, by } = await context(req, req.params.id);
      return returnCompletion(app.deps.db, actor, req.params.id, req.body, by, app.deps.now());
    },
  );

  r.post(
    "/api/occurrences/:id/extend",
    {
      schema: {
        tags,
        summary: "Gia hạn (hoặc đặt hạn cho việc chờ văn bản), có lý do",
        params: idParam,
        body: ExtendInput,
        response: { 200: OccurrenceChange },
      },
    },
    async (req) => {
      const { actor, by } = await context(req, req.params.id);
      return extendDeadline(app.deps.db, actor, req.params.id, req.body, by, app.deps.now());
    },
  );

  r.post(
    "/api/occurrences/:id/pause",
    {
      schema: {
        tags,
        summary: "Tạm dừng / tiếp tục",
        params: idParam,
        body: PauseInput,
        response: { 200: OccurrenceChange },
      },
    },
    async (req) => {
      const { actor, by } = await context(req, req.params.id);
      return pauseOccurrence(app.deps.db, actor, req.params.id, req.body, by, today());
    },
  );

  r.post(
    "/api/occurrences/:id/chase",
    {
      schema: {
        tags,
        summary: "Đôn đốc cơ quan chủ trì",
        params: idParam,
        body: ChaseInput,
        response: { 200: ChaseOutcome },
      },
    },
    async (req) => {
      const { actor, by, occ } = await context(req, req.params.id);
      return chaseOccurrence(app.deps.db, actor, req.params.id, req.body, by, app.deps.now(), occ);
    },
  );

  r.get(
    "/api/attachments/:id",
    {
      schema: {
        tags,
        summary: "Tải tệp đính kèm (chỉ người được xem nhiệm vụ)",
        params: idParam,
        // the stored file as it is, of the type read from its content
        response: { 200: fileBody("*/*") },
      },
    },
    async (req, reply) => {
      await callerOf(req);
      const a = await findAttachment(app.deps.db, req.params.id);
      if (!a) throw errors.notFound("tệp đính kèm");
      await context(req, a.occurrence_id);
      return reply
        .type(a.mime)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(a.original_name)}`)
        .header("x-content-type-options", "nosniff")
        .send(fs.createReadStream(files.pathOf(a.stored_name)));
    },
  );
}
