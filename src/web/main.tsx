import "./styles/shell.ts";
import "./phone.css";
import { createTheme, MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App.tsx";
import { shareKeepingTime } from "./dataTime.ts";
import { I18nProvider } from "./i18n.tsx";
import { registerServiceWorker } from "./offline/registerServiceWorker.ts";
import { installTableLabels } from "./tableLabels.ts";

const theme = createTheme({ primaryColor: "teal", defaultRadius: "md" });
// "always": with no link the queries still run, so those that keep a copy on the device (offline/kept.ts)
// can answer from it instead of waiting for the network; the shared data keeps its answer's time (dataTime.ts)
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, staleTime: 30_000, networkMode: "always", structuralSharing: shareKeepingTime },
    mutations: { networkMode: "always" },
  },
});

installTableLabels();

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

registerServiceWorker();
