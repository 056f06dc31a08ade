import { redirect } from "next/navigation";

/** The former scores page: its sections are part of the results page now (issue 9). */
export default async function QualityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/projects/${encodeURIComponent(slug)}/results`);
}
