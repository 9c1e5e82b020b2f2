import { makeIdentifier, zipTextFiles } from "./package";
import {
  escapeXml,
  findCorrectIndex,
  makeQuestionName,
  OPTION_LETTERS,
  removeXmlIllegalCharacters,
  removeXmlIllegalFromText,
} from "./text";
import type { ExportableAssessment, FormatOutput } from "./types";

const QTI_NAMESPACE =
  'xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"';

/**
 * QTI 2.1 content package: one assessmentItem per question (choiceInteraction, single cardinality,
 * correctResponse for importers that need it), an assessmentTest listing them, and imsmanifest.xml.
 * The explanation is modal feedback shown once answered; the Bloom level is a LOM keyword on the
 * item's manifest entry.
 */
export function exportQti21(assessment: ExportableAssessment): FormatOutput {
  const { questions, problems } = removeXmlIllegalCharacters(assessment.questions);
  const title = removeXmlIllegalFromText(assessment.title).replace(/\s+/g, " ").trim();
  const seed = [title, ...questions.map((mcq) => mcq.question)];
  const testId = makeIdentifier("test", ...seed);
  const files: Record<string, string> = {};
  const items = questions.map((mcq, index) => {
    const id = makeIdentifier("item", testId, String(index), mcq.question);
    const href = `items/${id}.xml`;
    const correct = OPTION_LETTERS[findCorrectIndex(mcq)];
    files[href] = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem ${QTI_NAMESPACE} identifier="${id}" title="${escapeXml(makeQuestionName(index, mcq))}" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>${correct}</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
    <defaultValue><value>0</value></defaultValue>
  </outcomeDeclaration>
  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
      <prompt>${toQtiText(mcq.question)}</prompt>
${mcq.options.map((option, i) => `      <simpleChoice identifier="${OPTION_LETTERS[i]}">${toQtiText(option)}</simpleChoice>`).join("\n")}
    </choiceInteraction>
  </itemBody>
  <responseProcessing>
    <responseCondition>
      <responseIf>
        <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
      </responseIf>
      <responseElse>
        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue>
      </responseElse>
    </responseCondition>
    <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">EXPLANATION</baseValue></setOutcomeValue>
  </responseProcessing>
  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="EXPLANATION" showHide="show">${toQtiText(mcq.explanation)}</modalFeedback>
</assessmentItem>
`;
    return { id, href, bloom: mcq.bloom_level };
  });

  files["assessment.xml"] = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentTest ${QTI_NAMESPACE} identifier="${testId}" title="${escapeXml(title)}">
  <testPart identifier="part_1" navigationMode="nonlinear" submissionMode="simultaneous">
    <assessmentSection identifier="section_1" title="${escapeXml(title)}" visible="true">
${items.map((item) => `      <assessmentItemRef identifier="${item.id}" href="${item.href}"/>`).join("\n")}
    </assessmentSection>
  </testPart>
</assessmentTest>
`;
  const manifestId = makeIdentifier("manifest", ...seed);
  files["imsmanifest.xml"] = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${manifestId}" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">
  <metadata>
    <schema>QTIv2.1 Package</schema>
    <schemaversion>1.0.0</schemaversion>
  </metadata>
  <organizations/>
  <resources>
    <resource identifier="${testId}" type="imsqti_test_xmlv2p1" href="assessment.xml">
      <file href="assessment.xml"/>
${items.map((item) => `      <dependency identifierref="${item.id}"/>`).join("\n")}
    </resource>
${items
  .map(
    (item) => `    <resource identifier="${item.id}" type="imsqti_item_xmlv2p1" href="${item.href}">
      <metadata>
        <imsmd:lom><imsmd:general><imsmd:keyword><imsmd:string>bloom-${item.bloom}</imsmd:string></imsmd:keyword></imsmd:general></imsmd:lom>
      </metadata>
      <file href="${item.href}"/>
    </resource>`,
  )
  .join("\n")}
  </resources>
</manifest>
`;
  return { bytes: zipTextFiles(files, assessment.createdAt), problems };
}

// QTI 2.1 content is XHTML in the QTI namespace: escaped text, with <br/> for line breaks.
function toQtiText(text: string): string {
  return escapeXml(text).replace(/\r\n|\r|\n/g, "<br/>");
}
