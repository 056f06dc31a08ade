-- Per-turn axes (issue 11, decision 033): rated once per AI turn of a dialogue response.
ALTER TYPE "AxisTarget" ADD VALUE 'TURN';
