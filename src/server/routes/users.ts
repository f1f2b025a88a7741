import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listUsers } from "../../db/repositories/userRepository.ts";
import { flagsOf } from "../../domain/policies/actor.ts";
import { userPolicy } from "../../domain/policies/user.ts";
import { UserAnswer, UsersAnswer } from "../../shared/api/users.ts";
import { CreateUserInput, createUser } from "../../usecases/createUser.ts";
import { idParam } from "../../usecases/shared/zod.ts";
import { OwnAccountInput, updateOwnAccount } from "../../usecases/updateOwnAccount.ts";
import { UpdateUserInput, updateUser } from "../../usecases/updateUser.ts";
import { actorOf } from "../context.ts";
import { authorized, callerOf } from "../policies/authorize.ts";

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Tài khoản"];

  r.get(
    "/api/users",
    { schema: { tags, summary: "Danh sách tài khoản", response: { 200: UsersAnswer } } },
    async (req) => {
      const { actor } = await authorized(req, userPolicy, "list");
      const users = await listUsers(app.deps.db);
      const can = flagsOf(userPolicy, actor, undefined, ["edit"]);
      return {
        users: users.map((u) => ({ ...u, can })),
        can: flagsOf(userPolicy, actor, undefined, ["create"]),
      };
    },
  );

  r.post(
    "/api/users",
    { schema: { tags, summary: "Tạo tài khoản", body: CreateUserInput, response: { 201: UserAnswer } } },
    async (req, reply) => {
      const { user } = await authorized(req, userPolicy, "create");
      const created = await createUser(app.deps.db, actorOf(user), req.body);
      return reply.status(201).send({ user: created });
    },
  );

  r.patch(
    "/api/users/:id",
    {
      schema: {
        tags,
        summary: "Sửa tài khoản (cần số phiên bản hiện tại)",
        params: idParam,
        body: UpdateUserInput,
        response: { 200: UserAnswer },
      },
    },
    async (req) => {
      const { user } = await authorized(req, userPolicy, "edit");
      return { user: await updateUser(app.deps.db, actorOf(user), req.params.id, req.body) };
    },
  );

  r.patch(
    "/api/account",
    {
      // every signed-in person sets their own e-mail, the read-only leader included
      config: { readOnlyMayCall: true },
      schema: {
        tags,
        summary: "Tài khoản của tôi: địa chỉ e-mail nhận thư tổng hợp (cần số phiên bản hiện tại)",
        body: OwnAccountInput,
        response: { 200: UserAnswer },
      },
    },
    async (req) => {
      const { user } = await callerOf(req);
      return { user: await updateOwnAccount(app.deps.db, actorOf(user), user.id, req.body) };
    },
  );
}
