import { describe, expect, it } from "vitest";
import { extractText } from "./extract-text";

const encode = (text: string) => new TextEncoder().encode(text);

describe("extractText", () => {
  it("splits plain text into paragraphs at blank lines, with no headings", () => {
    expect(extractText(encode("\uFEFFFirst line\r\nstill first.\r\n\r\nSecond.\r\n"), "text")).toEqual({
      kind: "text",
      pageCount: null,
      sections: [{ page: null, heading: null, text: "First line\nstill first.\n\nSecond." }],
    });
  });

  it("numbers pages at form feeds, as text exports of PDFs have them", () => {
    const document = extractText(encode("Page one.\fPage two.\f\fPage four."), "text");
    expect(document.pageCount).toBe(4);
    expect(document.sections.map((section) => [section.page, section.text])).toEqual([
      [1, "Page one."],
      [2, "Page two."],
      [4, "Page four."],
    ]);
  });

  it("reads # and underlined Markdown headings, not a # inside code", () => {
    const markdown = [
      "---",
      "title: Notes",
      "---",
      "Introduction",
      "============",
      "See [the guide](https://example.org) and ![a diagram](d.png).",
      "",
      "## Method ##",
      "```python",
      "# not a heading",
      "```",
      "Steps",
      "-----",
      "- `mix` __well__",
    ].join("\n");
    expect(extractText(encode(markdown), "markdown").sections).toEqual([
      { page: null, heading: "Introduction", text: "See the guide and a diagram." },
      { page: null, heading: "Method", text: "# not a heading" },
      { page: null, heading: "Steps", text: "- mix well" },
    ]);
  });

  it("keeps a thematic break after a blank line out of the headings", () => {
    const document = extractText(encode("Part one.\n\n---\n\nPart two."), "markdown");
    expect(document.sections).toEqual([{ page: null, heading: null, text: "Part one.\n\nPart two." }]);
  });
});
