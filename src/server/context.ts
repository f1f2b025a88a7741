import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { PublicUser } from "../db/repositories/userRepository.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";

export interface AuthState {
  user: PublicUser;
  csrfToken: string;
  token: string;
}

export interface AppDeps {
  db: Kysely<Database>;
  dbKind: "pglite" | "postgres";
  config: Config;
  /** The current time; fixed by LOTRINH_NOW in demos and tests. */
  now: () => Date;
}

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthState | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyContextConfig {
    /** Reachable without a session. */
    public?: boolean;
  }
}

export function requireUser(req: FastifyRequest): PublicUser {
  if (!req.auth) throw errors.notAuthenticated();
  return req.auth.user;
}

export function actorOf(user: PublicUser): Actor {
  return { id: user.id, name: user.display_name, role: user.role, orgUnitId: user.org_unit_id };
}
