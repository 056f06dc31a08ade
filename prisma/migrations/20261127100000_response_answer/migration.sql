-- Structured answer per item kind (mcq: chosen option; ddx: ranked differential; dialogue rated
-- as a whole: the model's turns). Markdown stays in "content".
ALTER TABLE "Response" ADD COLUMN "answer" JSONB;
