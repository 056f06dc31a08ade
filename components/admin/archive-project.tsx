"use client";
import { useActionState } from "react";
import { archiveProjectAction } from "@/app/projects/actions";
import { FormStatus } from "@/components/ui/form-status";
import { secondaryButtonClass } from "@/components/ui/styles";

/** Archive (or restore) the project: it leaves the lists and queues and stops changing; results and exports stay. */
export function ArchiveProject({ slug, archived }: { slug: string; archived: boolean }) {
  const [state, action, pending] = useActionState(archiveProjectAction, null);
  return (
    <form action={action} className="space-y-1" aria-label={archived ? "Restore project" : "Archive project"}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <p className="text-sm text-slate-600">
        {archived
          ? "Archived: not in the projects list or any reviewer's queue; imports, batches, the rubric and settings are locked. Results and exports stay readable."
          : "Archive a finished study: it leaves the projects list and the reviewers' queues, and imports, batches, the rubric and settings are locked. Results, exports and the audit log stay readable; restoring undoes it."}
      </p>
      <button className={secondaryButtonClass} disabled={pending}>{archived ? "Restore project" : "Archive project"}</button>
      <FormStatus state={state} />
    </form>
  );
}
