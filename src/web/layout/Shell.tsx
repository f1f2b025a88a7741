import { DatesProvider } from "@mantine/dates";
import "dayjs/locale/vi";
import { AppLayout } from "./AppLayout.tsx";

/**
 * The signed-in frame, loaded after the login page: the layout with its menus and the date pickers'
 * settings (dayjs and its Vietnamese locale stay out of the first load).
 */
export function Shell(props: Parameters<typeof AppLayout>[0]) {
  return (
    <DatesProvider settings={{ locale: "vi", firstDayOfWeek: 1 }}>
      <AppLayout {...props} />
    </DatesProvider>
  );
}
