-- Source-grounded summaries (issue 13): an item kind whose responses summarize a source document.
ALTER TYPE "ItemKind" ADD VALUE IF NOT EXISTS 'SUMMARY';
