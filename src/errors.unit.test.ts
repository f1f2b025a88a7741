import { describe, expect, it } from "vitest";
import { fromDatabaseError } from "./errors.ts";

describe("database errors become answers a person can act on", () => {
  it.each([
    ["40P01", "BUSY_RETRY", 503],
    ["40001", "BUSY_RETRY", 503],
    ["23505", "CONFLICT_VERSION", 409],
    ["57P01", "DB_UNREACHABLE", 503],
    ["57P03", "DB_UNREACHABLE", 503],
    ["08006", "DB_UNREACHABLE", 503],
    ["ECONNREFUSED", "DB_UNREACHABLE", 503],
  ])("%s → %s", (code, expected, status) => {
    expect(fromDatabaseError({ code, message: "x" })).toMatchObject({ code: expected, status });
  });

  it("a connection cut in the middle of a query is 503, not 500", () => {
    expect(fromDatabaseError(new Error("Connection terminated unexpectedly"))?.code).toBe("DB_UNREACHABLE");
    // the rollback a transaction sends after its query failed with the server gone
    const broken = new Error("Client has encountered a connection error and is not queryable");
    expect(fromDatabaseError(broken)?.code).toBe("DB_UNREACHABLE");
    expect(fromDatabaseError(new Error("Client is not queryable"))).toBeNull();
    // pg-pool found no connection in time: PostgreSQL starting again, or every connection held too long
    expect(fromDatabaseError(new Error("timeout exceeded when trying to connect"))?.code).toBe(
      "DB_UNREACHABLE",
    );
    expect(fromDatabaseError(new Error("timeout exceeded"))).toBeNull();
  });

  it("PostgreSQL stopped behind its Unix socket (connect ENOENT) is 503; a missing file is not", () => {
    const gone = Object.assign(new Error("connect ENOENT /run/postgresql/.s.PGSQL.5432"), {
      code: "ENOENT",
      syscall: "connect",
    });
    expect(fromDatabaseError(gone)?.code).toBe("DB_UNREACHABLE");
    const missingFile = Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), {
      code: "ENOENT",
      syscall: "open",
    });
    expect(fromDatabaseError(missingFile)).toBeNull();
  });

  it("anything else is left to the generic handler", () => {
    expect(fromDatabaseError({ code: "22P02", message: "invalid input syntax" })).toBeNull();
    expect(fromDatabaseError(new Error("boom"))).toBeNull();
    expect(fromDatabaseError(null)).toBeNull();
  });
});
