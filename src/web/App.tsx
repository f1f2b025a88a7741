import { Center, Loader } from "@mantine/core";
import { type ComponentType, lazy, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { LoginPage } from "./pages/LoginPage.tsx";
import { useSession } from "./session.ts";

/**
 * Each page is its own chunk, loaded when first opened: the login page and a role's landing page do
 * not carry the charts, the import review or the admin screens; the signed-in frame (menus, date
 * settings) is a chunk of its own, so the login page loads only what it shows.
 */
// biome-ignore lint/suspicious/noExplicitAny: pages take their own props; the route passes them through
function lazyPage<K extends string, P = any>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  const Page = lazy(async () => {
    // the component CSS beyond the frame's comes with the first page (styles/shell.ts has the rest)
    const [module] = await Promise.all([load(), import("./styles/pages.ts")]);
    return { default: module[name] as ComponentType<P> };
  });
  return function LazyPage(props: P & object) {
    return (
      <Suspense
        fallback={
          <Center py="xl">
            <Loader />
          </Center>
        }
      >
        <Page {...props} />
      </Suspense>
    );
  };
}

const Shell = lazyPage(() => import("./layout/Shell.tsx"), "Shell");
const AuditPage = lazyPage(() => import("./pages/admin/AuditPage.tsx"), "AuditPage");
const CatalogPage = lazyPage(() => import("./pages/admin/CatalogPage.tsx"), "CatalogPage");
const Dhis2Page = lazyPage(() => import("./pages/admin/Dhis2Page.tsx"), "Dhis2Page");
const UsersPage = lazyPage(() => import("./pages/admin/UsersPage.tsx"), "UsersPage");
const DocumentPage = lazyPage(() => import("./pages/documents/DocumentPage.tsx"), "DocumentPage");
const DocumentsPage = lazyPage(() => import("./pages/documents/DocumentsPage.tsx"), "DocumentsPage");
const ImportPage = lazyPage(() => import("./pages/documents/ImportPage.tsx"), "ImportPage");
const TargetsPage = lazyPage(() => import("./pages/figures/TargetsPage.tsx"), "TargetsPage");
const OverviewPage = lazyPage(() => import("./pages/OverviewPage.tsx"), "OverviewPage");
const MyWorkPage = lazyPage(() => import("./pages/tasks/MyWorkPage.tsx"), "MyWorkPage");
const AccountPage = lazyPage(() => import("./pages/AccountPage.tsx"), "AccountPage");
const ReportsPage = lazyPage(() => import("./pages/reports/ReportsPage.tsx"), "ReportsPage");
const RegisterPage = lazyPage(() => import("./pages/tasks/RegisterPage.tsx"), "RegisterPage");
const TaskPage = lazyPage(() => import("./pages/tasks/TaskPage.tsx"), "TaskPage");
const UnitsPage = lazyPage(() => import("./pages/UnitsPage.tsx"), "UnitsPage");
const PublicPage = lazyPage(() => import("./pages/PublicPage.tsx"), "PublicPage");
const PublicationPage = lazyPage(() => import("./pages/admin/PublicationPage.tsx"), "PublicationPage");

// what waits to be sent and whether the link is there; loaded after the page, never blocking it
const OutboxBar = lazy(async () => ({ default: (await import("./offline/OutboxBar.tsx")).OutboxBar }));

export function App() {
  const session = useSession();
  const location = useLocation();
  // the public page needs no session: anyone, signed in or not, sees the same thing
  if (location.pathname === "/cong-khai") return <PublicPage />;
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  const user = session.data?.user ?? null;
  const outbox = (
    <Suspense fallback={null}>
      <OutboxBar userId={user?.id ?? null} />
    </Suspense>
  );
  if (!user)
    return (
      <>
        <LoginPage />
        {outbox}
      </>
    );
  return (
    <>
      <Routes>
        <Route element={<Shell user={user} can={session.data?.can ?? null} />}>
          {/* officers land on what they must do; leaders and coordinators on the overview */}
          <Route
            index
            element={
              session.data?.can?.landing === "myWork" ? (
                <Navigate to="/viec-cua-toi" replace />
              ) : (
                <OverviewPage />
              )
            }
          />
          <Route path="van-ban" element={<DocumentsPage />} />
          <Route path="van-ban/nhap" element={<ImportPage />} />
          <Route path="van-ban/:id" element={<DocumentPage />} />
          <Route path="viec-cua-toi" element={<MyWorkPage />} />
          <Route path="nhiem-vu" element={<RegisterPage />} />
          <Route path="nhiem-vu/:id" element={<TaskPage />} />
          <Route path="chi-tieu" element={<TargetsPage />} />
          <Route path="don-vi" element={<UnitsPage />} />
          <Route path="bao-cao" element={<ReportsPage />} />
          <Route path="tai-khoan" element={<AccountPage />} />
          <Route path="quan-tri/tai-khoan" element={<UsersPage />} />
          <Route path="quan-tri/nhat-ky" element={<AuditPage />} />
          <Route path="quan-tri/chi-tieu" element={<CatalogPage />} />
          <Route path="quan-tri/dhis2" element={<Dhis2Page />} />
          <Route path="quan-tri/cong-khai" element={<PublicationPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
      {outbox}
    </>
  );
}
