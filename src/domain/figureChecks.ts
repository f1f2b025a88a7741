/** Checks on the figures of one form, at once, in Vietnamese (DOMAIN.md §6). Pure. */
export interface RateRule {
  name: string;
  numeratorId: number;
  denominatorId: number;
  gross: boolean;
}

export interface FigureProblem {
  elementId: number;
  level: "error" | "warning";
  message: string;
}

const fmt = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(n);

export function checkFigures(
  values: Map<number, { value: number | null; comment: string | null }>,
  previous: Map<number, number>,
  rates: RateRule[],
  names: Map<number, string>,
  opts: { requireAll: boolean; elementIds: number[] },
): FigureProblem[] {
  const out: FigureProblem[] = [];
  for (const [id, v] of values) {
    if (v.value !== null && v.value < 0)
      out.push({ elementId: id, level: "error", message: `${names.get(id)}: không được âm.` });
  }
  for (const r of rates) {
    const n = values.get(r.numeratorId)?.value ?? null;
    const d = values.get(r.denominatorId)?.value ?? null;
    if (n === null || d === null) continue;
    if (d === 0 && n > 0) {
      out.push({
        elementId: r.denominatorId,
        level: "error",
        message: `${r.name}: mẫu số bằng 0 nhưng tử số là ${fmt(n)}.`,
      });
    } else if (n > d) {
      if (!r.gross) {
        out.push({
          elementId: r.numeratorId,
          level: "error",
          message: `${r.name}: tử số (${fmt(n)}) lớn hơn mẫu số (${fmt(d)}).`,
        });
      } else if (!values.get(r.numeratorId)?.comment) {
        out.push({
          elementId: r.numeratorId,
          level: "error",
          message: `${r.name}: tỷ lệ thô vượt 100 % (${fmt((n / d) * 100)} %) — hãy ghi chú lý do (ví dụ trẻ ngoài địa bàn đến học).`,
        });
      } else {
        out.push({
          elementId: r.numeratorId,
          level: "warning",
          message: `${r.name}: tỷ lệ thô vượt 100 % (${fmt((n / d) * 100)} %), đã có ghi chú.`,
        });
      }
    }
  }
  for (const [id, v] of values) {
    const before = previous.get(id);
    if (v.value === null || before === undefined || before === 0) continue;
    const change = Math.abs(v.value - before) / before;
    if (change > 0.5) {
      out.push({
        elementId: id,
        level: "warning",
        message: `${names.get(id)}: thay đổi ${fmt(change * 100)} % so với kỳ trước (${fmt(before)} → ${fmt(v.value)}).`,
      });
    }
  }
  if (opts.requireAll) {
    for (const id of opts.elementIds) {
      if ((values.get(id)?.value ?? null) === null)
        out.push({ elementId: id, level: "error", message: `${names.get(id)}: chưa nhập.` });
    }
  }
  return out;
}
