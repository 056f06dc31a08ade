// What a format reader could not read, located for the person who must fix the file. Readers
// return every issue they find together with what they could read; whether one issue stops an
// import (all-or-nothing) is the caller's decision.

export type FormatIssue = {
  /** File name as the reader was given it (e.g. "10735891.ann"). */
  file?: string;
  /** 1-based line in that file, when the problem has one. */
  line?: number;
  message: string;
};

/** "10735891.ann, line 3: …" */
export function describeIssue(issue: FormatIssue): string {
  const where = [issue.file, issue.line === undefined ? undefined : `line ${issue.line}`].filter(Boolean).join(", ");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Splits file content into lines as the readers count them: LF or CRLF, a final line break ends
 * the last line, a byte-order mark before the first line is dropped (editors on Windows add one;
 * no offset points into these files — a brat .txt is never split here and keeps its mark).
 */
export function splitLines(content: string): string[] {
  const lines = content.replace(/^\uFEFF/, "").split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Shortens a text for a message, keeping its start and end. */
export function quote(text: string, max = 60): string {
  const points = Array.from(text);
  const shown = points.length <= max ? text : `${points.slice(0, max - 20).join("")}…${points.slice(-19).join("")}`;
  return JSON.stringify(shown);
}
