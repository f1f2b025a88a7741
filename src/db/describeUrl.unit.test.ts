import { describe, expect, it } from "vitest";
import { describeUrl } from "./database.ts";

describe("where the database is, for messages (never the password)", () => {
  it("a TCP address: host, port and database", () => {
    expect(describeUrl("postgres://u:secret@db.example:5433/lotrinh")).toBe("db.example:5433/lotrinh");
    expect(describeUrl("postgres://u:secret@127.0.0.1/lotrinh")).toBe("127.0.0.1:5432/lotrinh");
  });

  it("a Unix socket (?host=/dir) names the socket's directory, not the placeholder host", () => {
    const url = "postgres://u:secret@localhost/lotrinh?host=%2Fvar%2Frun%2Fpostgresql";
    expect(describeUrl(url)).toBe("/var/run/postgresql (socket)/lotrinh");
    expect(describeUrl(url)).not.toContain("secret");
    // a host parameter that is not a directory is a host name: the URL's own host is shown
    expect(describeUrl("postgres://u:p@localhost/lotrinh?host=db2")).toBe("localhost:5432/lotrinh");
  });
});
