/**
 * An administrator's scheduled DHIS2 exchange, created or changed: which instance (its metadata and
 * mappings must be loaded), pull or push, the DHIS2 address and credentials (Basic or a personal
 * access token), what to exchange, the period rule and the interval. The secret is stored sealed
 * (shared/secretBox.ts) for the runner and never sent back nor written to the audit; a change may leave it out to keep the one
 * stored. Audited in the same transaction; a change is versioned (409 on a stale version).
 */
import type { Kysely } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import type { Database } from "../../db/schema.ts";
import { expectOneRow } from "../../db/versioned.ts";
import { PERIOD_RULES } from "../../domain/dhis2Schedule.ts";
import type { Actor } from "../../domain/roles.ts";
import { errors } from "../../errors.ts";
import { sealSecret } from "../shared/secretBox.ts";
import { z } from "../shared/zod.ts";

const uid = z.string().regex(/^[A-Za-z][A-Za-z0-9]{10}$/, "Mã DHIS2 (UID) gồm 11 ký tự chữ và số");

export const Dhis2JobInput = z.object({
  name: z.string().trim().min(1).max(100),
  instanceId: z.number().int().positive(),
  direction: z.enum(["pull", "push"]),
  url: z.url({ protocol: /^https?$/ }).max(500),
  authKind: z.enum(["basic", "token"]),
  username: z.string().trim().min(1).max(200).nullable().optional(),
  /** Password or personal access token; left out on a change to keep the stored one. */
  secret: z.string().min(1).max(500).optional(),
  dataSet: uid.nullable().optional(),
  dataElements: z.array(uid).max(500).optional(),
  orgUnitRoot: uid.nullable().optional(),
  periodRule: z.enum(PERIOD_RULES),
  everyMinutes: z
    .number()
    .int()
    .min(5, "Chạy cách nhau ít nhất 5 phút")
    .max(525_600, "Chạy ít nhất mỗi năm một lần"),
  enabled: z.boolean().optional(),
  /** Required on a change: the version read. */
  version: z.number().int().positive().optional(),
});
export type Dhis2JobInput = z.infer<typeof Dhis2JobInput>;

/** What the audit keeps of a job: everything but the secret. */
const described = (j: Dhis2JobInput) => ({
  name: j.name,
  instanceId: j.instanceId,
  direction: j.direction,
  url: j.url,
  authKind: j.authKind,
  username: j.username ?? null,
  dataSet: j.dataSet ?? null,
  dataElements: j.dataElements ?? [],
  orgUnitRoot: j.orgUnitRoot ?? null,
  periodRule: j.periodRule,
  everyMinutes: j.everyMinutes,
  enabled: j.enabled ?? true,
});

function checked(input: Dhis2JobInput) {
  if (input.authKind === "basic" && !input.username)
    throw errors.validation("Đăng nhập kiểu Basic cần tên đăng nhập DHIS2.");
  return {
    instance_id: input.instanceId,
    name: input.name,
    direction: input.direction,
    url: input.url,
    auth_kind: input.authKind,
    username: input.authKind === "basic" ? (input.username ?? null) : null,
    data_set: input.dataSet ?? null,
    data_elements: input.dataElements ?? [],
    org_unit_root: input.orgUnitRoot ?? null,
    period_rule: input.periodRule,
    every_minutes: input.everyMinutes,
    enabled: input.enabled ?? true,
  };
}

async function assertFree(db: Kysely<Database>, input: Dhis2JobInput, id: number | null) {
  const instance = await db
    .selectFrom("dhis2_instance")
    .select("id")
    .where("id", "=", input.instanceId)
    .executeTakeFirst();
  if (!instance) throw errors.validation("Hệ thống DHIS2 này chưa có: nạp siêu dữ liệu của nó trước.");
  const same = await db
    .selectFrom("dhis2_job")
    .select("id")
    .where("name", "=", input.name)
    .executeTakeFirst();
  if (same && same.id !== id) throw errors.duplicate(`Đã có lịch trao đổi DHIS2 tên «${input.name}».`);
}

export async function createDhis2Job(
  db: Kysely<Database>,
  actor: Actor,
  input: Dhis2JobInput,
  now: Date,
  key: Buffer,
) {
  if (!input.secret)
    throw errors.validation("Cần mật khẩu hoặc mã truy cập (personal access token) của DHIS2.");
  const secret = sealSecret(input.secret, key);
  return db.transaction().execute(async (trx) => {
    await assertFree(trx, input, null);
    const row = await trx
      .insertInto("dhis2_job")
      .values({ ...checked(input), secret, next_run_at: now })
      .returning(["id", "version"])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "dhis2.job.create",
      entity: "dhis2_job",
      entityId: row.id,
      after: described(input),
    });
    return row;
  });
}

export async function updateDhis2Job(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: Dhis2JobInput,
  key: Buffer,
) {
  if (!input.version) throw errors.validation("Cần phiên bản (version) của lịch đang sửa.");
  const version = input.version;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("dhis2_job").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) throw errors.notFound("lịch trao đổi DHIS2");
    await assertFree(trx, input, id);
    const result = await trx
      .updateTable("dhis2_job")
      .set((eb) => ({
        ...checked(input),
        ...(input.secret ? { secret: sealSecret(input.secret, key) } : {}),
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    expectOneRow(result, "lịch trao đổi DHIS2");
    const { secret: _secret, lease_owner: _o, lease_until: _u, ...kept } = before;
    await recordAudit(trx, actor, {
      action: "dhis2.job.update",
      entity: "dhis2_job",
      entityId: id,
      before: kept,
      after: { ...described(input), secretChanged: Boolean(input.secret) },
    });
    return { id, version: version + 1 };
  });
}
