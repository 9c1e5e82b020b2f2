import { makeIdentifier, zipTextFiles } from "./package";
import {
  escapeXml,
  findCorrectIndex,
  makeQuestionName,
  OPTION_LETTERS,
  removeXmlIllegalCharacters,
  removeXmlIllegalFromText,
  toHtmlParagraph,
} from "./text";
import type { ExportableAssessment, FormatOutput } from "./types";

/**
 * QTI 1.2 package as Canvas Classic Quizzes imports it (Canvas exports the same shape): a manifest,
 * the questestinterop file and Canvas's assessment_meta.xml with the quiz settings. Each question
 * is a multiple_choice_question worth 1 point; the explanation is its general feedback ("neutral
 * comments" in Canvas) and the Bloom level a metadata field.
 */
export function exportQti12(assessment: ExportableAssessment): FormatOutput {
  const { questions, problems } = removeXmlIllegalCharacters(assessment.questions);
  const title = removeXmlIllegalFromText(assessment.title).replace(/\s+/g, " ").trim();
  const seed = [title, ...questions.map((mcq) => mcq.question)];
  const assessmentId = makeIdentifier("assessment", ...seed);
  const manifestId = makeIdentifier("manifest", ...seed);
  const metaId = makeIdentifier("meta", ...seed);
  const items = questions.map((mcq, index) => {
    const itemId = makeIdentifier("item", assessmentId, String(index), mcq.question);
    const choiceIds = OPTION_LETTERS.map((letter) => `${itemId}_${letter}`);
    const correctId = choiceIds[findCorrectIndex(mcq)];
    const metadata: [string, string][] = [
      ["question_type", "multiple_choice_question"],
      ["points_possible", "1.0"],
      ["original_answer_ids", choiceIds.join(",")],
      ["assessment_question_identifierref", `${itemId}_ref`],
      ["bloom_level", mcq.bloom_level],
    ];
    return `      <item ident="${itemId}" title="${escapeXml(makeQuestionName(index, mcq))}">
        <itemmetadata>
          <qtimetadata>
${metadata.map(([label, entry]) => `            <qtimetadatafield><fieldlabel>${label}</fieldlabel><fieldentry>${entry}</fieldentry></qtimetadatafield>`).join("\n")}
          </qtimetadata>
        </itemmetadata>
        <presentation>
          <material><mattext texttype="text/html">${escapeXml(toHtmlParagraph(mcq.question))}</mattext></material>
          <response_lid ident="response1" rcardinality="Single">
            <render_choice>
${mcq.options.map((option, i) => `              <response_label ident="${choiceIds[i]}"><material><mattext texttype="text/html">${escapeXml(toHtmlParagraph(option))}</mattext></material></response_label>`).join("\n")}
            </render_choice>
          </response_lid>
        </presentation>
        <resprocessing>
          <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
          <respcondition continue="Yes">
            <conditionvar><other/></conditionvar>
            <displayfeedback feedbacktype="Response" linkrefid="general_fb"/>
          </respcondition>
          <respcondition continue="No">
            <conditionvar><varequal respident="response1">${correctId}</varequal></conditionvar>
            <setvar action="Set" varname="SCORE">100</setvar>
          </respcondition>
        </resprocessing>
        <itemfeedback ident="general_fb">
          <flow_mat><material><mattext texttype="text/html">${escapeXml(toHtmlParagraph(mcq.explanation))}</mattext></material></flow_mat>
        </itemfeedback>
      </item>`;
  });

  const assessmentXml = `<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">
  <assessment ident="${assessmentId}" title="${escapeXml(title)}">
    <qtimetadata>
      <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield>
    </qtimetadata>
    <section ident="root_section">
${items.join("\n")}
    </section>
  </assessment>
</questestinterop>
`;
  const metaXml = `<?xml version="1.0" encoding="UTF-8"?>
<quiz identifier="${assessmentId}" xmlns="http://canvas.instructure.com/xsd/cccv1p0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd">
  <title>${escapeXml(title)}</title>
  <description></description>
  <shuffle_answers>false</shuffle_answers>
  <scoring_policy>keep_highest</scoring_policy>
  <quiz_type>assignment</quiz_type>
  <points_possible>${questions.length.toFixed(1)}</points_possible>
  <show_correct_answers>true</show_correct_answers>
  <allowed_attempts>1</allowed_attempts>
  <one_question_at_a_time>false</one_question_at_a_time>
  <cant_go_back>false</cant_go_back>
  <available>false</available>
</quiz>
`;
  const manifestXml = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${manifestId}" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">
  <metadata>
    <schema>IMS Content</schema>
    <schemaversion>1.1.3</schemaversion>
  </metadata>
  <organizations/>
  <resources>
    <resource identifier="${assessmentId}" type="imsqti_xmlv1p2">
      <file href="${assessmentId}/${assessmentId}.xml"/>
      <dependency identifierref="${metaId}"/>
    </resource>
    <resource identifier="${metaId}" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" href="${assessmentId}/assessment_meta.xml">
      <file href="${assessmentId}/assessment_meta.xml"/>
    </resource>
  </resources>
</manifest>
`;
  const bytes = zipTextFiles(
    {
      "imsmanifest.xml": manifestXml,
      [`${assessmentId}/${assessmentId}.xml`]: assessmentXml,
      [`${assessmentId}/assessment_meta.xml`]: metaXml,
    },
    assessment.createdAt,
  );
  return { bytes, problems };
}
