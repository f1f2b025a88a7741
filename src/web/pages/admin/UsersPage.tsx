import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api.ts";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { useOrgUnits } from "../../units.ts";
import { createUser, editUser, type UserListRow, userKeys, useToggleUser, useUsers } from "../../users.ts";

type UserRow = UserListRow;

const roles = ["admin", "coordinator", "officer", "leader"] as const;
const isRole = (r: string): r is (typeof roles)[number] => (roles as readonly string[]).includes(r);

export function UsersPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const users = useUsers();
  const [error, setError] = useState<string | null>(null);
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<UserRow | null>(null);

  const toggle = useToggleUser();
  const onToggle = (u: UserRow) =>
    toggle.mutate(u, {
      onSuccess: () => setError(null),
      onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("users.title")}</Title>
        {users.data?.can.create && <Button onClick={open}>{t("users.create")}</Button>}
      </Group>
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="users-error">
          {error}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("users.username")}</Table.Th>
              <Table.Th>{t("users.displayName")}</Table.Th>
              <Table.Th>{t("users.role")}</Table.Th>
              <Table.Th>{t("users.unit")}</Table.Th>
              <Table.Th>{t("account.email")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {u.username}{" "}
                  {u.is_demo && (
                    <Badge size="xs" color="orange">
                      {t("users.demo")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {u.display_name}
                  <Text size="xs" c="dimmed">
                    {formatDate(u.created_at)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {/* a role the code does not know is stored as it is: shown as it is */}
                  {isRole(u.role) ? t(`role.${u.role}`) : u.role}
                </Table.Td>
                <Table.Td>{u.unit_name ?? "—"}</Table.Td>
                <Table.Td>
                  {u.can.edit ? (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(u)}>
                      {u.email ?? "—"}
                    </Button>
                  ) : (
                    (u.email ?? "—")
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Badge color={u.active ? "teal" : "gray"} variant="light">
                      {u.active ? t("users.active") : t("users.locked")}
                    </Badge>
                    {u.can.edit && (
                      <Button size="compact-xs" variant="subtle" onClick={() => onToggle(u)}>
                        {u.active ? t("users.lock") : t("users.unlock")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t("account.email")}>
        {editing && (
          <EmailForm
            user={editing}
            onDone={() => {
              setEditing(null);
              void qc.invalidateQueries({ queryKey: userKeys.all });
            }}
          />
        )}
      </Modal>
      <Modal opened={opened} onClose={close} title={t("users.create")}>
        <CreateUserForm
          onDone={() => {
            close();
            void qc.invalidateQueries({ queryKey: userKeys.all });
          }}
        />
      </Modal>
    </Stack>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const units = useOrgUnits(null);
  const [form, setForm] = useState({
    username: "",
    displayName: "",
    password: "",
    role: "officer",
    orgUnitId: "",
    email: "",
  });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string | null) => setForm((f) => ({ ...f, [k]: v ?? "" }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await createUser({ ...form, orgUnitId: form.orgUnitId ? Number(form.orgUnitId) : null });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label={t("users.username")}
          value={form.username}
          onChange={(e) => set("username")(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t("users.displayName")}
          value={form.displayName}
          onChange={(e) => set("displayName")(e.currentTarget.value)}
          required
        />
        <Select
          label={t("users.role")}
          value={form.role}
          onChange={set("role")}
          data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          allowDeselect={false}
        />
        <Select
          label={t("users.unit")}
          value={form.orgUnitId || null}
          onChange={set("orgUnitId")}
          searchable
          clearable
          data={(units.data?.units ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
        />
        <TextInput
          type="email"
          label={t("account.email")}
          value={form.email}
          onChange={(e) => set("email")(e.currentTarget.value)}
        />
        <PasswordInput
          label={t("users.password")}
          value={form.password}
          onChange={(e) => set("password")(e.currentTarget.value)}
          required
        />
        <Button type="submit">{t("save")}</Button>
      </Stack>
    </form>
  );
}

/** An administrator sets the e-mail address a user's daily digest goes to. */
function EmailForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState(user.email ?? "");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await editUser(user.id, { version: user.version, email: email.trim() });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          type="email"
          label={`${t("account.email")} — ${user.display_name}`}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          data-autofocus
        />
        <Button type="submit">{t("save")}</Button>
      </Stack>
    </form>
  );
}
