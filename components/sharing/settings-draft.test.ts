import { describe, expect, it } from "vitest";
import { toDraft, toSettingsChange } from "./settings-draft";

describe("the share form's settings draft", () => {
  it("shows stored instants as local wall-clock text and sends them back as the same instants", () => {
    const settings = {
      shuffle_questions: true,
      shuffle_options: false,
      review: "after_date" as const,
      review_at: "2026-12-01T09:30:00.000Z",
      allows_retakes: true,
      closes_at: "2026-12-02T17:00:00.000Z",
    };
    const draft = toDraft(settings);
    expect(draft.reviewAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(new Date(draft.reviewAt).toISOString()).toBe(settings.review_at);
    expect(toSettingsChange(draft)).toEqual(settings);
  });

  it("sends no review date unless answers are shown from a date, and null for an empty closing time", () => {
    const draft = { ...toDraft({ shuffle_questions: false, shuffle_options: false, review: "after_date", review_at: "2026-12-01T09:30:00.000Z", allows_retakes: false, closes_at: null }), review: "never" as const };
    expect(toSettingsChange(draft)).toMatchObject({ review: "never", review_at: null, closes_at: null });
  });
});
