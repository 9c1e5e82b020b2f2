import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from "docx";
import { ANSWER_KEY_SUFFIX, CORRECT_MARK, describePaperQuestion, isRightToLeft, PAPER_POINTS, type PaperKind } from "./paper";
import { removeXmlIllegalCharacters, removeXmlIllegalFromText } from "./text";
import type { ExportableAssessment, ExportOptions, FormatOutput } from "./types";

const TWIPS_PER_POINT = 20;

/**
 * A Word question paper, or with kind "answer-key" the key: the right option marked in bold with
 * "(correct)", the answer letter and the explanation. Page numbers in the footer.
 */
export async function exportDocx(
  assessment: ExportableAssessment,
  kind: PaperKind,
  options: ExportOptions = {},
): Promise<FormatOutput> {
  const { questions, problems } = removeXmlIllegalCharacters(assessment.questions);
  const title = removeXmlIllegalFromText(assessment.title) + (kind === "answer-key" ? ANSWER_KEY_SUFFIX : "");
  const paper = PAPER_POINTS[options.paper ?? "a4"];
  const includeBloom = options.includeBloom ?? true;

  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(title) })];
  if (kind === "questions") {
    children.push(
      new Paragraph({
        spacing: { after: 240 },
        children: [new TextRun("Name: ______________________________    Date: ______________")],
      }),
    );
  }
  questions.forEach((mcq, index) => {
    const printed = describePaperQuestion(mcq, index, kind, includeBloom);
    children.push(
      paragraph(printed.heading, { bold: true }, { spacing: { before: 240, after: 60 }, keepNext: true }),
    );
    if (printed.bloomLabel) {
      children.push(paragraph(printed.bloomLabel, { italics: true, size: 18 }, { keepNext: true }));
    }
    printed.options.forEach((option, i) => {
      const isLast = i === printed.options.length - 1;
      children.push(
        new Paragraph({
          indent: { left: 360 },
          keepNext: !isLast || kind === "answer-key",
          keepLines: true,
          bidirectional: isRightToLeft(option.text),
          children: [
            new TextRun({ text: `${option.label} `, bold: option.isCorrect }),
            ...textRuns(option.text, { bold: option.isCorrect }),
            ...(option.isCorrect ? [new TextRun({ text: ` ${CORRECT_MARK}`, bold: true })] : []),
          ],
        }),
      );
    });
    if (printed.answerLine) children.push(paragraph(printed.answerLine, { bold: true }, { spacing: { before: 60 }, keepNext: true }));
    if (printed.explanation) children.push(paragraph(printed.explanation, {}, { keepLines: true }));
  });

  const document = new Document({
    title,
    creator: "Bloomery",
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(paper.width * TWIPS_PER_POINT), height: Math.round(paper.height * TWIPS_PER_POINT) },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return { bytes: new Uint8Array(await Packer.toBuffer(document)), problems };
}

function paragraph(
  text: string,
  run: Omit<IRunOptions, "text" | "break">,
  layout: { spacing?: { before?: number; after?: number }; keepNext?: boolean; keepLines?: boolean },
): Paragraph {
  return new Paragraph({ ...layout, bidirectional: isRightToLeft(text), children: textRuns(text, run) });
}

// Word ignores "\n" inside a run; each line after the first starts with an explicit break.
function textRuns(text: string, run: Omit<IRunOptions, "text" | "break"> = {}): TextRun[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ ...run, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}
