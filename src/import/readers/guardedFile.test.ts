import { describe, expect, it } from "vitest";
import { forgeDeclaredSizes } from "../../server/uploads/hostileCorpus.ts";
import { makePdf, makeZip } from "../testing/fixtures.ts";
import { checkFile, type FilePolicy } from "./guardedFile.ts";
import { inflateZip } from "./zipInflate.ts";

const KB = 1024;
const types = { name: "[Content_Types].xml", data: Buffer.from("<Types/>") };
const workbook = { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") };
const sheet = (rows: number, cell = "<c><v>1</v></c>") => ({
  name: "xl/worksheets/sheet1.xml",
  data: Buffer.from(`<worksheet><sheetData>${`<row>${cell}</row>`.repeat(rows)}</sheetData></worksheet>`),
});
const policy: FilePolicy = {
  label: "tệp thử",
  maxBytes: 64 * KB,
  kinds: ["pdf", "xlsx", "docx"],
  zip: { maxEntries: 4, maxTotalBytes: 200 * KB, maxEntryBytes: 100 * KB },
  maxRows: 10,
  refuseFormulas: "all",
};
const refused = (message: RegExp) => ({ code: "BAD_INPUT_FILE", message: expect.stringMatching(message) });

describe("inflateZip counts the bytes it really produces", () => {
  const limits = { maxEntries: 3, maxTotalBytes: 100 * KB, maxEntryBytes: 60 * KB };

  it("accepts an entry of exactly the limit and refuses one byte more — with true or forged sizes", () => {
    const exact = makeZip([{ name: "a.xml", data: Buffer.alloc(60 * KB) }]);
    expect(inflateZip(exact, limits)[0]?.size).toBe(60 * KB);
    const over = makeZip([{ name: "a.xml", data: Buffer.alloc(60 * KB + 1) }]);
    expect(() => inflateZip(over, limits)).toThrow(/bom nén/);
    expect(() => inflateZip(forgeDeclaredSizes(over, 10), limits)).toThrow(/bom nén/);
    expect(inflateZip(forgeDeclaredSizes(exact, 10), limits)[0]?.size).toBe(60 * KB);
  });

  it("adds entries up to the total limit, and counts entries", () => {
    const half = (name: string) => ({ name, data: Buffer.alloc(50 * KB) });
    expect(inflateZip(makeZip([half("a"), half("b")]), limits)).toHaveLength(2);
    expect(() =>
      inflateZip(makeZip([half("a"), half("b"), { name: "c", data: Buffer.alloc(1) }]), limits),
    ).toThrow(/bom nén/);
    const small = (name: string) => ({ name, data: Buffer.from("x") });
    expect(inflateZip(makeZip([small("a"), small("b"), small("c")]), limits)).toHaveLength(3);
    expect(() => inflateZip(makeZip([small("a"), small("b"), small("c"), small("d")]), limits)).toThrow(
      /quá nhiều thành phần/,
    );
  });

  it("stops a 60 MB bomb with forged sizes quickly", () => {
    const bomb = forgeDeclaredSizes(makeZip([{ name: "a.xml", data: Buffer.alloc(60 * 1024 * KB) }]), 100);
    const started = performance.now();
    expect(() => inflateZip(bomb, limits)).toThrow(/bom nén/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("checkFile", () => {
  it("sizes: 0 bytes and one byte over are refused, the limit itself passes", async () => {
    await expect(checkFile("a.pdf", Buffer.alloc(0), policy)).rejects.toMatchObject(refused(/rỗng/));
    const pdf = makePdf(["Bao cao"]);
    const exact = Buffer.concat([pdf, Buffer.alloc(policy.maxBytes - pdf.length, 0x20)]);
    expect((await checkFile("a.pdf", exact, policy)).kind).toBe("pdf");
    await expect(checkFile("a.pdf", Buffer.concat([exact, Buffer.from(" ")]), policy)).rejects.toMatchObject(
      refused(/quá lớn/),
    );
  });

  it("names the file after its content: a PDF sent as .html is a .pdf", async () => {
    const file = await checkFile("bao-cao.html", makePdf(["Bao cao"]), policy);
    expect(file).toMatchObject({
      kind: "pdf",
      mime: "application/pdf",
      downloadName: "bao-cao.pdf",
      ext: ".pdf",
    });
    const xlsx = await checkFile("so-lieu.docx", makeZip([types, workbook, sheet(1)]), policy);
    expect(xlsx).toMatchObject({ kind: "xlsx", downloadName: "so-lieu.xlsx" });
  });

  it("refuses markup hidden in a PDF or an image, and kinds the policy does not take", async () => {
    const polyglot = Buffer.from("%PDF-1.4\n%<html><script>alert(1)</script></html>\n%%EOF\n");
    await expect(checkFile("x.pdf", polyglot, policy)).rejects.toMatchObject(refused(/HTML\/SVG/));
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    await expect(checkFile("a.png", Buffer.concat([png, Buffer.alloc(64)]), policy)).rejects.toMatchObject(
      refused(/chỉ nhận PDF, XLSX, DOCX/),
    );
    await expect(checkFile("a.txt", Buffer.from("chữ thường"), policy)).rejects.toMatchObject(
      refused(/chỉ nhận/),
    );
  });

  it("XLSX: 10 rows pass and 11 are refused; a formula or a DTD is refused", async () => {
    expect((await checkFile("a.xlsx", makeZip([types, workbook, sheet(10)]), policy)).kind).toBe("xlsx");
    await expect(checkFile("a.xlsx", makeZip([types, workbook, sheet(11)]), policy)).rejects.toMatchObject(
      refused(/quá nhiều dòng/),
    );
    const formula = makeZip([types, workbook, sheet(1, "<c><f>1+1</f><v>2</v></c>")]);
    await expect(checkFile("a.xlsx", formula, policy)).rejects.toMatchObject(refused(/công thức/));
    const external = { ...policy, refuseFormulas: "external" as const };
    expect((await checkFile("a.xlsx", formula, external)).kind).toBe("xlsx");
    const dde = makeZip([types, workbook, sheet(1, "<c><f>cmd|' /C calc'!A0</f></c>")]);
    await expect(checkFile("a.xlsx", dde, external)).rejects.toMatchObject(refused(/ra ngoài/));
    const dtd = makeZip([
      types,
      workbook,
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><worksheet/>') },
    ]);
    await expect(checkFile("a.xlsx", dtd, policy)).rejects.toMatchObject(refused(/XXE/));
  });
});
