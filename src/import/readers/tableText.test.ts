import { describe, expect, it } from "vitest";
import { type SourceRow, tableLines } from "./tableText.ts";

const rows = (cells: string[][], header = 0): SourceRow[] =>
  cells.map((r, i) => ({ header: i < header, cells: r.map((text) => ({ text, span: 1, merge: null })) }));

describe("tableLines", () => {
  it("drops the column-number row only when it numbers the columns in order", () => {
    const head = ["TT", "Nhiệm vụ", "Chủ trì", "Thời gian"];
    expect(tableLines(rows([head, ["(1)", "(2)", "(3)", "(4)"], ["1", "Việc", "Sở A", "2026"]]))).toEqual([
      head.join("\t"),
      "1\tViệc\tSở A\t2026",
    ]);
    expect(tableLines(rows([head, ["(1)", "(2)", "(4)", "(5)"]]))).toHaveLength(2);
  });

  it("a vertical merge repeats the value above, except in the number column", () => {
    const t: SourceRow[] = [
      ...rows([["TT", "Nhiệm vụ", "Chủ trì"]]),
      {
        header: false,
        cells: [
          { text: "1", span: 1, merge: "restart" },
          { text: "Việc một", span: 1, merge: null },
          { text: "Sở A", span: 1, merge: "restart" },
        ],
      },
      {
        header: false,
        cells: [
          { text: "", span: 1, merge: "continue" },
          { text: "Việc hai", span: 1, merge: null },
          { text: "", span: 1, merge: "continue" },
        ],
      },
    ];
    expect(tableLines(t)).toEqual(["TT\tNhiệm vụ\tChủ trì", "1\tViệc một\tSở A", "\tViệc hai\tSở A"]);
  });

  it("a one-column table is plain lines; a data row is not taken for a repeated header", () => {
    expect(tableLines(rows([["Nơi nhận:"], ["- Như trên;"]]))).toEqual(["Nơi nhận:", "- Như trên;"]);
    const head = ["TT", "Nhiệm vụ", "Chủ trì"];
    expect(
      tableLines(rows([head, ["", "Nhiệm vụ", "Chủ trì"], ["", "Nhiệm vụ khác", "Chủ trì"]], 1)),
    ).toEqual([head.join("\t"), "\tNhiệm vụ khác\tChủ trì"]);
  });
});
