import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

export default defineConfig({
  root: "src/web",
  plugins: [
    react(),
    // Installable, and the shell works without a connection: the service worker precaches every built
    // asset (hashed, so a new build replaces them) and answers page loads with index.html. It never
    // touches /api: the officer's own data is kept by the page (web/offline/kept.ts), so the API stays
    // fresh online and the throttled benchmark measures the real network for it.
    VitePWA({
      strategies: "generateSW",
      registerType: "autoUpdate",
      injectRegister: false,
      includeAssets: ["favicon.svg", "apple-touch-icon.png"],
      manifest: {
        name: "Lộ Trình — theo dõi thực hiện kế hoạch tỉnh Lai Châu",
        short_name: "Lộ Trình",
        description: "Theo dõi nhiệm vụ, chỉ tiêu và báo cáo thực hiện Nghị quyết 06-NQ/TU của tỉnh Lai Châu",
        lang: "vi",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#099268",
        background_color: "#ffffff",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // not needed to work offline, and most of the weight: the charts (echarts), the plan importer and
        // the administrators' pages. Cached when first opened online (runtimeCaching below).
        globIgnores: [
          "**/TrendChart-*.js",
          "**/ImportPage-*.js",
          "**/AuditPage-*.js",
          "**/CatalogPage-*.js",
          "**/UsersPage-*.js",
        ],
        runtimeCaching: [
          {
            // hashed file names: a cached copy is never stale
            urlPattern: ({ url }) => url.pathname.startsWith("/assets/"),
            handler: "CacheFirst",
            options: { cacheName: "lotrinh-assets", expiration: { maxEntries: 200 } },
          },
        ],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
