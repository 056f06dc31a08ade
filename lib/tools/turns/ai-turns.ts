// Which turns of a response are the AI's (decision 033): a dialogue response that carries its side of
// the conversation (`answer.turns`) is rated turn by turn on the rubric's TURN axes; its `assistant`
// turns are the ones rated, or, in a simulated consultation where the model plays the doctor and no
// turn is marked `assistant` (AMIE-style transcripts), its `clinician` turns. Zod-free: the review
// page and the server both call it.

export type TranscriptTurn = { role: string };

/** Positions (0-based) of the AI turns in a transcript. */
export function aiTurnPositions(turns: readonly TranscriptTurn[] | undefined): number[] {
  const role = turns?.some((t) => t.role === "assistant") ? "assistant" : "clinician";
  const out: number[] = [];
  turns?.forEach((t, i) => {
    if (t.role === role) out.push(i);
  });
  return out;
}

/** "Turn 3 (AI turn 2)": the transcript position and the AI turn's ordinal, both from 1. */
export function turnLabel(position: number, aiTurns: readonly number[]): string {
  const ordinal = aiTurns.indexOf(position);
  return ordinal === -1 ? `Turn ${position + 1}` : `Turn ${position + 1} (AI turn ${ordinal + 1})`;
}
