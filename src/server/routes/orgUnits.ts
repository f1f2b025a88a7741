import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { findUnitById, loadMap } from "../../db/repositories/orgUnitRepository.ts";
import { listEveryUnit } from "../../db/repositories/unitListQueries.ts";
import { listUsers } from "../../db/repositories/userRepository.ts";
import { orgUnitPolicy } from "../../domain/policies/orgUnit.ts";
import { todayIso } from "../../domain/status.ts";
import { errors } from "../../errors.ts";
import {
  EveryUnitAnswer,
  OrgUnitsAnswer,
  UnitDetailAnswer,
  UnitSearchAnswer,
} from "../../shared/api/orgUnits.ts";
import { MembersAnswer } from "../../shared/api/users.ts";
import { searchOrgUnits } from "../../usecases/searchOrgUnits.ts";
import { idParam, isoDate, z } from "../../usecases/shared/zod.ts";
import { authorize, callerOf } from "../policies/authorize.ts";

const AsOfQuery = z.object({ asOf: isoDate.optional() });
const SearchQuery = z.object({
  q: z.string().trim().min(1, "Hãy nhập tên cần tìm").max(100),
  asOf: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function orgUnitRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Đơn vị"];
  const readMap = async (req: FastifyRequest) =>
    authorize(orgUnitPolicy, (await callerOf(req)).actor, "read", undefined);

  r.get(
    "/api/org-units",
    {
      schema: {
        tags,
        summary: "Bản đồ hành chính và các cơ quan tại một ngày (mặc định: hôm nay)",
        querystring: AsOfQuery,
        response: { 200: OrgUnitsAnswer },
      },
    },
    async (req) => {
      await readMap(req);
      const asOf = req.query.asOf ?? todayIso(app.deps.now());
      const map = await loadMap(app.deps.db, asOf);
      return { asOf, units: map.units };
    },
  );

  r.get(
    "/api/org-units/all",
    {
      schema: {
        tags,
        summary: "Mọi đơn vị và cơ quan, kể cả đã giải thể (để chọn khi rà soát văn bản cũ)",
        response: { 200: EveryUnitAnswer },
      },
    },
    async (req) => {
      await readMap(req);
      return { units: await listEveryUnit(app.deps.db) };
    },
  );

  r.get(
    "/api/org-units/search",
    {
      schema: {
        tags,
        summary: "Tìm đơn vị theo tên (không phân biệt hoa thường, vị trí dấu, có dấu hay không)",
        querystring: SearchQuery,
        response: { 200: UnitSearchAnswer },
      },
    },
    async (req) => {
      await readMap(req);
      const asOf = req.query.asOf ?? todayIso(app.deps.now());
      return { asOf, hits: await searchOrgUnits(app.deps.db, req.query.q, asOf, req.query.limit) };
    },
  );

  r.get(
    "/api/org-units/:id",
    {
      schema: {
        tags,
        summary: "Một đơn vị: tên gọi khác, lịch sử cấp trên, sáp nhập",
        params: idParam,
        response: { 200: UnitDetailAnswer },
      },
    },
    async (req) => {
      await readMap(req);
      const found = await findUnitById(app.deps.db, req.params.id);
      if (!found) throw errors.notFound("đơn vị");
      const asOf = found.unit.valid_to ? prevDay(found.unit.valid_to) : todayIso(app.deps.now());
      const map = await loadMap(app.deps.db, asOf);
      const view = map.byId.get(found.unit.id);
      const children = map.units.filter((u) => u.parentId === found.unit.id);
      return { unit: view, aliases: found.aliases, parents: found.parents, children, shownAsOf: asOf };
    },
  );

  r.get(
    "/api/org-units/:id/members",
    {
      schema: {
        tags,
        summary: "Tài khoản thuộc đơn vị (dữ liệu quản trị, theo phạm vi)",
        params: idParam,
        response: { 200: MembersAnswer },
      },
    },
    async (req) => {
      const { actor } = await callerOf(req);
      authorize(orgUnitPolicy, actor, "readMembers", { unitId: req.params.id });
      const rows = await listUsers(app.deps.db, [req.params.id]);
      return { members: rows };
    },
  );
}

function prevDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
