import { describe, expect, it } from "vitest";
import { annotationItems } from "./pdf.ts";

const OPS = { beginAnnotation: 80, endAnnotation: 81, showText: 44, showSpacedText: 45, setFont: 37 };

describe("text drawn inside annotations", () => {
  it("becomes one item at the annotation's rectangle; text outside annotations and empty stamps give none", () => {
    const glyphs = (s: string) => [...s].map((unicode) => ({ unicode }));
    const fn = [
      OPS.showText, // page text: read by getTextContent, not here
      OPS.beginAnnotation,
      OPS.setFont,
      OPS.showText,
      OPS.endAnnotation,
      OPS.beginAnnotation, // a signature image without text
      OPS.endAnnotation,
    ];
    const args = [
      [glyphs("Số:")],
      ["77R", [124, 725, 157, 739]],
      ["F1", 12],
      [glyphs("7432")],
      [],
      ["92R", [402, 722, 426, 736]],
      [],
    ];
    const items = annotationItems(fn, args, OPS);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ str: "7432", x: 124, w: 33 });
    expect(items[0]?.y).toBeGreaterThan(725);
    expect(items[0]?.y).toBeLessThan(739);
  });
});
