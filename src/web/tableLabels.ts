/**
 * Gives every table cell the name of its column (data-label), so that on a phone, where phone.css
 * shows each row as a card, a cell still says what it is ("Hạn", "Tình trạng"). Watches the page, so
 * tables that load later or change language are labelled too; writes only what changed.
 */
function headerNames(table: HTMLTableElement): string[] {
  const names: string[] = [];
  const row = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!row) return names;
  for (const cell of Array.from(row.cells)) {
    const text = (cell.textContent ?? "").trim();
    for (let i = 0; i < cell.colSpan; i++) names.push(text);
  }
  return names;
}

function label(table: HTMLTableElement): void {
  const names = headerNames(table);
  if (names.length === 0) return;
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let col = 0;
      for (const cell of Array.from(row.cells)) {
        const name = cell.colSpan > 1 ? "" : (names[col] ?? "");
        if (name && cell.getAttribute("data-label") !== name) cell.setAttribute("data-label", name);
        if (!name && cell.hasAttribute("data-label")) cell.removeAttribute("data-label");
        col += cell.colSpan;
      }
    }
  }
}

export function installTableLabels(root: HTMLElement = document.body): () => void {
  let pending = false;
  const run = () => {
    pending = false;
    for (const table of Array.from(root.querySelectorAll("table"))) label(table);
  };
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(run);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  run();
  return () => observer.disconnect();
}
