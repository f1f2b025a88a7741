import { describe, expect, it } from "vitest";
import { formatViNumber, numberFrom, parseViNumber } from "./numbers.ts";

const value = (text: string) => {
  const r = parseViNumber(text);
  return r.ok ? r.value : `refused: ${r.reason}`;
};

describe("parseViNumber", () => {
  it.each([
    ["0", 0],
    ["7", 7],
    ["1234", 1234],
    ["1.234", 1234],
    ["12.345", 12345],
    ["1.234.567", 1234567],
    ["99,8", 99.8],
    ["35,5", 35.5],
    ["0,5", 0.5],
    ["1.234,5", 1234.5],
    ["1.234.567,25", 1234567.25],
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234\u202f567", 1234567],
    ["99.8", 99.8],
    ["1234.5", 1234.5],
    ["0.25", 0.25],
    ["1.2345", 1.2345],
    ["  150 ", 150],
    ["-3", -3],
    ["−2,5", -2.5],
  ])("reads %j as %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "abc",
    "12a",
    "1e308",
    "1E5",
    "1,234,567",
    "1,234.5",
    "1.23.456",
    "1.2345.678",
    "12 34",
    "1  234",
    ",5",
    "5,",
    "1.234,",
    "12.34,5",
    ".",
    ",",
    "--1",
    "Infinity",
    "NaN",
    "1/2",
    "50%",
  ])("refuses %j with a reason", (text) => {
    const r = parseViNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });

  it("reads a dot as thousands only in groups of three, else as a decimal point", () => {
    expect(value("1.234")).toBe(1234);
    expect(value("1.23")).toBe(1.23);
    expect(value("1.2345")).toBe(1.2345);
  });
});

describe("numberFrom", () => {
  it("keeps finite numbers and parses text", () => {
    expect(numberFrom(12.5)).toEqual({ ok: true, value: 12.5 });
    expect(numberFrom("1.234,5")).toEqual({ ok: true, value: 1234.5 });
  });
  it("refuses non-finite numbers and other types", () => {
    expect(numberFrom(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(numberFrom(Number.NaN).ok).toBe(false);
    expect(numberFrom(null).ok).toBe(false);
    expect(numberFrom({}).ok).toBe(false);
  });
});

describe("formatViNumber", () => {
  it.each([
    [1234.5, "1.234,5"],
    [99.8, "99,8"],
    [1234567, "1.234.567"],
    [0.125, "0,13"],
    [-2.5, "-2,5"],
    [0, "0"],
  ])("writes %d as %j", (n, text) => {
    expect(formatViNumber(n)).toBe(text);
  });

  it("reads back what it writes", () => {
    for (const n of [0, 1, 12, 999, 1000, 1234.5, 99.8, 1234567.25, 35.5, 100000]) {
      expect(value(formatViNumber(n))).toBe(n);
    }
  });
});
