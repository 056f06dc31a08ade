import type { Metadata } from "next";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { NewProjectForm } from "@/components/admin/new-project-form";
import { requirePageActor } from "@/lib/auth/session";
import { RUBRIC_TEMPLATES } from "@/lib/rubrics/templates";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  const actor = await requirePageActor("project:create");
  const templates = RUBRIC_TEMPLATES.map((t) => ({ key: t.key, name: t.name, description: t.description, citation: t.citation, axes: t.axes.length, kinds: t.kinds ?? [], tools: t.tools ?? [] }));
  return (
    <AppShell actor={actor}>
      <PageTitle sub="A project holds items, a rubric, batches and their annotations.">New project</PageTitle>
      <NewProjectForm templates={templates} />
    </AppShell>
  );
}
