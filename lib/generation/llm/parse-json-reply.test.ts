import { describe, expect, it } from "vitest";
import { readQuestionList } from "./parse-json-reply";

const items = [{ question: "Q1?" }, { question: "Q2?" }];
const json = JSON.stringify({ mcqs: items });

function itemsOf(reply: string): unknown[] {
  const result = readQuestionList(reply);
  if ("reason" in result) throw new Error(result.reason);
  return result.items;
}

describe("readQuestionList", () => {
  it.each([
    ["bare JSON", json],
    ["a fenced json block", `\`\`\`json\n${json}\n\`\`\``],
    ["a fence with prose around it", `Here are your questions:\n\`\`\`\n${json}\n\`\`\`\nLet me know if you need more.`],
    ["prose before and after without a fence", `Sure! ${json} I hope these help.`],
    ["a reasoning block first", `<think>The user wants {"mcqs": []} maybe?</think>\n${json}`],
    ["trailing commas", `{"mcqs": [{"question": "Q1?",}, {"question": "Q2?"},],}`],
    ["a bare array", JSON.stringify(items)],
    ["another key", JSON.stringify({ questions: items })],
    ["a nested list", JSON.stringify({ quiz: { title: "x", questions: items } })],
    ["double-encoded JSON", JSON.stringify(json)],
    ["braces inside strings", `Note: use {braces} carefully. ${JSON.stringify({ mcqs: [{ question: "Is } a brace?" }, { question: "Q2?" }] })}`],
  ])("finds the list in %s", (_name, reply) => {
    expect(itemsOf(reply)).toHaveLength(2);
  });

  it("takes a single question object as a list of one", () => {
    expect(itemsOf(JSON.stringify({ question: "Q?", options: [] }))).toHaveLength(1);
  });

  it("says why when there is no JSON or no list in it", () => {
    expect(readQuestionList("I cannot help with that.")).toEqual({ reason: expect.stringMatching(/not JSON/) });
    expect(readQuestionList('{"message": "done"}')).toEqual({ reason: expect.stringMatching(/no list of questions/) });
    expect(readQuestionList("  ")).toEqual({ reason: "the reply was empty" });
  });
});
