import { useEffect, useState } from "react";
import { onOutboxChange, outboxItems } from "./outbox.ts";
import type { OutboxItem } from "./store.ts";

/** The sends kept on this device (all of them when nobody is signed in), kept up to date. */
export function useOutbox(userId: number | null): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void outboxItems(userId ?? undefined)
        .then((list) => live && setItems(list))
        .catch(() => {});
    load();
    const stop = onOutboxChange(load);
    return () => {
      live = false;
      stop();
    };
  }, [userId]);
  return items;
}
