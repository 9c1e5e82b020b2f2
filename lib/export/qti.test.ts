import { XMLParser } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { exportQti12 } from "./qti12";
import { exportQti21 } from "./qti21";
import { readHtmlParagraph, unzipText, validateWithSchema } from "./test-helpers";
import { NASTY_CASES, nastyAssessment, plainAssessment } from "./test-fixtures";
import type { ExportableAssessment } from "./types";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["item", "response_label", "qtimetadatafield", "respcondition", "resource", "file", "dependency", "simpleChoice", "assessmentItemRef"].includes(name),
});

/** The nasty questions as an XML format can carry them: the control character removed. */
function expectedQuestions(assessment: ExportableAssessment) {
  return assessment.questions.map((mcq, index) =>
    assessment === nastyAssessment && index + 1 === NASTY_CASES.controlCharacter
      ? { ...mcq, question: mcq.question.replace("\u0007", "") }
      : mcq,
  );
}

const CASES = [
  ["plain", plainAssessment],
  ["nasty", nastyAssessment],
] as const;

describe("QTI 1.2 export (Canvas)", () => {
  test.each(CASES)("the %s package's files are valid against their schemas and the manifest lists them", async (_, assessment) => {
    const files = unzipText(exportQti12(assessment).bytes);
    expect(await validateWithSchema(files["imsmanifest.xml"], "imscc-imscp-v1p1.xsd", ["imscp-v1p1-content.xsd"])).toEqual([]);
    const manifest = parser.parse(files["imsmanifest.xml"]).manifest;
    const listed = manifest.resources.resource.flatMap((resource: { file: { href: string }[] }) => resource.file.map((file) => file.href));
    expect(listed.sort()).toEqual(Object.keys(files).filter((name) => name !== "imsmanifest.xml").sort());
    for (const name of listed) {
      const schema = name.endsWith("assessment_meta.xml") ? "canvas-assessment-meta.xsd" : "ims-qtiasi-v1p2.xsd";
      expect(await validateWithSchema(files[name], schema), name).toEqual([]);
    }
  });

  test("the schema check is live: an item without an ident is refused", async () => {
    const files = unzipText(exportQti12(plainAssessment).bytes);
    const name = Object.keys(files).find((file) => /assessment_\w+\/assessment_\w+\.xml$/.test(file))!;
    const broken = files[name].replace(/<item ident="[^"]+"/, "<item");
    expect((await validateWithSchema(broken, "ims-qtiasi-v1p2.xsd")).join("\n")).toMatch(/ident/);
  });

  test.each(CASES)("the %s package reads back as Canvas multiple-choice questions", (_, assessment) => {
    const files = unzipText(exportQti12(assessment).bytes);
    const name = Object.keys(files).find((file) => /assessment_\w+\/assessment_\w+\.xml$/.test(file))!;
    const items = parser.parse(files[name]).questestinterop.assessment.section.item;
    const expected = expectedQuestions(assessment);
    expect(items).toHaveLength(expected.length);
    items.forEach((item: any, index: number) => {
      const mcq = expected[index];
      const metadata = Object.fromEntries(
        item.itemmetadata.qtimetadata.qtimetadatafield.map((field: any) => [field.fieldlabel, field.fieldentry]),
      );
      expect(metadata.question_type).toBe("multiple_choice_question");
      expect(metadata.bloom_level).toBe(mcq.bloom_level);
      expect(readHtmlParagraph(item.presentation.material.mattext["#text"])).toBe(mcq.question);
      const labels = item.presentation.response_lid.render_choice.response_label;
      expect(labels.map((label: any) => readHtmlParagraph(label.material.mattext["#text"]))).toEqual(mcq.options);
      const scoring = item.resprocessing.respcondition.find((condition: any) => condition.setvar?.["#text"] === "100");
      const correctIdent = scoring.conditionvar.varequal["#text"];
      expect(labels.findIndex((label: any) => label.ident === correctIdent)).toBe(mcq.options.indexOf(mcq.correct_answer));
      expect(readHtmlParagraph(item.itemfeedback.flow_mat.material.mattext["#text"])).toBe(mcq.explanation);
    });
  });

  test("reports only the control character", () => {
    expect(exportQti12(nastyAssessment).problems.map((problem) => [problem.question, problem.code])).toEqual([
      [NASTY_CASES.controlCharacter, "characters-removed"],
    ]);
  });
});

describe("QTI 2.1 export", () => {
  test.each(CASES)("the %s package's manifest, test and items are valid against their schemas", async (_, assessment) => {
    const files = unzipText(exportQti21(assessment).bytes);
    expect(await validateWithSchema(files["imsmanifest.xml"], "imscp-v1p1.xsd", ["imscp-v1p1-content.xsd"])).toEqual([]);
    const manifest = parser.parse(files["imsmanifest.xml"]).manifest;
    const listed = new Set<string>(
      manifest.resources.resource.flatMap((resource: { file: { href: string }[] }) => resource.file.map((file) => file.href)),
    );
    expect([...listed].sort()).toEqual(Object.keys(files).filter((name) => name !== "imsmanifest.xml").sort());
    for (const name of listed) expect(await validateWithSchema(files[name], "imsqti-v2p1.xsd"), name).toEqual([]);
  });

  test("the schema check is live: a choice interaction without maxChoices is refused", async () => {
    const files = unzipText(exportQti21(plainAssessment).bytes);
    const item = Object.keys(files).find((name) => name.startsWith("items/"))!;
    const broken = files[item].replace(' maxChoices="1"', "");
    expect((await validateWithSchema(broken, "imsqti-v2p1.xsd")).join("\n")).toMatch(/maxChoices/);
  });

  test.each(CASES)("the %s package reads back: prompt, choices, correct response, explanation, Bloom keyword", (_, assessment) => {
    const files = unzipText(exportQti21(assessment).bytes);
    const test = parser.parse(files["assessment.xml"]).assessmentTest;
    const refs = test.testPart.assessmentSection.assessmentItemRef;
    const manifest = parser.parse(files["imsmanifest.xml"]).manifest;
    const expected = expectedQuestions(assessment);
    expect(refs).toHaveLength(expected.length);
    refs.forEach((ref: { href: string; identifier: string }, index: number) => {
      const mcq = expected[index];
      const raw = files[ref.href];
      const item = parser.parse(raw).assessmentItem;
      const interaction = item.itemBody.choiceInteraction;
      // QTI 2.1 text is XHTML: <br/> is a line break, everything else escaped text.
      const innerXml = (tag: string) =>
        [...raw.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => readHtmlParagraph(match[1].replace(/<br\/>/g, "<br>")));
      expect(innerXml("prompt")).toEqual([mcq.question]);
      expect(innerXml("simpleChoice")).toEqual(mcq.options);
      expect(interaction.maxChoices).toBe("1");
      const correctId = item.responseDeclaration.correctResponse.value;
      const correctIndex = interaction.simpleChoice.findIndex((choice: any) => choice.identifier === correctId);
      expect(correctIndex).toBe(mcq.options.indexOf(mcq.correct_answer));
      expect(innerXml("modalFeedback")).toEqual([mcq.explanation]);
      const resource = manifest.resources.resource.find((entry: any) => entry.identifier === ref.identifier);
      expect(resource.metadata["imsmd:lom"]["imsmd:general"]["imsmd:keyword"]["imsmd:string"]).toBe(`bloom-${mcq.bloom_level}`);
    });
  });
});
