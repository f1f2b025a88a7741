import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { findAudit } from "../../db/repositories/auditRepository.ts";
import { auditPolicy } from "../../domain/policies/user.ts";
import { AuditPage } from "../../shared/api/audit.ts";
import { isoDate, z } from "../../usecases/shared/zod.ts";
import { authorized } from "../policies/authorize.ts";

const AuditQuery = z.object({
  entity: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/audit",
    {
      schema: {
        tags: ["Nhật ký"],
        summary: "Nhật ký thay đổi (ai, khi nào, trước → sau)",
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      await authorized(req, auditPolicy, "browse");
      const q = req.query;
      const { rows, total } = await findAudit(app.deps.db, {
        entity: q.entity,
        action: q.action,
        entityId: q.entityId,
        actorId: q.actorId,
        from: q.from,
        to: q.to,
        text: q.q,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { entries: rows, total, page: q.page, pageSize: q.pageSize };
    },
  );
}
