import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { documentPolicy } from "../../domain/policies/document.ts";
import { todayIso } from "../../domain/status.ts";
import { Overview } from "../../shared/api/overview.ts";
import { getOverview } from "../../usecases/getOverview.ts";
import { isoDate, z } from "../../usecases/shared/zod.ts";
import { cachedAnswer } from "../cachedAnswer.ts";
import { authorize, callerOf } from "../policies/authorize.ts";

export async function overviewRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/overview",
    {
      schema: {
        tags: ["Tổng quan"],
        summary:
          "Tổng quan cho lãnh đạo: mục tiêu theo trạng thái, nhiệm vụ và tỷ lệ hoàn thành, việc quá hạn, số liệu đã gửi, độ khớp các kế hoạch",
        querystring: z.object({
          documentId: z.coerce.number().int().positive().optional(),
          asOf: isoDate.optional(),
        }),
        response: { 200: Overview },
      },
    },
    async (req, reply) => {
      const { actor } = await callerOf(req);
      authorize(documentPolicy, actor, "read", undefined);
      const asOf = req.query.asOf ?? todayIso(app.deps.now());
      return cachedAnswer(req, reply, { actor, by: "scope", extra: { asOf } }, () =>
        getOverview(app.deps.db, {
          documentId: req.query.documentId,
          asOf,
          scope: actor.scope,
          thresholds: app.deps.config.targetThresholds,
        }),
      );
    },
  );
}
