export type MedecSentence = { id: string; text: string };

/**
 * MEDEC's Sentences column: "<id> <sentence>" lines numbered 0, 1, 2, … Upstream segmentation
 * splits some sentences mid-way ("6 Her pulse is" / "7 106/min …"); those are kept as given. Lines
 * without an id (lab values) continue the previous sentence with their line break as in the file;
 * blank lines are dropped. A number out of sequence is a problem at its line (`line`: 0-based
 * within the column), never a silent merge: the official test set has a note whose sentence 31
 * sits inside the line of sentence 30, and reading on would have folded the rest of the note into
 * sentence 30.
 */
export function parseSentences(column: string): { sentences: MedecSentence[] } | { line: number; problem: string } {
  const sentences: MedecSentence[] = [];
  const parts = column.split(/(\r?\n)/); // lines at even positions, their line breaks between
  for (let k = 0; k < parts.length; k += 2) {
    const line = parts[k];
    const lineNo = k / 2;
    const m = /^(\d+)(?: (.*))?$/.exec(line);
    if (m) {
      const n = Number(m[1]);
      const expected = sentences.length;
      if (n !== expected) {
        if (!expected) return { line: lineNo, problem: `Sentences must start with sentence 0; the first line is numbered ${n}.` };
        if (n > expected) return { line: lineNo, problem: `sentence ${expected} is missing: after sentence ${expected - 1} comes a line numbered ${n}. Is sentence ${expected} inside the line before?` };
        return { line: lineNo, problem: `a line numbered ${n} comes after sentence ${expected - 1}: sentence numbers must run 0, 1, 2, … in order.` };
      }
      sentences.push({ id: m[1], text: m[2] ?? "" });
    } else if (line.trim()) {
      if (!sentences.length) return { line: lineNo, problem: 'Sentences must be "<id> <sentence>" lines numbered from 0; the first line has no number.' };
      sentences[sentences.length - 1].text += `${parts[k - 1]}${line}`; // the line break before it
    }
  }
  return { sentences };
}
