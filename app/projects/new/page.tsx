import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { NewProjectForm } from "@/components/admin/new-project-form";
import { requirePageActor } from "@/lib/auth/session";
import { RUBRIC_TEMPLATES } from "@/lib/rubrics/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("project.new"))("metaTitle") };
}

export default async function NewProjectPage() {
  const actor = await requirePageActor("project:create");
  const t = await getTranslations("project.new");
  const templates = RUBRIC_TEMPLATES.map((t) => ({ key: t.key, name: t.name, description: t.description, citation: t.citation, axes: t.axes.length, kinds: t.kinds ?? [], tools: t.tools ?? [] }));
  return (
    <AppShell actor={actor}>
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <NewProjectForm templates={templates} />
    </AppShell>
  );
}
