import { describe, expect, it } from "vitest";
import { STATES } from "./status.ts";
import { allowedActions, OCCURRENCE_ACTIONS, RELATIONS, transition } from "./transitions.ts";

/**
 * The whole table, state × action × role, written out by hand: a change to one rule changes one cell
 * here. "-" is refused for the state, "x" for the role; otherwise the state it leads to ("=" unchanged).
 */
const EXPECTED: Record<string, Record<string, string>> = {
  //                 not_started         in_progress         awaiting_confirmation  done   paused
  "progress/lead": { ns: "ip", ip: "=", ac: "=", dn: "-", pa: "=" },
  "contribute/support": { ns: "ip", ip: "=", ac: "=", dn: "-", pa: "=" },
  "propose/lead": { ns: "ac", ip: "ac", ac: "-", dn: "-", pa: "-" },
  "confirm/coordinator": { ns: "-", ip: "-", ac: "dn", dn: "-", pa: "-" },
  "return/coordinator": { ns: "-", ip: "-", ac: "ip", dn: "-", pa: "-" },
  "pause/coordinator": { ns: "pa", ip: "pa", ac: "pa", dn: "-", pa: "-" },
  "resume/coordinator": { ns: "-", ip: "-", ac: "-", dn: "-", pa: "back" },
  "extend/coordinator": { ns: "=", ip: "=", ac: "=", dn: "-", pa: "=" },
  "chase/coordinator": { ns: "=", ip: "=", ac: "-", dn: "-", pa: "-" },
};
const SHORT = {
  not_started: "ns",
  in_progress: "ip",
  awaiting_confirmation: "ac",
  done: "dn",
  paused: "pa",
} as const;

describe("the occurrence transition table", () => {
  for (const action of OCCURRENCE_ACTIONS) {
    for (const by of RELATIONS) {
      for (const state of STATES) {
        const row = EXPECTED[`${action}/${by}`];
        const want = row ? row[SHORT[state]] : "x";
        it(`${action} by ${by} from ${state} → ${want}`, () => {
          const res = transition(action, by, { state, resumeState: "awaiting_confirmation" });
          if (want === "x") expect(res).toMatchObject({ ok: false, reason: "forbidden" });
          else if (want === "-") expect(res).toMatchObject({ ok: false, reason: "state" });
          else if (want === "=") expect(res).toEqual({ ok: true, to: state });
          else if (want === "back") expect(res).toEqual({ ok: true, to: "awaiting_confirmation" });
          else {
            const to = Object.entries(SHORT).find(([, s]) => s === want)?.[0];
            expect(res).toEqual({ ok: true, to });
          }
        });
      }
    }
  }

  it("a paused item cannot be proposed done", () => {
    expect(transition("propose", "lead", { state: "paused", resumeState: "in_progress" }).ok).toBe(false);
  });

  it("pausing an item awaiting confirmation and resuming it keeps the proposal", () => {
    const paused = transition("pause", "coordinator", { state: "awaiting_confirmation", resumeState: null });
    expect(paused).toEqual({ ok: true, to: "paused" });
    expect(
      transition("resume", "coordinator", { state: "paused", resumeState: "awaiting_confirmation" }),
    ).toEqual({
      ok: true,
      to: "awaiting_confirmation",
    });
    expect(transition("resume", "coordinator", { state: "paused", resumeState: "not_started" })).toEqual({
      ok: true,
      to: "not_started",
    });
  });

  it("the buttons are the allowed actions", () => {
    expect(allowedActions("lead", { state: "in_progress", resumeState: null })).toEqual([
      "progress",
      "propose",
    ]);
    expect(allowedActions("lead", { state: "paused", resumeState: "in_progress" })).toEqual(["progress"]);
    expect(allowedActions("coordinator", { state: "awaiting_confirmation", resumeState: null })).toEqual([
      "confirm",
      "return",
      "pause",
      "extend",
    ]);
    expect(allowedActions("viewer", { state: "in_progress", resumeState: null })).toEqual([]);
    expect(allowedActions("coordinator", { state: "done", resumeState: null })).toEqual([]);
  });
});
