import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../api.ts";
import { useI18n } from "../i18n.tsx";
import { useSession } from "../session.ts";
import { editOwnAccount } from "../users.ts";

/** "Tài khoản của tôi": the e-mail address the daily digest of one's tasks goes to. */
export function AccountPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const session = useSession();
  const user = session.data?.user;
  const [email, setEmail] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!user) return <Text>{t("loading")}</Text>;
  const value = email ?? user.email ?? "";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await editOwnAccount({ version: user.version, email: value.trim() });
      await qc.invalidateQueries({ queryKey: ["session"] });
      setEmail(null);
      setMessage({ ok: true, text: t("account.saved") });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    }
  };

  return (
    <Stack maw={520}>
      <Title order={2}>{t("account.title")}</Title>
      <Card withBorder>
        <form onSubmit={submit}>
          <Stack>
            <Text fw={600}>{user.display_name}</Text>
            <TextInput
              type="email"
              label={t("account.email")}
              description={t("account.emailHelp")}
              value={value}
              onChange={(ev) => setEmail(ev.currentTarget.value)}
              data-testid="account-email"
            />
            {message && (
              <Alert color={message.ok ? "teal" : "red"} data-testid="account-message">
                {message.text}
              </Alert>
            )}
            <Group>
              <Button type="submit">{t("save")}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
