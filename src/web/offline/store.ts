import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/** A send kept on the device until the server has it (web/offline/outbox.ts). */
export interface OutboxItem {
  /** The Idempotency-Key the server sees on every try of this send. */
  key: string;
  /** Whose send it is: only that person's session sends it. */
  userId: number;
  kind: "form" | "progress";
  method: "PUT" | "POST";
  url: string;
  /** What the person sees in the list of waiting sends. */
  label: string;
  /** A form save's JSON body. */
  json?: { version: number; [k: string]: unknown };
  /** A progress report's multipart fields and files (kept as Blobs in IndexedDB). */
  fields?: Record<string, string>;
  files?: File[];
  /** Which form ("unitId/periodId") or task this send is for: the page shows it again after a reload. */
  subject: string;
  createdAt: number;
  /** waiting: sent when the link allows; conflict: someone changed it meanwhile; refused: the server said no. */
  state: "waiting" | "conflict" | "refused";
  error?: string;
}

/** A GET answer kept for reading offline (web/offline/kept.ts). */
export interface KeptAnswer {
  url: string;
  data: unknown;
  at: number;
  /** When the server computed it (web/dataTime.ts); absent in copies kept before it was noted. */
  computedAt?: number;
}

interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  kept: { key: string; value: KeptAnswer };
}

let opening: Promise<IDBPDatabase<OfflineSchema>> | null = null;

/** The device's store for Lộ Trình (IndexedDB, kept across reloads and restarts). */
export function offlineStore(): Promise<IDBPDatabase<OfflineSchema>> {
  opening ??= openDB<OfflineSchema>("lotrinh-offline", 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "key" });
      db.createObjectStore("kept", { keyPath: "url" });
    },
  });
  return opening;
}
