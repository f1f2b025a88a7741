import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dhis2Client } from "./dhis2Client.ts";
import { type Dhis2StandIn, startDhis2StandIn } from "./testing/dhis2StandIn.ts";

const metadata = {
  dataElements: [
    { id: "f7n9E0hX8qk", code: "DE_A", name: "Học sinh tiểu học" },
    { id: "Ix2HsbDMLea", code: "DE_B", name: "Trẻ mẫu giáo" },
  ],
  organisationUnits: [
    { id: "LaiChau0001", name: "Lai Châu", path: "/LaiChau0001", level: 1 },
    { id: "BinhLu00001", code: "03430", name: "Bình Lư", path: "/LaiChau0001/BinhLu00001", level: 2 },
  ],
  categoryOptionCombos: [{ id: "Female00001", name: "Nữ" }],
};

let dhis2: Dhis2StandIn;
beforeAll(async () => {
  dhis2 = await startDhis2StandIn({ metadata, username: "admin", password: "district", token: "d2pat_abc" });
});
afterAll(() => dhis2.close());

describe("DHIS2 client against a stand-in that answers like DHIS2", () => {
  it("pushes in batches, adds the summaries up and shifts conflict indexes to the whole list", async () => {
    const client = dhis2Client({ url: dhis2.url, username: "admin", password: "district" });
    const values = Array.from({ length: 25 }, (_, i) => ({
      dataElement: i === 17 ? "unknownDE01" : "f7n9E0hX8qk",
      period: "2025Sep",
      orgUnit: "BinhLu00001",
      categoryOptionCombo: i % 2 ? "Female00001" : undefined,
      value: String(100 + i),
    }));
    const progress: number[] = [];
    const summary = await client.push(values, { batchSize: 10, onProgress: (sent) => progress.push(sent) });
    expect(progress).toEqual([10, 20, 25]);
    expect(dhis2.requests.filter((r) => r.method === "POST").map((r) => r.count)).toEqual([10, 10, 5]);
    expect(summary.status).toBe("WARNING");
    // 24 good values, but only 2 distinct keys (whole and female) for one unit and period
    expect(summary.importCount).toEqual({ imported: 2, updated: 22, ignored: 1, deleted: 0 });
    expect(summary.conflicts).toEqual([
      expect.objectContaining({ object: "unknownDE01", errorCode: "E7610", indexes: [17] }),
    ]);
  });

  it("pulls an org unit with its children by token", async () => {
    const client = dhis2Client({ url: dhis2.url, token: "d2pat_abc" });
    const rows = await client.pull({ orgUnit: ["LaiChau0001"], children: true, period: ["2025Sep"] });
    expect(rows.length).toBe(2);
    expect(dhis2.requests.at(-1)?.auth).toBe("ApiToken d2pat_abc");
    expect(await client.pull({ orgUnit: ["LaiChau0001"], children: false, period: ["2025Sep"] })).toEqual([]);
  });

  it("a dry run changes nothing", async () => {
    const client = dhis2Client({ url: dhis2.url, token: "d2pat_abc" });
    const before = dhis2.values.size;
    const s = await client.push(
      [{ dataElement: "Ix2HsbDMLea", period: "2025", orgUnit: "BinhLu00001", value: "7" }],
      {
        dryRun: true,
      },
    );
    expect(s.importCount.imported).toBe(1);
    expect(dhis2.values.size).toBe(before);
  });

  it("wrong credentials and an unreachable server are told apart, in Vietnamese", async () => {
    await expect(
      dhis2Client({ url: dhis2.url, username: "admin", password: "sai" }).pull({ orgUnit: ["x"] }),
    ).rejects.toMatchObject({
      code: "DHIS2_REFUSED",
    });
    await expect(
      dhis2Client({ url: "http://127.0.0.1:1", token: "t" }).pull({ orgUnit: ["x"] }),
    ).rejects.toMatchObject({
      code: "DHIS2_UNREACHABLE",
      message: expect.stringContaining("Không kết nối được máy chủ DHIS2"),
    });
  });
});
