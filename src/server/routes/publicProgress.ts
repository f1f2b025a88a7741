import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { todayIso } from "../../domain/dates.ts";
import { publicationPolicy } from "../../domain/policies/publication.ts";
import { errors } from "../../errors.ts";
import { PublicationChange, PublicationChoices, PublicProgress } from "../../shared/publicProgress.ts";
import { getPublicProgress } from "../../usecases/getPublicProgress.ts";
import {
  listPublication,
  PublicationInput,
  setDocumentPublication,
  setTargetPublication,
} from "../../usecases/setPublication.ts";
import { idParam } from "../../usecases/shared/zod.ts";
import { actorOf } from "../context.ts";
import { authorized } from "../policies/authorize.ts";
import { AnswerCache, PUBLIC_BUCKET, TokenBuckets } from "../publicThrottle.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route sets its own Cache-Control (public answers); others get no-store (requestGuards.ts). */
    cacheable?: boolean;
  }
}

/** Browsers and proxies may keep a public answer this long; the server keeps it as long. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

export async function publicProgressRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const buckets = new TokenBuckets(PUBLIC_BUCKET);
  const cache = new AnswerCache<PublicProgress>(PUBLIC_MAX_AGE_SECONDS * 1000);
  const tags = ["Công khai"];

  /** Rate limit before any work; the answer from the cache when it is fresh. */
  async function answer(req: FastifyRequest, reply: FastifyReply, key: string, opts: object) {
    const wait = buckets.take(req.ip, Date.now());
    if (wait > 0) {
      reply.header("retry-after", String(wait));
      throw errors.rateLimited(wait);
    }
    const now = app.deps.now();
    const asOf = todayIso(now);
    const body = await cache.get(`${asOf}|${key}`, Date.now(), () =>
      getPublicProgress(app.deps.db, { asOf, thresholds: app.deps.config.targetThresholds, ...opts }),
    );
    reply.header("cache-control", `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    return body;
  }
  const publicRoute = { public: true, cacheable: true };

  r.get(
    "/api/public/progress",
    {
      config: publicRoute,
      schema: {
        tags,
        summary: "Trang công khai: tiến độ các kế hoạch, chỉ tiêu đã công khai (không cần đăng nhập)",
        response: { 200: PublicProgress },
      },
    },
    (req, reply) => answer(req, reply, "all", {}),
  );
  r.get(
    "/api/public/plans/:id",
    {
      config: publicRoute,
      schema: {
        tags,
        summary: "Trang công khai: một kế hoạch đã công khai",
        params: idParam,
        response: { 200: PublicProgress },
      },
    },
    (req, reply) => answer(req, reply, `plan:${req.params.id}`, { documentId: req.params.id }),
  );
  r.get(
    "/api/public/units/:id",
    {
      config: publicRoute,
      schema: {
        tags,
        summary: "Trang công khai: một xã, phường hoặc cơ quan cấp tỉnh (không có đơn vị dưới cấp xã)",
        params: idParam,
        response: { 200: PublicProgress },
      },
    },
    (req, reply) => answer(req, reply, `unit:${req.params.id}`, { unitId: req.params.id }),
  );

  r.get(
    "/api/publication",
    {
      schema: {
        tags,
        summary: "Quản trị: kế hoạch, chỉ tiêu nào được công khai",
        response: { 200: PublicationChoices },
      },
    },
    async (req) => {
      await authorized(req, publicationPolicy, "list");
      return listPublication(app.deps.db, todayIso(app.deps.now()));
    },
  );
  r.put(
    "/api/publication/documents/:id",
    {
      schema: {
        tags,
        summary: "Quản trị: công khai hoặc thôi công khai một kế hoạch",
        params: idParam,
        body: PublicationInput,
        response: { 200: PublicationChange },
      },
    },
    async (req) => {
      const { user } = await authorized(req, publicationPolicy, "edit");
      const result = await setDocumentPublication(app.deps.db, actorOf(user), req.params.id, req.body);
      cache.clear();
      return result;
    },
  );
  r.put(
    "/api/publication/targets/:id",
    {
      schema: {
        tags,
        summary: "Quản trị: công khai hoặc thôi công khai một chỉ tiêu (từ cấp xã trở lên)",
        params: idParam,
        body: PublicationInput,
        response: { 200: PublicationChange },
      },
    },
    async (req) => {
      const { user } = await authorized(req, publicationPolicy, "edit");
      const today = todayIso(app.deps.now());
      const result = await setTargetPublication(app.deps.db, actorOf(user), req.params.id, req.body, today);
      cache.clear();
      return result;
    },
  );
}
