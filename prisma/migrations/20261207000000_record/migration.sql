-- Long structured patient records (issue 13): an item kind whose input is a timeline of record entries.
ALTER TYPE "ItemKind" ADD VALUE IF NOT EXISTS 'RECORD';
