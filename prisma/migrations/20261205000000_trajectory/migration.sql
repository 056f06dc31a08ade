-- Agent trajectories (issue 13): an item kind whose responses are an agent's ordered actions.
ALTER TYPE "ItemKind" ADD VALUE IF NOT EXISTS 'TRAJECTORY';
