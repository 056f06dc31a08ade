-- Ranking axes (issue 11, decision 029): an axis that orders all of an item's responses.
ALTER TYPE "AxisTarget" ADD VALUE 'RANKING';
