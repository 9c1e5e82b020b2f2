import { PDFDocument, rgb, type PDFPage } from "pdf-lib";
import { ANSWER_KEY_SUFFIX, CORRECT_MARK, describePaperQuestion, PAPER_POINTS, type PaperKind } from "./paper";
import { fontkit, FontChain } from "./pdf-fonts";
import { isRightToLeftParagraph, layoutParagraph, prepareText, type PrintedLine } from "./pdf-text";
import type { ExportableAssessment, ExportOptions, ExportProblem, FormatOutput } from "./types";

const MARGIN = 56;
const FOOTER_SIZE = 9;
const GREY = rgb(0.35, 0.35, 0.35);
const BLACK = rgb(0, 0, 0);

type Style = { weight: "regular" | "bold"; size: number; indent: number; hanging?: string; grey?: boolean };
type Paragraph = { text: string; style: Style; spaceBefore: number };
type LaidOutLine = PrintedLine & { style: Style; label: string | null; isRtl: boolean; spaceBefore: number };

const STYLES = {
  title: { weight: "bold", size: 17, indent: 0 },
  note: { weight: "regular", size: 10, indent: 0, grey: true },
  question: { weight: "bold", size: 11.5, indent: 0 },
  bloom: { weight: "regular", size: 9, indent: 0, grey: true },
  option: { weight: "regular", size: 11, indent: 14 },
  correctOption: { weight: "bold", size: 11, indent: 14 },
  answer: { weight: "bold", size: 11, indent: 0 },
  explanation: { weight: "regular", size: 10.5, indent: 0 },
} satisfies Record<string, Style>;

/**
 * A printable question paper, or with kind "answer-key" the key. Lines wrap to the page, a question
 * moves whole to the next page when it fits there, pages are numbered "Page n of N". Text in any
 * script the bundled fonts cover prints (right-to-left lines included); any other character prints
 * as □ and is reported.
 */
export async function exportPdf(
  assessment: ExportableAssessment,
  kind: PaperKind,
  options: ExportOptions = {},
): Promise<FormatOutput> {
  const paper = PAPER_POINTS[options.paper ?? "a4"];
  const includeBloom = options.includeBloom ?? true;
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const title = assessment.title + (kind === "answer-key" ? ANSWER_KEY_SUFFIX : "");
  document.setTitle(title);
  document.setCreator("Bloomery");
  document.setProducer("Bloomery");
  if (assessment.createdAt) {
    document.setCreationDate(assessment.createdAt);
    document.setModificationDate(assessment.createdAt);
  }
  const chains = await FontChain.loadPair(document);
  const problems: ExportProblem[] = [];
  const contentWidth = paper.width - 2 * MARGIN;

  const layout = async (paragraphs: Paragraph[], question?: number): Promise<LaidOutLine[]> => {
    const missing = new Set<string>();
    const lines: LaidOutLine[] = [];
    for (const { text, style, spaceBefore } of paragraphs) {
      const chain = chains[style.weight];
      await chain.embedFacesFor(style.hanging ?? "");
      const labelWidth = style.hanging ? chain.get(0).widthOfTextAtSize(`${style.hanging} `, style.size) : 0;
      // A line break the author typed starts a new line; each such line is its own bidi paragraph.
      for (const [lineIndex, textLine] of text.split(/\r\n|\r|\n/).entries()) {
        const prepared = prepareText(textLine, chain);
        prepared.missing.forEach((char) => missing.add(char));
        await chain.embedFacesFor(prepared.text);
        const isRtl = isRightToLeftParagraph(prepared.text);
        const printed = layoutParagraph(prepared.text, chain, style.size, contentWidth - style.indent - labelWidth);
        printed.forEach((line, i) => {
          const isFirst = lineIndex === 0 && i === 0;
          lines.push({ ...line, style, label: isFirst ? (style.hanging ?? null) : null, isRtl, spaceBefore: isFirst ? spaceBefore : 0 });
        });
      }
    }
    if (missing.size > 0) {
      problems.push({
        ...(question !== undefined ? { question } : {}),
        code: "glyphs-missing",
        message: `No bundled font has ${[...missing].join(" ")}; the PDF prints □ in its place.`,
      });
    }
    return lines;
  };

  const header: Paragraph[] = [{ text: title, style: STYLES.title, spaceBefore: 0 }];
  if (kind === "questions") {
    header.push({ text: "Name: ______________________________    Date: ______________", style: STYLES.note, spaceBefore: 10 });
  }
  const blocks: LaidOutLine[][] = [await layout(header)];
  for (const [index, mcq] of assessment.questions.entries()) {
    const printed = describePaperQuestion(mcq, index, kind, includeBloom);
    const paragraphs: Paragraph[] = [{ text: printed.heading, style: STYLES.question, spaceBefore: 16 }];
    if (printed.bloomLabel) paragraphs.push({ text: printed.bloomLabel, style: STYLES.bloom, spaceBefore: 1 });
    printed.options.forEach((option) =>
      paragraphs.push({
        text: option.isCorrect ? `${option.text} ${CORRECT_MARK}` : option.text,
        style: { ...(option.isCorrect ? STYLES.correctOption : STYLES.option), hanging: option.label },
        spaceBefore: 4,
      }),
    );
    if (printed.answerLine) paragraphs.push({ text: printed.answerLine, style: STYLES.answer, spaceBefore: 6 });
    if (printed.explanation) paragraphs.push({ text: printed.explanation, style: STYLES.explanation, spaceBefore: 3 });
    blocks.push(await layout(paragraphs, index + 1));
  }

  drawBlocks(document, blocks, chains, paper);
  await drawPageNumbers(document, chains.regular);
  return { bytes: await document.save(), problems };
}

function lineHeight(line: LaidOutLine): number {
  return line.style.size * 1.35;
}

function blockHeight(block: LaidOutLine[]): number {
  return block.reduce((sum, line) => sum + line.spaceBefore + lineHeight(line), 0);
}

function drawBlocks(
  document: PDFDocument,
  blocks: LaidOutLine[][],
  chains: { regular: FontChain; bold: FontChain },
  paper: { width: number; height: number },
): void {
  const top = paper.height - MARGIN;
  const bottom = MARGIN + FOOTER_SIZE * 2;
  let page: PDFPage = document.addPage([paper.width, paper.height]);
  let y = top;
  for (const block of blocks) {
    // A question that would straddle a page break but fits on one page starts a new page.
    if (y - blockHeight(block) < bottom && blockHeight(block) <= top - bottom && y < top) {
      page = document.addPage([paper.width, paper.height]);
      y = top;
    }
    for (const line of block) {
      const height = line.spaceBefore + lineHeight(line);
      if (y - height < bottom) {
        page = document.addPage([paper.width, paper.height]);
        y = top;
      }
      y -= y === top ? lineHeight(line) : height;
      const chain = chains[line.style.weight];
      const color = line.style.grey ? GREY : BLACK;
      const left = MARGIN + line.style.indent;
      let textLeft = left;
      if (line.style.hanging) {
        const labelFont = chain.get(0);
        textLeft += labelFont.widthOfTextAtSize(`${line.style.hanging} `, line.style.size);
        if (line.label) page.drawText(line.label, { x: left, y, size: line.style.size, font: labelFont, color });
      }
      let x = line.isRtl ? paper.width - MARGIN - line.width : textLeft;
      for (const run of line.runs) {
        const font = chain.get(run.face);
        page.drawText(run.text, { x, y, size: line.style.size, font, color });
        x += font.widthOfTextAtSize(run.text, line.style.size);
      }
    }
  }
}

async function drawPageNumbers(document: PDFDocument, chain: FontChain): Promise<void> {
  const pages = document.getPages();
  await chain.embedFacesFor("Page 0123456789 of");
  const font = chain.get(0);
  pages.forEach((page, i) => {
    const text = `Page ${i + 1} of ${pages.length}`;
    const width = font.widthOfTextAtSize(text, FOOTER_SIZE);
    page.drawText(text, { x: (page.getWidth() - width) / 2, y: MARGIN / 2, size: FOOTER_SIZE, font, color: GREY });
  });
}
