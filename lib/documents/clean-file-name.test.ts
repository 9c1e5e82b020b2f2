import { describe, expect, it } from "vitest";
import { cleanFileName } from "./clean-file-name";

describe("cleanFileName", () => {
  it("keeps only the last path segment a browser or curl may send", () => {
    expect(cleanFileName("C:\\Users\\teacher\\Chapter 3.pdf")).toBe("Chapter 3.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
  });

  it("drops control characters and never answers with nothing", () => {
    expect(cleanFileName("notes\u0000\u001b.txt")).toBe("notes.txt");
    expect(cleanFileName("   ")).toBe("upload");
    expect(cleanFileName("folder/")).toBe("upload");
  });

  it("shortens a long name to 200 characters, keeping its extension", () => {
    const cleaned = cleanFileName(`${"a".repeat(300)}.docx`);
    expect(cleaned).toHaveLength(200);
    expect(cleaned.endsWith(".docx")).toBe(true);
  });
});
