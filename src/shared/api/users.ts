import { z } from "zod";
import { flags, timestamp, type Wire } from "./wire.ts";

/** Accounts (GET/POST /api/users, PATCH /api/users/{id}, PATCH /api/account): never the password hash. */
export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  // a role the code does not know may be stored (it is refused everything); it must still answer
  role: z.string(),
  org_unit_id: z.number().int().nullable(),
  email: z.string().nullable(),
  is_demo: z.boolean(),
  active: z.boolean(),
  created_at: timestamp,
  version: z.number().int(),
});

/** A row of the accounts list: the account, its unit's name, and what the caller may do with it. */
export const UserListRow = User.extend({ unit_name: z.string().nullable(), can: flags("edit") });

export const UsersAnswer = z.object({ users: z.array(UserListRow), can: flags("create") });
export type UsersAnswer = Wire<z.infer<typeof UsersAnswer>>;
export type UserListRow = Wire<z.infer<typeof UserListRow>>;

/** The account as it is after a change (create, edit, one's own e-mail). */
export const UserAnswer = z.object({ user: User });
export type UserAnswer = Wire<z.infer<typeof UserAnswer>>;

/** The accounts of one unit (GET /api/org-units/{id}/members). */
export const MembersAnswer = z.object({
  members: z.array(User.extend({ unit_name: z.string().nullable() })),
});
export type MembersAnswer = Wire<z.infer<typeof MembersAnswer>>;
