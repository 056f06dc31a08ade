-- Issue 13: typed analysis fields on items and responses, and an item's original when it is a variant.
ALTER TABLE "Item" ADD COLUMN "analysis" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Item" ADD COLUMN "variantOf" TEXT;
ALTER TABLE "Item" ADD CONSTRAINT "Item_variantOf_check" CHECK ("variantOf" IS NULL OR "variantOf" <> "externalId");
-- Variants of an original are looked up per project (paired analyses).
CREATE INDEX "Item_projectId_variantOf_idx" ON "Item"("projectId", "variantOf") WHERE "variantOf" IS NOT NULL;
ALTER TABLE "Response" ADD COLUMN "analysis" JSONB NOT NULL DEFAULT '{}';
