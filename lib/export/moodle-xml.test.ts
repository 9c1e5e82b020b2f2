import { XMLParser } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { exportMoodleXml } from "./moodle-xml";
import { decodeText, readHtmlParagraph, validateWithSchema } from "./test-helpers";
import { NASTY_CASES, nastyAssessment, plainAssessment } from "./test-fixtures";
import type { ExportableAssessment } from "./types";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  cdataPropName: "cdata",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["question", "answer", "tag"].includes(name),
});

type Text = { text: { cdata?: string } | string };
type MoodleQuestion = {
  type: string;
  name: Text;
  questiontext: Text;
  generalfeedback: Text;
  single: string;
  answer: (Text & { fraction: string })[];
  tags: { tag: { text: string }[] };
  category?: Text;
};

// CDATA split around "]]>" arrives as several sections; joined they are the text.
function readCdata(field: Text): string {
  const { text } = field;
  if (typeof text === "string") return text;
  const cdata = text.cdata as string | string[] | undefined;
  return Array.isArray(cdata) ? cdata.join("") : (cdata ?? "");
}

function readQuestions(assessment: ExportableAssessment): MoodleQuestion[] {
  return parser.parse(decodeText(exportMoodleXml(assessment).bytes)).quiz.question;
}

describe("Moodle XML export", () => {
  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ])("the %s assessment is valid against the Moodle quiz schema", async (_, assessment) => {
    expect(await validateWithSchema(decodeText(exportMoodleXml(assessment).bytes), "moodle-quiz.xsd")).toEqual([]);
  });

  test("the schema check is live: a partial-credit fraction is refused", async () => {
    const xml = decodeText(exportMoodleXml(plainAssessment).bytes).replace('fraction="0"', 'fraction="50"');
    expect((await validateWithSchema(xml, "moodle-quiz.xsd")).join("\n")).toMatch(/fraction.*50/);
  });

  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ])("the %s assessment reads back: single answer, 100/0 fractions, explanation as feedback, level as tag", (_, assessment) => {
    const [category, ...questions] = readQuestions(assessment);
    expect(category.type).toBe("category");
    expect(questions).toHaveLength(assessment.questions.length);
    questions.forEach((question, index) => {
      const mcq = assessment.questions[index];
      const expected = index + 1 === NASTY_CASES.controlCharacter && assessment === nastyAssessment
        ? { ...mcq, question: mcq.question.replace("\u0007", "") }
        : mcq;
      expect(question.type).toBe("multichoice");
      expect(question.single).toBe("true");
      expect(readHtmlParagraph(readCdata(question.questiontext))).toBe(expected.question);
      expect(question.answer.map((answer) => readHtmlParagraph(readCdata(answer)))).toEqual(expected.options);
      expect(question.answer.map((answer) => answer.fraction)).toEqual(
        expected.options.map((option) => (option === expected.correct_answer ? "100" : "0")),
      );
      expect(readHtmlParagraph(readCdata(question.generalfeedback))).toBe(expected.explanation);
      expect(question.tags.tag.map((tag) => tag.text)).toEqual([`bloom-${mcq.bloom_level}`]);
      expect(readCdata(question.name)).toMatch(new RegExp(`^${index + 1}\\. `));
    });
  });

  test("markup-looking text is escaped HTML inside CDATA, so Moodle shows it as typed", () => {
    const xml = decodeText(exportMoodleXml(nastyAssessment).bytes);
    expect(xml).toContain("<![CDATA[<p>Is &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;");
    expect(xml).toContain("<![CDATA[<p>]]&gt; ends CDATA</p>]]>");
  });

  test("only the control character is reported, and removed", () => {
    expect(exportMoodleXml(nastyAssessment).problems).toEqual([
      { question: NASTY_CASES.controlCharacter, code: "characters-removed", message: expect.any(String) },
    ]);
  });
});
