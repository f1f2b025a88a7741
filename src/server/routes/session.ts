import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { capabilitiesOf } from "../../domain/policies/capabilities.ts";
import { policyActor } from "../../domain/policies/role.ts";
import { todayIso } from "../../domain/status.ts";
import { AppError } from "../../errors.ts";
import { Done, SessionAnswer } from "../../shared/session.ts";
import { loadScope } from "../../usecases/loadScope.ts";
import { LoginInput, login, sessionLimits } from "../../usecases/login.ts";
import { logout } from "../../usecases/logout.ts";
import { z } from "../../usecases/shared/zod.ts";
import { SESSION_COOKIE } from "../auth.ts";
import { actorOf, requireUser } from "../context.ts";
import { LoginThrottle } from "../loginThrottle.ts";
import { callerOf } from "../policies/authorize.ts";
import { isSecureRequest } from "../transport.ts";

const DEVICE_COOKIE = "lt_device";

function tooManyAttempts(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  const when = seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
  return new AppError("TOO_MANY_ATTEMPTS", `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${when}.`);
}

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new LoginThrottle();
  const tags = ["Phiên đăng nhập"];

  r.get(
    "/api/session",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Người dùng hiện tại và mã chống giả mạo (CSRF)",
        response: { 200: SessionAnswer },
      },
    },
    async (req) => ({
      user: req.auth?.user ?? null,
      csrfToken: req.auth?.csrfToken ?? null,
      can: req.auth ? capabilitiesOf((await callerOf(req)).actor) : null,
    }),
  );

  r.post(
    "/api/session",
    {
      config: { public: true },
      schema: { tags, summary: "Đăng nhập", body: LoginInput, response: { 200: SessionAnswer } },
    },
    async (req, reply) => {
      const now = app.deps.now().getTime();
      const attempt = { ip: req.ip, username: req.body.username, device: req.cookies[DEVICE_COOKIE] };
      const wait = throttle.waitMs(attempt, now);
      if (wait > 0) {
        reply.header("retry-after", String(Math.ceil(wait / 1000)));
        throw tooManyAttempts(wait);
      }
      try {
        const s = await login(app.deps.db, req.body, app.deps.now(), sessionLimits(app.deps.config));
        throttle.succeed(attempt);
        const cookie = { httpOnly: true, secure: isSecureRequest(app.deps.config, req) } as const;
        reply.setCookie(SESSION_COOKIE, s.token, {
          ...cookie,
          sameSite: "lax",
          path: "/",
          maxAge: app.deps.config.sessionMaxHours * 3600,
        });
        reply.setCookie(DEVICE_COOKIE, throttle.deviceTokenFor(req.body.username), {
          ...cookie,
          sameSite: "strict",
          path: "/api/session",
          maxAge: 180 * 24 * 3600,
        });
        const at = app.deps.now();
        const scope = await loadScope(app.deps.db, s.user, todayIso(at), at.getTime());
        return { user: s.user, csrfToken: s.csrfToken, can: capabilitiesOf(policyActor(s.user, scope)) };
      } catch (e) {
        throttle.fail(attempt, now);
        throw e;
      }
    },
  );

  r.delete(
    "/api/session",
    { schema: { tags, summary: "Đăng xuất", response: { 200: Done } } },
    async (req, reply) => {
      const user = requireUser(req);
      await logout(app.deps.db, actorOf(user), req.auth?.token as string);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true };
    },
  );

  r.get(
    "/api/meta",
    {
      config: { public: true },
      schema: {
        tags: ["Hệ thống"],
        summary: "Thông tin chung cho giao diện",
        response: {
          200: z.object({ demo: z.boolean(), now: z.string(), database: z.enum(["pglite", "postgres"]) }),
        },
      },
    },
    async () => ({
      demo: app.deps.config.demo,
      now: app.deps.now().toISOString(),
      database: app.deps.dbKind,
    }),
  );
}
