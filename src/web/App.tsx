import { Center, Loader } from "@mantine/core";
import { Navigate, Route, Routes } from "react-router";
import { AppLayout } from "./layout/AppLayout.tsx";
import { AccountPage } from "./pages/AccountPage.tsx";
import { AuditPage } from "./pages/admin/AuditPage.tsx";
import { CatalogPage } from "./pages/admin/CatalogPage.tsx";
import { UsersPage } from "./pages/admin/UsersPage.tsx";
import { DocumentPage } from "./pages/documents/DocumentPage.tsx";
import { DocumentsPage } from "./pages/documents/DocumentsPage.tsx";
import { ImportPage } from "./pages/documents/ImportPage.tsx";
import { TargetsPage } from "./pages/figures/TargetsPage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { NotBuiltPage } from "./pages/NotBuiltPage.tsx";
import { OverviewPage } from "./pages/OverviewPage.tsx";
import { MyWorkPage } from "./pages/tasks/MyWorkPage.tsx";
import { RegisterPage } from "./pages/tasks/RegisterPage.tsx";
import { TaskPage } from "./pages/tasks/TaskPage.tsx";
import { UnitsPage } from "./pages/UnitsPage.tsx";
import { useSession } from "./session.ts";

export function App() {
  const session = useSession();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  const user = session.data?.user ?? null;
  if (!user) return <LoginPage />;
  return (
    <Routes>
      <Route element={<AppLayout user={user} />}>
        <Route index element={<OverviewPage />} />
        <Route path="van-ban" element={<DocumentsPage />} />
        <Route path="van-ban/nhap" element={<ImportPage />} />
        <Route path="van-ban/:id" element={<DocumentPage />} />
        <Route path="viec-cua-toi" element={<MyWorkPage />} />
        <Route path="nhiem-vu" element={<RegisterPage />} />
        <Route path="nhiem-vu/:id" element={<TaskPage />} />
        <Route path="chi-tieu" element={<TargetsPage />} />
        <Route path="don-vi" element={<UnitsPage />} />
        <Route path="bao-cao" element={<NotBuiltPage section="reports" />} />
        <Route path="tai-khoan" element={<AccountPage />} />
        <Route path="quan-tri/tai-khoan" element={<UsersPage />} />
        <Route path="quan-tri/nhat-ky" element={<AuditPage />} />
        <Route path="quan-tri/chi-tieu" element={<CatalogPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
