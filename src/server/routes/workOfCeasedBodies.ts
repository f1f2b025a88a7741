import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { taskPolicy } from "../../domain/policies/task.ts";
import { todayIso } from "../../domain/status.ts";
import { MoveWorkAnswer, OpenWorkAnswer } from "../../shared/api/orgUnits.ts";
import { getCeasedBodyWork } from "../../usecases/getCeasedBodyWork.ts";
import { MoveWorkInput, moveCeasedBodyWork } from "../../usecases/moveCeasedBodyWork.ts";
import { idParam } from "../../usecases/shared/zod.ts";
import { actorOf } from "../context.ts";
import { authorize, callerOf } from "../policies/authorize.ts";

/** Bodies over time: a ceased body's open work, and moving it to a successor in one audited step. */
export async function ceasedBodyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Đơn vị"];
  const today = () => todayIso(app.deps.now());

  r.get(
    "/api/org-units/:id/open-work",
    {
      schema: {
        tags,
        summary:
          "Việc còn mở của một đơn vị, đơn vị đã giải thể hay chưa và các đơn vị kế thừa (điều phối viên)",
        params: idParam,
        response: { 200: OpenWorkAnswer },
      },
    },
    async (req) => {
      // moving a ceased body's work is coordinating every task it holds
      const { actor } = await callerOf(req);
      authorize(taskPolicy, actor, "coordinate", { bodies: [] });
      return getCeasedBodyWork(app.deps.db, req.params.id, today());
    },
  );

  r.post(
    "/api/org-units/:id/move-work",
    {
      schema: {
        tags,
        summary: "Chuyển việc còn mở của đơn vị đã giải thể sang đơn vị kế thừa (điều phối viên)",
        params: idParam,
        body: MoveWorkInput,
        response: { 200: MoveWorkAnswer },
      },
    },
    async (req) => {
      const { user, actor } = await callerOf(req);
      authorize(taskPolicy, actor, "coordinate", { bodies: [] });
      return moveCeasedBodyWork(app.deps.db, actorOf(user), req.params.id, req.body, today());
    },
  );
}
