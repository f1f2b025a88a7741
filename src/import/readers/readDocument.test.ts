import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../parsePlan.ts";
import { makePdf, makePlanDocx, makeZip } from "../testing/fixtures.ts";
import { readDocument } from "./readDocument.ts";

const badFile = (message: RegExp | string) => ({
  code: "BAD_INPUT_FILE",
  message: expect.stringMatching(message),
});

describe("readDocument", () => {
  it("reads a Word plan: paragraphs as lines, table rows as tab-separated cells", async () => {
    const src = await readDocument("ke-hoach.docx", await makePlanDocx());
    expect(src.format).toBe("docx");
    expect(src.text).toContain("Số: 45/KH-UBND");
    expect(src.text).toContain(
      "1\tĐiều tra trẻ trong độ tuổi\tPhòng Văn hóa - Xã hội\tTrưởng các bản\tTháng 8/2026\tBáo cáo số liệu",
    );
    const draft = parsePlan(src.text);
    expect(draft.document).toMatchObject({
      number: "45/KH-UBND",
      issuedOn: "2026-07-10",
      issuer: "UBND xã Bình Lư",
    });
    expect(draft.document.references.find((r) => r.relation === "implements")?.number).toBe("2086/KH-UBND");
    expect(draft.tasks.map((t) => [t.ref, t.lead, t.timeframe.due])).toEqual([
      ["1", ["Phòng Văn hóa - Xã hội"], "2026-08-31"],
      ["2", ["Công an xã"], "2026-09-30"],
    ]);
    expect(draft.tasks[0]?.product).toBe("Báo cáo số liệu");
  });

  it("reads a PDF with a text layer", async () => {
    const pdf = makePdf(["KE HOACH", "So: 12/KH-UBND", "Trien khai nhiem vu nam hoc 2026-2027"]);
    const src = await readDocument("ke-hoach.pdf", pdf);
    expect(src.format).toBe("pdf");
    expect(src.text).toContain("12/KH-UBND");
    expect(parsePlan(src.text).document.number).toBe("12/KH-UBND");
  });

  it("refuses a scanned PDF without a text layer", async () => {
    await expect(readDocument("scan.pdf", makePdf(null))).rejects.toMatchObject(
      badFile(/bản scan, chưa có lớp chữ/),
    );
  });

  it("refuses an empty file, binary junk and a 50 MB file", async () => {
    await expect(readDocument("rong.txt", Buffer.alloc(0))).rejects.toMatchObject(badFile(/rỗng/));
    await expect(readDocument("trang.txt", Buffer.from("  \n\t \n"))).rejects.toMatchObject(badFile(/rỗng/));
    const bomOnly = Buffer.from("\uFEFF \n", "utf8");
    await expect(readDocument("bom.txt", bomOnly)).rejects.toMatchObject(badFile(/rỗng/));
    expect((await readDocument("x.txt", Buffer.from("\uFEFFx"))).text).toBe("x");
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expect(readDocument("rac.txt", junk)).rejects.toMatchObject(badFile(/nhị phân|Unicode/));
    await expect(readDocument("lon.txt", Buffer.alloc(50 * 1024 * 1024, 65))).rejects.toMatchObject(
      badFile(/quá lớn/),
    );
  });

  it("refuses a DOCX zip bomb before opening it", async () => {
    const bomb = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.alloc(60 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readDocument("bom.docx", bomb)).rejects.toMatchObject(badFile(/bom nén/));
  });

  it("refuses a broken DOCX", async () => {
    const broken = makeZip([{ name: "khong-phai-word.txt", data: Buffer.from("xin chào") }]);
    await expect(readDocument("hong.docx", broken)).rejects.toMatchObject(badFile(/\.docx/));
  });

  it("recognises the legacy TCVN3 and VNI encodings and says what to do", async () => {
    const tcvn3 = Buffer.from(
      "KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 06-NQ/TU vÒ n©ng cao chÊt l­îng gi¸o dôc vµ ®µo t¹o trªn ®Þa bµn tØnh",
      "latin1",
    );
    await expect(readDocument("cu.txt", tcvn3)).rejects.toMatchObject(badFile(/TCVN3/));
    const vni = Buffer.from(
      "Keá hoaïch thöïc hieän Nghò quyeát soá 06-NQ/TU veà naâng cao chaát löôïng giaùo duïc vaø ñaøo taïo treân ñòa baøn tænh Lai Chaâu",
      "utf8",
    );
    await expect(readDocument("vni.txt", vni)).rejects.toMatchObject(badFile(/VNI/));
    // one "ö" (a German name) in a Unicode plan is not VNI
    const german = `Kế hoạch phối hợp với ông Schröder. ${"Nâng cao chất lượng giáo dục và đào tạo trên địa bàn tỉnh Lai Châu. ".repeat(3)}`;
    expect((await readDocument("duc.txt", Buffer.from(german))).text).toBe(german);
  });

  it("refuses an old .doc file with advice", async () => {
    await expect(
      readDocument("cu.doc", Buffer.from("\u00d0\u00cf\u0011\u00e0 word 97 khong doc duoc", "latin1")),
    ).rejects.toMatchObject(badFile(/\.doc/));
  });
});

const CORPUS = path.resolve(import.meta.dirname, "../../../../shared/corpus/plans");
function corpusAvailable(): boolean {
  if (fs.existsSync(CORPUS)) return true;
  if (process.env.CI) throw new Error(`CI: không thấy kho văn bản ${CORPUS}`);
  console.warn(`[bỏ qua] Không thấy ${CORPUS}: kiểm thử trên PDF thật bị bỏ qua.`);
  return false;
}

describe.runIf(corpusAvailable())("real PDFs from ../shared/corpus/plans", () => {
  it("refuses a text layer whose fonts turn Vietnamese into other scripts, reads a clean one", async () => {
    const garbled = fs.readFileSync(path.join(CORPUS, "kh-1105-dkt-sct-lao-cai-2026-kiem-tra-vlncn.pdf"));
    await expect(readDocument("kh.pdf", garbled)).rejects.toMatchObject(badFile(/lỗi mã phông/));
    const clean = fs.readFileSync(path.join(CORPUS, "cv-7432-ubnd-lao-cai-2026-trien-khai-qd-1074-pccc.pdf"));
    const src = await readDocument("cv.pdf", clean);
    expect(src.text).toContain("Công an tỉnh");
    // the number and the day are stamped into signature fields: read from the fields' appearance
    expect(src.text).toMatch(/Số:\s*7432\/UBND-XD/);
    expect(src.text).toMatch(/ngày 21\s*tháng 7 năm 2026/);
  }, 120_000);
});
