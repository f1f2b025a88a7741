/**
 * The officers of `npm run bench:load`: besides the demo's one (Xã Bình Lư), the demo administrator
 * creates an officer account for other current communes (BENCH_OFFICER_UNITS in all, default 8) through
 * the API, as an administrator would, and keeps those whose unit has open work to report on. Officer
 * sessions are then spread over these accounts: on a reporting deadline many communes work at once,
 * each with its own "Việc của tôi", register and form — not one commune's answers read from the cache.
 */
import { randomBytes } from "node:crypto";

export interface Account {
  username: string;
  password: string;
}

interface SignedIn {
  cookie: string;
  csrf: string;
}

async function call<T>(
  base: string,
  who: SignedIn,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: {
      cookie: who.cookie,
      ...(body === undefined ? {} : { "content-type": "application/json", "x-csrf-token": who.csrf }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Up to `count` officer accounts (the demo officer first), each of a different commune with open work.
 * `signIn` signs an account in; `admin` is the demo administrator's session.
 */
export async function officerAccounts(
  base: string,
  admin: SignedIn,
  demoOfficer: Account,
  count: number,
  signIn: (a: Account) => Promise<SignedIn & { unitId: number | null }>,
): Promise<Account[]> {
  const out: Account[] = [demoOfficer];
  const first = await signIn(demoOfficer);
  const { units } = await call<{ units: { id: number; kind: string; fullName: string }[] }>(
    base,
    admin,
    "GET",
    "/api/org-units",
  );
  const communes = units.filter((u) => (u.kind === "commune" || u.kind === "ward") && u.id !== first.unitId);
  const stamp = randomBytes(3).toString("hex");
  for (const unit of communes) {
    if (out.length >= count) break;
    const account = {
      username: `bench.${stamp}.${unit.id}`,
      password: randomBytes(18).toString("base64url"),
    };
    await call(base, admin, "POST", "/api/users", {
      username: account.username,
      displayName: `Cán bộ đo tải — ${unit.fullName}`,
      password: account.password,
      role: "officer",
      orgUnitId: unit.id,
    });
    const session = await signIn(account);
    const work = await call<{ rows: { state: string }[] }>(base, session, "GET", "/api/my-work");
    if (work.rows.some((r) => r.state === "not_started" || r.state === "in_progress")) out.push(account);
  }
  return out;
}
