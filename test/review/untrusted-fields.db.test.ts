import { createElement, type ReactElement } from "react";
import { renderInEnglish } from "@/test/support/render";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";
import { CriteriaChecklist } from "@/components/review/tools/criteria/criteria-checklist";
import { DifferentialGrading } from "@/components/review/tools/ddx-match/differential-grading";
import { ItemView } from "@/components/review/item-view";
import { ActionAnnotator } from "@/components/review/tools/actions/action-annotator";
import { CitationChecks } from "@/components/review/tools/citations/citation-check";
import { ModelRegionList, ShapeList } from "@/components/review/tools/regions/region-lists";
import { RecordBrowser } from "@/components/review/tools/record-links/record-browser";
import type { PatientRecordView } from "@/lib/items/record-view";
import { groundingClient } from "@/components/review/tools/grounding";
import { ResponseBody } from "@/components/review/response-body";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview, type ReviewPayload } from "@/lib/assignments/load-for-review";
import { getDb } from "@/lib/db/client";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import type { Element, Root } from "hast";
import { findExecutable, markersIn, partOf, squash, visibleText } from "@/test/support/inspect-html";
import { asActor } from "@/test/support/study";
import type { ToolId } from "@/lib/tools/types";

// Issue 7, every field a reviewer sees, in every item kind, through the real path: import →
// loadAssignmentForReview → the review page's components rendered to HTML. Each field carries
// payloads named after it; for each: nothing executable, its source visible, refused parts marked.

const HTML = (field: string) => [`<img src="${field}" onerror="alert('${field}')">`, `<script>alert('${field}')</script>`];
/** Plain-text fields: raw HTML only (nothing else is interpreted there). */
const plain = (field: string) => `${field}: ${HTML(field).join(" and ")}`;
/** Markdown fields: raw HTML, an unsafe link, a remote image and a refused TeX command. */
const md = (field: string) => `${plain(field)}, [see ${field}](javascript:alert("${field}")), ![${field}](https://tracker.example/${field}.gif), $\\href{javascript:alert("${field}")}{x}$`;

function expectMarked(html: string | Root, field: string, markdown: boolean) {
  expect(findExecutable(html), field).toEqual([]);
  const text = visibleText(html);
  const markers = markersIn(html);
  const marked = (kind: string, piece: string) => markers.some((m) => m.kind === kind && m.text.includes(squash(piece)));
  for (const piece of HTML(field)) {
    expect(text, field).toContain(piece);
    // An inline <script>…</script> is two markers (open and close tag) around its text.
    expect(marked("html", piece.startsWith("<script") ? "<script>" : piece), `${field}: ${piece}`).toBe(true);
  }
  if (!markdown) return;
  expect(marked("link", `javascript:alert("${field}")`), `${field}: link`).toBe(true);
  expect(marked("image", `https://tracker.example/${field}.gif`), `${field}: image`).toBe(true);
  expect(marked("math", `\\href{javascript:alert("${field}")}{x}`), `${field}: math`).toBe(true);
}

// Components translate their own text: rendered inside the provider, in English.
const html = (element: ReactElement) => renderInEnglish(element);
const noop = () => undefined;

describe("every field of every item kind shows untrusted markup marked, never run or dropped", () => {
  it("qa, mcq, dialogue, vqa, note, ddx and trajectory items", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
    const project = await createProject(admin.id, {
      name: "Payloads",
      slug: `payloads-${Date.now().toString(36)}`,
      template: "healthbench-criteria",
      reviewersPerItem: 1,
      guidelines: md("guidelines"),
      settings: { imageHosts: ["img.example"], dialogueTarget: "whole_dialogue" },
    });
    const response = (field: string) => ({ modelName: "m", content: md(`${field}-content`), reasoning: md(`${field}-reasoning`) });
    await seedItems(admin.id, project.id, [
      { kind: "qa", externalId: "p-qa", question: md("qa-question"), context: md("qa-context"), responses: [{ ...response("qa"), citations: [{ claim: plain("cite-claim"), title: plain("cite-title"), url: plain("cite-url"), passage: plain("cite-passage") }] }], criteria: [{ criterion: plain("criterion"), points: 5 }] },
      { kind: "mcq", externalId: "p-mcq", question: md("mcq-question"), options: { A: md("option-A"), "<i>": md("option-i") }, responses: [{ ...response("mcq"), choice: "<i>" }] },
      { kind: "dialogue", externalId: "p-dlg", turns: [{ role: "patient", content: md("turn-0") }, { role: "assistant", content: md("turn-1") }], responses: [{ ...response("dlg"), turns: [{ role: "assistant", content: md("response-turn") }] }] },
      { kind: "vqa", externalId: "p-vqa", question: md("vqa-question"), images: [{ src: "https://img.example/x.png", modality: plain("modality"), caption: plain("caption") }], responses: [{ ...response("vqa"), regions: [{ image: 0, label: plain("region-label"), box: [1, 1, 5, 5] }] }] },
      { kind: "note", externalId: "p-note", text: "x", sentences: [{ id: 0, text: plain("sentence-0") }, { id: 1, text: "Plain sentence." }], responses: [] },
      { kind: "ddx", externalId: "p-ddx", case: md("case"), responses: [{ modelName: "m", differential: [{ diagnosis: plain("diagnosis-0"), rationale: md("rationale-0") }] }] },
      {
        kind: "record", externalId: "p-rec", question: md("record-question"),
        record: { patient: { name: plain("patient-name") }, entries: [{ id: "e1", section: "lab", date: "2024-01-01", title: plain("entry-title"), value: plain("entry-value"), unit: plain("entry-unit"), range: { text: plain("entry-range") }, status: plain("entry-status"), text: plain("entry-text") }] },
        responses: [{ modelName: "m", content: plain("record-output") }],
      },
      { kind: "summary", externalId: "p-sum", instruction: md("summary-instruction"), source: plain("summary-source"), responses: [{ modelName: "m", content: plain("summary-text") }] },
      {
        kind: "trajectory", externalId: "p-traj", case: md("agent-case"), tools: [{ name: plain("tool-name"), description: plain("tool-description") }],
        responses: [{ modelName: "m", actions: [
          { type: "thought", content: md("action-thought") },
          { type: "tool_call", tool: plain("called-tool"), arguments: plain("tool-arguments") },
          { type: "tool_result", result: plain("tool-result") },
          { type: "test", test: plain("test-name") },
        ] }],
      },
    ]);
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 3 });
    const payloads: ReviewPayload[] = [];
    for (const a of await getDb().assignment.findMany({ where: { reviewerId: reviewer.id } })) payloads.push(await loadAssignmentForReview(reviewer, a.id));
    const byKind = Object.fromEntries(payloads.map((p) => [p.item.kind, p]));
    expect(Object.keys(byKind).sort()).toEqual(["ddx", "dialogue", "mcq", "note", "qa", "record", "summary", "trajectory", "vqa"]);

    expectMarked(html(createElement(Markdown, { html: byKind.qa.project.guidelinesHtml })), "guidelines", true);

    const item = (kind: string) => html(createElement(ItemView, { item: byKind[kind].item }));
    for (const field of ["qa-question", "qa-context"]) expectMarked(item("qa"), field, true);
    for (const field of ["mcq-question", "option-A", "option-i"]) expectMarked(item("mcq"), field, true);
    for (const field of ["turn-0", "turn-1"]) expectMarked(item("dialogue"), field, true);
    // The image viewer's own buttons and the allow-listed image are the app's, not the item's text.
    expectMarked(partOf(item("vqa"), "question"), "vqa-question", true);
    for (const field of ["caption", "modality"]) expectMarked(partOf(item("vqa"), "image-caption"), field, false);
    expectMarked(item("note"), "sentence-0", false);
    expectMarked(item("ddx"), "case", true);
    expectMarked(item("trajectory"), "agent-case", true);
    expectMarked(item("summary"), "summary-instruction", true);
    // A summary and its source, each in the span annotator's text layer (the label buttons are the app's).
    const sum = byKind.summary;
    const grounding = html(createElement(groundingClient.ResponsePanel!, { response: sum.responses[0], block: {} as never, setBlock: noop, data: { responses: {}, item: { ratings: {}, comments: {} }, pair: { ratings: {}, comments: {}, strength: {} }, overallComment: "" }, update: noop, axes: [], criteria: [], responses: sum.responses, problemAt: new Map(), enabled: new Set<ToolId>(), statements: [], stepSettings: { errorTypes: [], requireKind: false }, settings: { askConfidence: false, pairwiseStrength: false }, argumentReview: sum.argumentReview, suggestions: null, readOnly: false, summarySource: (sum.item as { source: string }).source }));
    expect(findExecutable(partOf(grounding, "argument-text-layer"))).toEqual([]);
    for (const field of ["summary-text", "summary-source"]) expect(visibleText(grounding)).toContain(`${field}: <img src="${field}"`);
    for (const field of ["tool-name", "tool-description"]) expectMarked(item("trajectory"), field, false);
    // A patient record: every field of the header and the entries is text, in the record browser.
    expectMarked(item("record"), "record-question", true);
    const rec = byKind.record.item as { record: PatientRecordView };
    const browser = html(createElement(RecordBrowser, { record: rec.record, linked: new Set<string>(), onToggle: null }));
    for (const field of ["patient-name", "entry-title", "entry-value", "entry-unit", "entry-range", "entry-status", "entry-text"]) expectMarked(partOf(browser, (node: Element) => node.tagName === "dl" || node.tagName === "ol"), field, false);
    // A model's own region label (the regions tool's list; the verdict buttons are the app's), and the
    // response's sentences offered as link targets (option text: nothing there is interpreted).
    const regionReview = byKind.vqa.regionReview!;
    expectMarked(partOf(html(createElement(ModelRegionList, { review: regionReview, verdicts: {}, responseName: () => "Response A", readOnly: false, problemAt: new Map(), onVerdict: noop, focusKey: null })), "model-region-label"), "region-label", false);
    const shapeList = html(createElement(ShapeList, { shapes: [{ id: "s", image: 0, kind: "box", points: [[1, 1], [4, 4]] }], labels: [], review: regionReview, responseName: () => "Response A", spacingOf: () => null, selected: null, readOnly: false, problemAt: new Map(), onSelect: noop, onChange: noop, onDelete: noop }));
    const sentences = partOf(shapeList, (node: Element) => node.tagName === "optgroup");
    expect(findExecutable(sentences)).toEqual([]);
    expect(visibleText(sentences)).toContain("vqa-content: <img src=\"vqa-content\"");
    // The mcq option key "<i>" is item text too: marked in the option list and in the model's choice.
    expect(markersIn(item("mcq")).some((m) => m.text === "<i>")).toBe(true);

    for (const [kind, prefix] of [["qa", "qa"], ["mcq", "mcq"], ["dialogue", "dlg"], ["vqa", "vqa"]] as const) {
      const body = html(createElement(ResponseBody, { response: byKind[kind].responses[0] }));
      for (const field of [`${prefix}-content`, `${prefix}-reasoning`]) expectMarked(body, field, true);
      if (kind === "mcq") expect(markersIn(body).some((m) => m.text === "<i>")).toBe(true);
      if (kind === "dialogue") expectMarked(body, "response-turn", true);
    }

    // The grading widgets' radio buttons and note fields are the app's; their text parts are the item's.
    const textOf = (row: string) => (node: Element, ancestors: Element[]) =>
      ancestors.at(-1)?.properties.dataNav === row && (node.tagName === "p" || String(node.properties.className).includes("prose-md"));
    const ddx = byKind.ddx.responses[0];
    const listed = html(createElement(ResponseBody, { response: ddx }));
    const graded = partOf(html(createElement(DifferentialGrading, { response: ddx, marks: {}, onChange: noop })), textOf("entry"));
    for (const body of [listed, graded]) {
      expectMarked(body, "diagnosis-0", false);
      expectMarked(body, "rationale-0", true);
    }

    // An agent's run: thoughts are markdown; tool names, arguments, results and tests are text (JSON shown formatted).
    const run = byKind.trajectory;
    const annotator = html(createElement(ActionAnnotator, { response: run.responses[0], block: {} as never, setBlock: noop, data: { responses: {}, item: { ratings: {}, comments: {} }, pair: { ratings: {}, comments: {}, strength: {} }, overallComment: "" }, update: noop, axes: [], criteria: [], responses: run.responses, problemAt: new Map(), enabled: new Set<ToolId>(), statements: [], stepSettings: { errorTypes: [], requireKind: false }, settings: { askConfidence: false, pairwiseStrength: false }, argumentReview: run.argumentReview, suggestions: null, readOnly: false }));
    // The verdict buttons and fields are the app's; the run's text is in each action's head and body.
    const runText = (node: Element) => node.properties.dataTestid === "action-head" || node.properties.dataTestid === "action-body";
    expectMarked(partOf(annotator, runText), "action-thought", true);
    for (const field of ["called-tool", "tool-arguments", "tool-result", "test-name"]) expectMarked(partOf(annotator, runText), field, false);

    // Cited sources: claim, title, address and passage are the model's text; addresses are never links.
    const emptyDoc = { responses: {}, item: { ratings: {}, comments: {} }, pair: { ratings: {}, comments: {}, strength: {} }, overallComment: "" };
    const checks = html(createElement(CitationChecks, { response: byKind.qa.responses[0], block: {} as never, setBlock: noop, data: emptyDoc, update: noop, axes: [], criteria: [], responses: byKind.qa.responses, problemAt: new Map(), enabled: new Set<ToolId>(), statements: [], stepSettings: { errorTypes: [], requireKind: false }, settings: { askConfidence: false, pairwiseStrength: false }, argumentReview: byKind.qa.argumentReview, suggestions: null, readOnly: false }));
    for (const field of ["cite-claim", "cite-title", "cite-url", "cite-passage"]) expectMarked(partOf(checks, "citation-text"), field, false);
    expect(checks).not.toContain("<a ");

    const criteria = html(createElement(CriteriaChecklist, { responseId: byKind.qa.responses[0].id, criteria: byKind.qa.criteria, marks: {}, onChange: noop }));
    expectMarked(partOf(criteria, textOf("criterion")), "criterion", false);
  });
});
