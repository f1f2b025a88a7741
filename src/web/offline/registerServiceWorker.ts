/**
 * Registers the service worker vite-plugin-pwa builds (dist/web/sw.js: the precached shell, page loads
 * answered with index.html), once the page has loaded so it never competes with the first paint.
 * Browsers allow it only in a secure context (https, or localhost); elsewhere the app works online only,
 * and the outbox (IndexedDB) still keeps sends across reloads.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  const register = () => void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
