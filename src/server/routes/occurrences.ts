import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { bodiesOfOccurrence } from "../../db/repositories/bodyShareRepository.ts";
import { findOccurrence } from "../../db/repositories/occurrenceRepository.ts";
import { todayIso } from "../../domain/status.ts";
import { AppError, errors } from "../../errors.ts";
import { ChaseInput, chaseOccurrence } from "../../usecases/chaseOccurrence.ts";
import { ConfirmInput, confirmCompletion } from "../../usecases/confirmCompletion.ts";
import { ExtendInput, extendDeadline } from "../../usecases/extendDeadline.ts";
import { PauseInput, pauseOccurrence } from "../../usecases/pauseOccurrence.ts";
import { postProgressUpdate } from "../../usecases/postProgressUpdate.ts";
import { ProposeInput, proposeCompletion } from "../../usecases/proposeCompletion.ts";
import { ReturnInput, returnCompletion } from "../../usecases/returnCompletion.ts";
import { FileStore, MAX_ATTACHMENT_BYTES, type StoredFile } from "../../usecases/shared/fileStore.ts";
import { idParam } from "../../usecases/shared/zod.ts";
import { actorOf, requireUser } from "../context.ts";
import { unitScope } from "../policies/scope.ts";
import { assertCanSeeTask, assertIsCoordinator, assertIsLead, reportingRole } from "../policies/task.ts";

export async function occurrenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Báo cáo tiến độ"];
  const files = new FileStore(path.join(app.deps.config.dataDir, "files"));
  const today = () => todayIso(app.deps.now());

  /** The occurrence, its task's bodies and the caller's scope — what every policy here needs. */
  async function context(req: FastifyRequest, id: number) {
    const user = requireUser(req);
    const occ = await findOccurrence(app.deps.db, id);
    if (!occ) throw errors.notFound("nhiệm vụ cần báo cáo");
    const bodies = await bodiesOfOccurrence(app.deps.db, occ);
    const scope = await unitScope(app.deps.db, user, today());
    assertCanSeeTask(scope, bodies);
    return { user, occ, bodies, scope };
  }

  r.post(
    "/api/occurrences/:id/updates",
    {
      bodyLimit: 60 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Báo cáo tiến độ (multipart: version, text, percent, product, links, tệp đính kèm PDF/DOCX/XLSX/ảnh)",
        params: idParam,
        consumes: ["multipart/form-data", "application/json"],
      },
    },
    async (req, reply) => {
      const { user, bodies, scope } = await context(req, req.params.id);
      const role = reportingRole(user, scope, bodies);
      const fields: Record<string, string | string[]> = {};
      const saved: StoredFile[] = [];
      try {
        if (req.isMultipart()) {
          for await (const part of req.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 10 } })) {
            if (part.type === "file") {
              const buf = await part.toBuffer().catch(() => {
                throw new AppError("BAD_INPUT_FILE", `Tệp "${part.filename}" quá lớn (tối đa 10 MB).`);
              });
              saved.push(files.save(part.filename, buf));
            } else {
              const v = String(part.value);
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
          actorOf(user),
          req.params.id,
          fields as never,
          role,
          saved,
        );
        return reply.status(201).send(result);
      } catch (e) {
        for (const f of saved) files.remove(f.stored_name);
        throw e;
      }
    },
  );

  r.post(
    "/api/occurrences/:id/propose",
    { schema: { tags, summary: "Cơ quan chủ trì báo cáo hoàn thành", params: idParam, body: ProposeInput } },
    async (req) => {
      const { user, bodies, scope } = await context(req, req.params.id);
      assertIsLead(user, scope, bodies);
      return proposeCompletion(app.deps.db, actorOf(user), req.params.id, req.body, today());
    },
  );

  r.post(
    "/api/occurrences/:id/confirm",
    { schema: { tags, summary: "Điều phối viên xác nhận hoàn thành", params: idParam, body: ConfirmInput } },
    async (req) => {
      const { user } = await context(req, req.params.id);
      assertIsCoordinator(user);
      return confirmCompletion(app.deps.db, actorOf(user), req.params.id, req.body);
    },
  );

  r.post(
    "/api/occurrences/:id/return",
    { schema: { tags, summary: "Điều phối viên trả lại, có lý do", params: idParam, body: ReturnInput } },
    async (req) => {
      const { user } = await context(req, req.params.id);
      assertIsCoordinator(user);
      return returnCompletion(app.deps.db, actorOf(user), req.params.id, req.body);
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
      },
    },
    async (req) => {
      const { user } = await context(req, req.params.id);
      assertIsCoordinator(user);
      return extendDeadline(app.deps.db, actorOf(user), req.params.id, req.body);
    },
  );

  r.post(
    "/api/occurrences/:id/pause",
    { schema: { tags, summary: "Tạm dừng / tiếp tục", params: idParam, body: PauseInput } },
    async (req) => {
      const { user } = await context(req, req.params.id);
      assertIsCoordinator(user);
      return pauseOccurrence(app.deps.db, actorOf(user), req.params.id, req.body);
    },
  );

  r.post(
    "/api/occurrences/:id/chase",
    { schema: { tags, summary: "Đôn đốc cơ quan chủ trì", params: idParam, body: ChaseInput } },
    async (req) => {
      const { user } = await context(req, req.params.id);
      assertIsCoordinator(user);
      return chaseOccurrence(app.deps.db, actorOf(user), req.params.id, req.body, today());
    },
  );

  r.get(
    "/api/attachments/:id",
    { schema: { tags, summary: "Tải tệp đính kèm (chỉ người được xem nhiệm vụ)", params: idParam } },
    async (req, reply) => {
      requireUser(req);
      const a = await app.deps.db
        .selectFrom("attachment as a")
        .innerJoin("occurrence_update as u", "u.id", "a.update_id")
        .select(["a.original_name", "a.stored_name", "a.mime", "u.occurrence_id"])
        .where("a.id", "=", req.params.id)
        .executeTakeFirst();
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
