// Material for the documents tests and the browser test: a short lesson written for them, as a
// PDF with a heading per page, so every question generated from it can be traced to a page.
// Not imported by application code.
import { makeTextPdf, type PdfFixturePage } from "../ingest/test-fixtures";

export const WATER_CYCLE_PAGES: PdfFixturePage[] = [
  {
    heading: "Evaporation",
    paragraphs: [
      "The water cycle is the continuous movement of water between the oceans, the air and the land. The Sun drives the water cycle by heating the surface of the oceans.",
      "Evaporation is the change of liquid water into water vapour. Warm water evaporates faster than cold water because its molecules move more quickly. Transpiration is the release of water vapour from the leaves of plants.",
    ],
  },
  {
    heading: "Condensation",
    paragraphs: [
      "Condensation is the change of water vapour into liquid droplets. Air cools as it rises, and cool air holds less water vapour than warm air.",
      "Clouds form when water vapour condenses on tiny particles of dust in the air. Dew forms on grass when the ground cools during a clear night.",
    ],
  },
  {
    heading: "Precipitation",
    paragraphs: [
      "Precipitation is water that falls from clouds as rain, snow, sleet or hail. Rain falls when cloud droplets join together and become too heavy to stay in the air.",
      "Groundwater is water that soaks into the soil and fills the spaces in rocks. Rivers carry surface runoff back to the oceans, where the cycle begins again.",
    ],
  },
];

/** The water-cycle lesson as a three-page PDF, one heading per page. */
export function makeLessonPdf(): Promise<Uint8Array> {
  return makeTextPdf(WATER_CYCLE_PAGES);
}
