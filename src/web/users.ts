import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UserAnswer, UserListRow, UsersAnswer } from "../shared/api/users.ts";
import { api, get } from "./api.ts";

/** Accounts: one module, its query keys, types from the server's schemas (src/shared/api/users.ts). */
export const userKeys = { all: ["users"] as const };

export type { UserListRow };

export function useUsers() {
  return useQuery({ queryKey: userKeys.all, queryFn: () => get<UsersAnswer>("/api/users") });
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: string;
  orgUnitId: number | null;
  email: string;
}

export const createUser = (user: NewUser) => api<UserAnswer>("POST", "/api/users", user);

export const editUser = (id: number, change: { version: number; active?: boolean; email?: string }) =>
  api<UserAnswer>("PATCH", `/api/users/${id}`, change);

/** Locks or unlocks an account; the list is read again. */
export function useToggleUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (u: UserListRow) => editUser(u.id, { version: u.version, active: !u.active }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** One's own e-mail address (PATCH /api/account). */
export const editOwnAccount = (change: { version: number; email: string }) =>
  api<UserAnswer>("PATCH", "/api/account", change);
