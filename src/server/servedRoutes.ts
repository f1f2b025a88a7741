import type { FastifyInstance } from "fastify";

export interface RouteEntry {
  method: string;
  /** Fastify's form: /api/tasks/:id */
  url: string;
  /** Left out of /api/openapi.json (schema.hide). */
  hidden: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route the app serves, as registered (for the authorization matrix test). */
    routeList: RouteEntry[];
  }
}

/** Records every route as it is registered; must run before the routes are. */
export function installRouteList(app: FastifyInstance): void {
  const list: RouteEntry[] = [];
  app.decorate("routeList", list);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = Boolean((route.schema as { hide?: boolean } | undefined)?.hide);
    for (const method of methods) if (method !== "HEAD") list.push({ method, url: route.url, hidden });
  });
}
