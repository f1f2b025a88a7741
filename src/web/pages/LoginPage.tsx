import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../api.ts";
import { useI18n } from "../i18n.tsx";
import { useAuthActions, useMeta } from "../session.ts";

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { login } = useAuthActions();
  const meta = useMeta();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2} c="teal.8">
                {t("appName")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("appTagline")}
              </Text>
            </div>
            <Title order={4}>{t("login.title")}</Title>
            {error && (
              <Alert color="red" data-testid="login-error">
                {error}
              </Alert>
            )}
            <TextInput
              label={t("login.username")}
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
            />
            <PasswordInput
              label={t("login.password")}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            <Button type="submit" loading={busy}>
              {t("login.submit")}
            </Button>
            {meta.data?.demo && (
              <Text size="xs" c="orange.8">
                {t("login.demoHint")}
              </Text>
            )}
            <Button variant="subtle" size="xs" onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
              {t("language")}
            </Button>
            <Anchor component={Link} to="/cong-khai" size="sm" ta="center" data-testid="public-link">
              {t("login.publicLink")}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
