import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { catalogPolicy } from "../../domain/policies/figures.ts";
import {
  DataValueSetExportQuery,
  DataValueSetImportQuery,
  exportDataValueSets,
  importDataValueSets,
} from "../../usecases/dataValueSets.ts";
import {
  DataValueSetOut,
  Dhis2JobSavedOut,
  Dhis2JobsOut,
  MappingSetOut,
  MappingsOut,
  MetadataImportOut,
  WebMessageOut,
} from "../../usecases/dhis2/dhis2Schemas.ts";
import { Dhis2InstanceInput, importDhis2Metadata } from "../../usecases/dhis2/importDhis2Metadata.ts";
import type { ImportSummary } from "../../usecases/dhis2/importSummary.ts";
import { listDhis2Jobs } from "../../usecases/dhis2/listDhis2Jobs.ts";
import { listDhis2Mappings } from "../../usecases/dhis2/listDhis2Mappings.ts";
import { createDhis2Job, Dhis2JobInput, updateDhis2Job } from "../../usecases/dhis2/saveDhis2Job.ts";
import { MappingInput, setDhis2Mapping } from "../../usecases/dhis2/setDhis2Mapping.ts";
import { secretKeyOf } from "../../usecases/shared/secretBox.ts";
import { idParam, z } from "../../usecases/shared/zod.ts";
import { actorOf } from "../context.ts";
import { authorized } from "../policies/authorize.ts";
import { assertCleanString, decodeUtf8Strict } from "../textGuard.ts";

/** The text bodies DHIS2 clients send: CSV, DXF2 XML, ADX (strict UTF-8, no NUL). */
const TEXT_TYPES = ["text/csv", "application/csv", "application/xml", "text/xml", "application/adx+xml"];

/** DHIS2 answers an import with a WebMessage around its ImportSummary: 200, or 409 with conflicts. */
function webMessage(reply: FastifyReply, summary: ImportSummary) {
  const ok = summary.conflicts.length === 0;
  return reply.status(ok ? 200 : 409).send({
    httpStatus: ok ? "OK" : "Conflict",
    httpStatusCode: ok ? 200 : 409,
    status: ok ? "OK" : summary.status,
    message: ok
      ? summary.description
      : `${summary.description} ${summary.conflicts
          .slice(0, 5)
          .map((c) => `dòng ${(c.indexes[0] ?? 0) + 1}: ${c.value}`)
          .join("; ")}`,
    response: summary,
  });
}

export async function dhis2Routes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["DHIS2"];
  app.addContentTypeParser(TEXT_TYPES, { parseAs: "buffer" }, (_req, body, done) => {
    try {
      done(null, assertCleanString(decodeUtf8Strict(body as Buffer, "Tệp dữ liệu"), "Tệp dữ liệu"));
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  // DHIS2 clients call /api/dataValueSets; Lộ Trình's own path is /api/datavaluesets: one behaviour
  for (const path of ["/api/dataValueSets", "/api/datavaluesets"]) {
    r.get(
      path,
      {
        schema: {
          tags,
          summary: "Xuất số liệu dạng dataValueSets (DHIS2)",
          querystring: DataValueSetExportQuery,
          response: { 200: DataValueSetOut },
        },
      },
      async (req) => {
        await authorized(req, catalogPolicy, "exchange");
        return exportDataValueSets(app.deps.db, req.query);
      },
    );
    r.post(
      path,
      {
        schema: {
          tags,
          summary:
            "Nhập số liệu dạng dataValueSets (DHIS2): JSON, CSV, XML, ADX; dryRun, importStrategy, atomicMode",
          querystring: DataValueSetImportQuery,
          response: { 200: WebMessageOut, 409: WebMessageOut },
        },
      },
      async (req, reply) => {
        const { user } = await authorized(req, catalogPolicy, "exchange");
        const summary = await importDataValueSets(
          app.deps.db,
          actorOf(user),
          req.body,
          req.query,
          String(req.headers["content-type"] ?? ""),
        );
        return webMessage(reply, summary);
      },
    );
  }

  r.get(
    "/api/dhis2/mappings",
    {
      schema: {
        tags,
        summary: "Ánh xạ với một hệ thống DHIS2 (đã khớp và chưa khớp)",
        querystring: z.object({ instanceId: z.coerce.number().int().positive().optional() }),
        response: { 200: MappingsOut },
      },
    },
    async (req) => {
      await authorized(req, catalogPolicy, "edit");
      return listDhis2Mappings(app.deps.db, req.query.instanceId ?? null);
    },
  );

  r.post(
    "/api/dhis2/metadata",
    {
      schema: {
        tags,
        summary: "Nạp siêu dữ liệu DHIS2 (/api/metadata) và khớp theo mã, tên",
        body: Dhis2InstanceInput.extend({ metadata: z.record(z.string(), z.unknown()) }),
        response: { 200: MetadataImportOut },
      },
    },
    async (req) => {
      const { user } = await authorized(req, catalogPolicy, "edit");
      return importDhis2Metadata(app.deps.db, actorOf(user), req.body);
    },
  );

  r.put(
    "/api/dhis2/mappings/:id",
    {
      schema: {
        tags,
        summary: "Sửa một ánh xạ DHIS2",
        params: idParam,
        body: MappingInput,
        response: { 200: MappingSetOut },
      },
    },
    async (req) => {
      const { user } = await authorized(req, catalogPolicy, "edit");
      return setDhis2Mapping(app.deps.db, actorOf(user), req.params.id, req.body);
    },
  );

  // scheduled pulls and pushes (run by the server's job runner, src/usecases/dhis2/runDhis2Jobs.ts)
  r.get(
    "/api/dhis2/jobs",
    { schema: { tags, summary: "Lịch trao đổi DHIS2 và các lần chạy", response: { 200: Dhis2JobsOut } } },
    async (req) => {
      await authorized(req, catalogPolicy, "edit");
      return listDhis2Jobs(app.deps.db);
    },
  );
  r.post(
    "/api/dhis2/jobs",
    {
      schema: {
        tags,
        summary: "Tạo lịch lấy/gửi số liệu DHIS2",
        body: Dhis2JobInput,
        response: { 200: Dhis2JobSavedOut },
      },
    },
    async (req) => {
      const { user } = await authorized(req, catalogPolicy, "edit");
      return createDhis2Job(
        app.deps.db,
        actorOf(user),
        req.body,
        app.deps.now(),
        secretKeyOf(app.deps.config),
      );
    },
  );
  r.put(
    "/api/dhis2/jobs/:id",
    {
      schema: {
        tags,
        summary: "Sửa lịch lấy/gửi số liệu DHIS2 (bỏ trống mật khẩu để giữ mật khẩu đã lưu)",
        params: idParam,
        body: Dhis2JobInput,
        response: { 200: Dhis2JobSavedOut },
      },
    },
    async (req) => {
      const { user } = await authorized(req, catalogPolicy, "edit");
      return updateDhis2Job(
        app.deps.db,
        actorOf(user),
        req.params.id,
        req.body,
        secretKeyOf(app.deps.config),
      );
    },
  );
}
