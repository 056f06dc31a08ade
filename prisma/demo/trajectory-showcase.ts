import { FICTIONAL, SOURCE } from "./types";

// Agent trajectories (issue 13): a sequential-diagnosis case where a gatekeeper reveals findings only
// when asked and every test has a price, run by two fictional agents (one careful, one that orders
// what it does not need and acts on a finding nobody revealed); and a record task in MedAgentBench's
// GET / POST / FINISH protocol with a long run (200 actions) to show that long runs stay navigable.

type Action = Record<string, unknown>;
const ask = (content: string): Action => ({ type: "message", content });
const reveal = (content: string): Action => ({ type: "message", role: "gatekeeper", content });
const test = (name: string, costUsd: number): Action => ({ type: "test", test: name, costUsd });
const result = (value: unknown): Action => ({ type: "tool_result", result: value });

const CASE = `A 34-year-old woman presents with **fever and a cough for five days**. Find the diagnosis.

The gatekeeper answers questions and returns test results only when you ask for them. Every test has a cost.`;

function carefulRun(): Action[] {
  return [
    ask("Any shortness of breath, chest pain or blood in the sputum?"),
    reveal("Mild breathlessness on stairs. Right-sided pain on deep breaths. No blood."),
    { type: "thought", content: "Fever, cough and pleuritic pain suggest **community-acquired pneumonia**; examine and image the chest." },
    ask("Vital signs and chest examination, please."),
    reveal("Temperature 38.6 °C, heart rate 104, respiratory rate 22, SpO₂ 95 % on air. Crackles at the right base."),
    test("Chest X-ray", 80),
    reveal("Right lower-lobe consolidation, no effusion."),
    test("Full blood count and CRP", 30),
    reveal("White cells 14.2 ×10⁹/L, CRP 96 mg/L."),
    { type: "final_answer", content: "**Community-acquired pneumonia**, right lower lobe (CURB-65 score 0): oral amoxicillin and review in 48 hours." },
  ];
}

function wastefulRun(): Action[] {
  return [
    ask("Any travel or sick contacts?"),
    reveal("No travel. Her son had a cold last week."),
    test("CT pulmonary angiogram", 900),
    reveal("No pulmonary embolism. Right lower-lobe consolidation."),
    { type: "thought", content: "The **raised D-dimer** makes embolism likely, so the CT was right." },
    test("Blood cultures", 60),
    reveal("Pending; no growth at 24 hours."),
    test("Full blood count and CRP", 30),
    reveal("White cells 14.2 ×10⁹/L, CRP 96 mg/L."),
    { type: "final_answer", content: "Pneumonia; start IV antibiotics and admit." },
  ];
}

/** A record task: the agent reads the patient's glucose values one day at a time (100 GETs), then answers. */
function longRecordRun(days: number): Action[] {
  const out: Action[] = [];
  for (let d = 1; d <= days; d++) {
    const date = new Date(Date.UTC(2025, 0, d)).toISOString().slice(0, 10);
    out.push({ type: "tool_call", tool: "GET", arguments: { url: `http://fhir.example/Observation?patient=S2874099&code=GLU&date=${date}` } });
    out.push(result({ resourceType: "Bundle", total: 1, entry: [{ resource: { resourceType: "Observation", code: { text: "GLU" }, effectiveDateTime: `${date}T08:00:00Z`, valueQuantity: { value: 90 + ((d * 37) % 60), unit: "mg/dL" } } }] }));
  }
  out.push({ type: "final_answer", content: "The average glucose over the period is 119 mg/dL." });
  return out;
}

export function trajectoryShowcaseItems() {
  return [
    {
      kind: "trajectory" as const,
      externalId: "seqdx-1",
      specialty: "Internal medicine",
      metadata: SOURCE,
      case: CASE,
      responses: [
        { modelName: "aurora-agent", content: "", actions: carefulRun() },
        { modelName: "borealis-agent", content: "", actions: wastefulRun() },
      ],
    },
    {
      kind: "trajectory" as const,
      externalId: "fhir-glucose-1",
      specialty: "Endocrinology",
      metadata: SOURCE,
      case: "What is the patient's average blood glucose (GLU) over January 2025? Patient MRN **S2874099**. Use the FHIR server.",
      tools: [{ name: "GET", description: "Read from the FHIR server (a URL with search parameters)." }, { name: "POST", description: "Write a FHIR resource (a URL and a JSON body)." }],
      responses: [{ modelName: "aurora-agent", content: "", actions: longRecordRun(100) }],
    },
  ];
}

export const TRAJECTORY_GUIDELINES = `## How to judge an agent's run
Each response is an agent's whole run: what it asked, the tools it called and what came back, the tests it ordered (with their cost), its final answer. Judge **each of the agent's own actions** (1–5: correct, incorrect, unsupported, irrelevant, redundant; for a wrong one its severity and error types), mark **each test necessary or not** (Y / N), then rate the run as a whole. Replies from the gatekeeper and tool results are context: they are shown, not judged. J / K move between actions.

${FICTIONAL}`;
