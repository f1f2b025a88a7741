import {
  Alert,
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, NavLink as RouterLink, useLocation } from "react-router";
import { useI18n } from "../i18n.tsx";
import { type Capabilities, type SessionUser, useAuthActions, useMeta } from "../session.ts";
import { NotificationBell } from "./NotificationBell.tsx";

export function AppLayout({ user, can }: { user: SessionUser; can: Capabilities | null }) {
  const { t, lang, setLang } = useI18n();
  const [opened, { toggle, close }] = useDisclosure();
  const { logout } = useAuthActions();
  const meta = useMeta();
  const location = useLocation();

  const items: { to: string; label: string }[] = [
    { to: "/", label: t("nav.overview") },
    { to: "/viec-cua-toi", label: t("nav.myWork") },
    { to: "/van-ban", label: t("nav.documents") },
    { to: "/nhiem-vu", label: t("nav.tasks") },
    { to: "/chi-tieu", label: t("nav.targets") },
    { to: "/don-vi", label: t("nav.units") },
    { to: "/bao-cao", label: t("nav.reports") },
  ];
  // the administration menu shows what the server's policies allow (session `can` flags)
  const adminItems = [
    can?.manageUsers && { to: "/quan-tri/tai-khoan", label: t("nav.users") },
    can?.editCatalog && { to: "/quan-tri/chi-tieu", label: t("nav.catalog") },
    can?.editCatalog && { to: "/quan-tri/dhis2", label: t("nav.dhis2") },
    can?.browseAudit && { to: "/quan-tri/nhat-ky", label: t("nav.audit") },
    can?.managePublication && { to: "/quan-tri/cong-khai", label: t("nav.publication") },
  ].filter((i): i is { to: string; label: string } => Boolean(i));
  const isActive = (to: string) =>
    to === "/" ? location.pathname === "/" : location.pathname.startsWith(to);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={3} c="teal.8">
              {t("appName")}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t("appTagline")}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Anchor component={Link} to="/tai-khoan" size="sm" visibleFrom="sm" data-testid="current-user">
              {user.display_name}
            </Anchor>
            {user.is_demo && (
              <Badge color="orange" variant="light" visibleFrom="sm">
                {t("sample")}
              </Badge>
            )}
            <NotificationBell />
            {/* on a phone these two live at the foot of the menu, so the header never overflows at 360 px */}
            <Button
              variant="subtle"
              size="xs"
              visibleFrom="sm"
              onClick={() => setLang(lang === "vi" ? "en" : "vi")}
            >
              {t("language")}
            </Button>
            <Button variant="light" size="xs" visibleFrom="sm" onClick={() => void logout()}>
              {t("logout")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {items.map((i) => (
          <NavLink
            key={i.to}
            component={RouterLink}
            to={i.to}
            label={i.label}
            active={isActive(i.to)}
            onClick={close}
          />
        ))}
        {adminItems.length > 0 && (
          <NavLink label={t("nav.admin")} defaultOpened childrenOffset={16}>
            {adminItems.map((i) => (
              <NavLink
                key={i.to}
                component={RouterLink}
                to={i.to}
                label={i.label}
                active={isActive(i.to)}
                onClick={close}
              />
            ))}
          </NavLink>
        )}
        <Stack gap="xs" mt="md" hiddenFrom="sm" data-testid="mobile-account">
          <Text size="sm" c="dimmed">
            {user.display_name}
          </Text>
          <Group gap="xs">
            <Button variant="subtle" size="xs" onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
              {t("language")}
            </Button>
            <Button variant="light" size="xs" onClick={() => void logout()}>
              {t("logout")}
            </Button>
          </Group>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {meta.data?.demo && (
          <Alert color="orange" variant="light" mb="md" data-testid="demo-banner">
            {t("demoBanner")}
          </Alert>
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
