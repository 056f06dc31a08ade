-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'RESEARCHER');
CREATE TYPE "ProjectStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');
CREATE TYPE "ProjectRole" AS ENUM ('OWNER', 'REVIEWER', 'RESEARCHER');
CREATE TYPE "AxisType" AS ENUM ('SCALE', 'CHOICE', 'BOOLEAN', 'TEXT');
CREATE TYPE "AxisTarget" AS ENUM ('RESPONSE', 'PAIR', 'ITEM');
CREATE TYPE "AxisPolarity" AS ENUM ('HIGHER_IS_BETTER', 'CHOSEN_IS_WORSE');
CREATE TYPE "ItemKind" AS ENUM ('QA', 'MCQ', 'DIALOGUE', 'VQA', 'NOTE', 'DDX');
CREATE TYPE "AssignmentStatus" AS ENUM ('PENDING', 'IN_PROGRESS', 'SUBMITTED', 'SKIPPED');
CREATE TYPE "AnnotationKind" AS ENUM ('REVIEW', 'CONSENSUS');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "specialty" TEXT,
    "passwordHash" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%'),
    CONSTRAINT "User_name_check" CHECK (length(btrim("name")) > 0)
);

CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "succeeded" BOOLEAN NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "guidelines" TEXT NOT NULL DEFAULT '',
    "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "reviewersPerItem" INTEGER NOT NULL DEFAULT 1,
    "blinded" BOOLEAN NOT NULL DEFAULT true,
    "randomizeOrder" BOOLEAN NOT NULL DEFAULT true,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "pseudonymSalt" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Project_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Project_reviewersPerItem_check" CHECK ("reviewersPerItem" BETWEEN 1 AND 50),
    CONSTRAINT "Project_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

CREATE TABLE "ProjectMember" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ProjectRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectMember_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Rubric" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "templateKey" TEXT,
    "frozenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Rubric_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Rubric_version_check" CHECK ("version" >= 1)
);

CREATE TABLE "RubricAxis" (
    "id" TEXT NOT NULL,
    "rubricId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "help" TEXT NOT NULL DEFAULT '',
    "type" "AxisType" NOT NULL,
    "appliesTo" "AxisTarget" NOT NULL DEFAULT 'RESPONSE',
    "required" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,
    "options" JSONB NOT NULL DEFAULT '[]',
    "min" INTEGER,
    "max" INTEGER,
    "polarity" "AxisPolarity" NOT NULL DEFAULT 'HIGHER_IS_BETTER',
    CONSTRAINT "RubricAxis_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RubricAxis_key_check" CHECK ("key" ~ '^[a-z][a-z0-9_]*$'),
    CONSTRAINT "RubricAxis_scale_check" CHECK ("type" <> 'SCALE' OR ("min" IS NOT NULL AND "max" IS NOT NULL AND "min" < "max")),
    CONSTRAINT "RubricAxis_options_check" CHECK (jsonb_typeof("options") = 'array')
);

CREATE TABLE "Item" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "kind" "ItemKind" NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "specialty" TEXT,
    "input" JSONB NOT NULL,
    "reference" JSONB,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "isGold" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Item_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Item_externalId_check" CHECK (length("externalId") BETWEEN 1 AND 200)
);

CREATE TABLE "Response" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "modelName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "reasoning" TEXT,
    "steps" JSONB,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "Response_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Response_position_check" CHECK ("position" >= 0)
);

CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Criterion_points_check" CHECK ("points" BETWEEN -10 AND 10 AND "points" <> 0)
);

CREATE TABLE "Batch" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BatchItem" (
    "batchId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    CONSTRAINT "BatchItem_pkey" PRIMARY KEY ("batchId","itemId")
);

CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "rubricId" TEXT NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'PENDING',
    "displayOrder" INTEGER NOT NULL,
    "responseOrder" TEXT[],
    "timeOnTaskMs" INTEGER NOT NULL DEFAULT 0,
    "skipReason" TEXT,
    "startedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Assignment_timeOnTaskMs_check" CHECK ("timeOnTaskMs" >= 0),
    CONSTRAINT "Assignment_submitted_check" CHECK (("status" = 'SUBMITTED') = ("submittedAt" IS NOT NULL)),
    CONSTRAINT "Assignment_skip_check" CHECK ("status" <> 'SKIPPED' OR "skipReason" IS NOT NULL)
);

CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "kind" "AnnotationKind" NOT NULL DEFAULT 'REVIEW',
    "itemId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "authorId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Annotation_version_check" CHECK ("version" >= 1),
    CONSTRAINT "Annotation_kind_check" CHECK (("kind" = 'REVIEW') = ("assignmentId" IS NOT NULL))
);

CREATE TABLE "AnnotationRevision" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "clientMutationId" TEXT NOT NULL,
    "isSubmit" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AnnotationRevision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "projectId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "LoginAttempt_email_attemptedAt_idx" ON "LoginAttempt"("email", "attemptedAt");
CREATE INDEX "LoginAttempt_ip_attemptedAt_idx" ON "LoginAttempt"("ip", "attemptedAt");
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");
CREATE INDEX "ProjectMember_userId_idx" ON "ProjectMember"("userId");
CREATE UNIQUE INDEX "ProjectMember_projectId_userId_key" ON "ProjectMember"("projectId", "userId");
CREATE UNIQUE INDEX "Rubric_projectId_version_key" ON "Rubric"("projectId", "version");
CREATE UNIQUE INDEX "RubricAxis_rubricId_key_key" ON "RubricAxis"("rubricId", "key");
CREATE UNIQUE INDEX "RubricAxis_rubricId_position_key" ON "RubricAxis"("rubricId", "position");
CREATE INDEX "Item_projectId_createdAt_idx" ON "Item"("projectId", "createdAt");
CREATE UNIQUE INDEX "Item_projectId_externalId_key" ON "Item"("projectId", "externalId");
CREATE UNIQUE INDEX "Response_itemId_position_key" ON "Response"("itemId", "position");
CREATE UNIQUE INDEX "Response_itemId_label_key" ON "Response"("itemId", "label");
CREATE UNIQUE INDEX "Criterion_itemId_position_key" ON "Criterion"("itemId", "position");
CREATE UNIQUE INDEX "Batch_projectId_name_key" ON "Batch"("projectId", "name");
CREATE INDEX "BatchItem_itemId_idx" ON "BatchItem"("itemId");
CREATE INDEX "Assignment_reviewerId_status_displayOrder_idx" ON "Assignment"("reviewerId", "status", "displayOrder");
CREATE INDEX "Assignment_batchId_status_idx" ON "Assignment"("batchId", "status");
CREATE UNIQUE INDEX "Assignment_batchId_itemId_reviewerId_key" ON "Assignment"("batchId", "itemId", "reviewerId");
CREATE UNIQUE INDEX "Annotation_assignmentId_key" ON "Annotation"("assignmentId");
CREATE INDEX "Annotation_itemId_idx" ON "Annotation"("itemId");
CREATE INDEX "Annotation_submittedAt_id_idx" ON "Annotation"("submittedAt", "id");
CREATE UNIQUE INDEX "AnnotationRevision_annotationId_version_key" ON "AnnotationRevision"("annotationId", "version");
CREATE UNIQUE INDEX "AnnotationRevision_annotationId_clientMutationId_key" ON "AnnotationRevision"("annotationId", "clientMutationId");
CREATE INDEX "AuditEvent_projectId_createdAt_idx" ON "AuditEvent"("projectId", "createdAt");
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Rubric" ADD CONSTRAINT "Rubric_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RubricAxis" ADD CONSTRAINT "RubricAxis_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "Rubric"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Item" ADD CONSTRAINT "Item_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Response" ADD CONSTRAINT "Response_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "Rubric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- An assignment's item must belong to its batch (composite FK onto BatchItem).
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_batchItem_fkey" FOREIGN KEY ("batchId", "itemId") REFERENCES "BatchItem"("batchId", "itemId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
