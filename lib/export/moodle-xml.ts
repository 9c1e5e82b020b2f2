import {
  encodeUtf8,
  escapeXml,
  findCorrectIndex,
  makeQuestionName,
  removeXmlIllegalCharacters,
  removeXmlIllegalFromText,
  toHtmlParagraph,
  wrapCdata,
} from "./text";
import type { ExportableAssessment, FormatOutput } from "./types";

/**
 * Moodle XML: single-answer multichoice, fractions 100/0, the explanation as general feedback and
 * the Bloom level as a tag. Text is escaped HTML inside CDATA, so "<b>" shows as typed. A category
 * named after the assessment keeps its questions together in the question bank.
 */
export function exportMoodleXml(assessment: ExportableAssessment): FormatOutput {
  const { questions, problems } = removeXmlIllegalCharacters(assessment.questions);
  const title = removeXmlIllegalFromText(assessment.title).replace(/\s+/g, " ").trim();
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<quiz>",
    '  <question type="category">',
    // Moodle splits category paths on "/"; a doubled slash is its escape for a literal one.
    `    <category><text>${escapeXml(`$course$/top/${title.replace(/\//g, "//")}`)}</text></category>`,
    "  </question>",
  ];
  questions.forEach((mcq, index) => {
    const correct = findCorrectIndex(mcq);
    parts.push(
      '  <question type="multichoice">',
      `    <name><text>${escapeXml(makeQuestionName(index, mcq))}</text></name>`,
      `    <questiontext format="html"><text>${wrapCdata(toHtmlParagraph(mcq.question))}</text></questiontext>`,
      `    <generalfeedback format="html"><text>${wrapCdata(toHtmlParagraph(mcq.explanation))}</text></generalfeedback>`,
      "    <defaultgrade>1</defaultgrade>",
      "    <penalty>0.3333333</penalty>",
      "    <hidden>0</hidden>",
      ...(mcq.id ? [`    <idnumber>${escapeXml(mcq.id.slice(0, 100))}</idnumber>`] : []),
      "    <single>true</single>",
      "    <shuffleanswers>true</shuffleanswers>",
      "    <answernumbering>ABCD</answernumbering>",
      "    <showstandardinstruction>0</showstandardinstruction>",
      '    <correctfeedback format="html"><text></text></correctfeedback>',
      '    <partiallycorrectfeedback format="html"><text></text></partiallycorrectfeedback>',
      '    <incorrectfeedback format="html"><text></text></incorrectfeedback>',
      ...mcq.options.map(
        (option, i) =>
          `    <answer fraction="${i === correct ? 100 : 0}" format="html"><text>${wrapCdata(toHtmlParagraph(option))}</text><feedback format="html"><text></text></feedback></answer>`,
      ),
      `    <tags><tag><text>bloom-${mcq.bloom_level}</text></tag></tags>`,
      "  </question>",
    );
  });
  parts.push("</quiz>");
  return { bytes: encodeUtf8(`${parts.join("\n")}\n`), problems };
}
