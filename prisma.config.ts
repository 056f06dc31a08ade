import { defineConfig } from "prisma/config";

// The URL lives here, not in schema.prisma (Prisma 7). It is only needed by CLI commands that
// talk to a database, which this project never runs (see docs/decisions/001-offline-migrations.md),
// so a placeholder keeps `prisma generate` working with no DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/consilium" },
});
