import { describe, expect, it } from "vitest";
import { parseDocxHtml } from "./parse-docx-html";

describe("parseDocxHtml", () => {
  it("opens a section at each heading; text before the first has none", () => {
    expect(parseDocxHtml("<p>Preface.</p><h1>One</h1><p>First.</p><p>Second.</p><h2>Two</h2><p>Third.</p>")).toEqual([
      { page: null, heading: null, text: "Preface." },
      { page: null, heading: "One", text: "First.\n\nSecond." },
      { page: null, heading: "Two", text: "Third." },
    ]);
  });

  it("writes nested and numbered lists as indented lines", () => {
    const html = "<ol><li>Mix<ul><li>slowly</li><li>with care</li></ul></li><li>Heat</li></ol>";
    expect(parseDocxHtml(html)[0].text).toBe("1. Mix\n  - slowly\n  - with care\n2. Heat");
  });

  it("writes table rows as cells separated by bars, with lists inside cells flattened", () => {
    const html =
      "<table><thead><tr><th><p>Term</p></th><th><p>Meaning</p></th></tr></thead>" +
      "<tbody><tr><td><p>Osmosis</p></td><td><ul><li>water moves</li><li>across a membrane</li></ul></td></tr></tbody></table>";
    expect(parseDocxHtml(html)[0].text).toBe("Term | Meaning\nOsmosis | water moves; across a membrane");
  });

  it("decodes entities and keeps inline formatting's text", () => {
    const html = "<p>Salt &amp; water: <strong>1 &lt; 2</strong>, &quot;quoted&quot; &#233;t&#xE9;<br />next</p>";
    expect(parseDocxHtml(html)[0].text).toBe('Salt & water: 1 < 2, "quoted" été next');
  });

  it("makes no section from empty paragraphs or images", () => {
    expect(parseDocxHtml('<p></p><p><img src="" /></p>')).toEqual([]);
  });
});
