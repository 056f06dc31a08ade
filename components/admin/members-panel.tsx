"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addMemberAction, removeMemberAction } from "@/app/projects/actions";
import { allowAttemptAction, resumeReviewerAction } from "@/app/projects/qualification-actions";
import { FormStatus } from "@/components/ui/form-status";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { MEMBER_ROLES, type MemberRole } from "@/lib/projects/member-roles";

export type MemberRow = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  isActive: boolean;
  /** Qualification and the gold watch (lib/qualification): passed when, failed attempts, warned, paused and why. */
  qualifiedAt: string | null;
  qualificationFailures: number;
  warned: boolean;
  pauseReason: string | null;
  paused: boolean;
  /** Failed every attempt allowed and not passed: a manager may allow one more. */
  canAllowAttempt: boolean;
};

/** The project's members with their project roles; managers add, re-role and remove them. */
export function MembersPanel({ slug, members }: { slug: string; members: MemberRow[] }) {
  const [removeState, removeAction, removing] = useActionState(removeMemberAction, null);
  const [resumeState, resumeAction, resuming] = useActionState(resumeReviewerAction, null);
  const [attemptState, attemptAction, allowing] = useActionState(allowAttemptAction, null);
  const t = useTranslations("project.members");
  const tr = useTranslations("project.roles");
  return (
    <div>
      <ul className="mb-3 divide-y divide-slate-100 text-sm" data-testid="members">
        {members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-2 py-1">
            <span className="min-w-0 break-words">{m.name} ({m.email}){m.isActive ? "" : t("deactivated")}</span>
            <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700" title={tr(`${m.role}.does`)}>{tr(`${m.role}.badge`)}</span>
            {m.qualifiedAt ? <span className="text-xs text-emerald-800" data-testid="member-qualified">{t("qualified", { date: m.qualifiedAt.slice(0, 10) })}</span> : m.qualificationFailures ? <span className="text-xs text-amber-800">{t("failedAttempts", { count: m.qualificationFailures })}</span> : null}
            {m.canAllowAttempt ? (
              <form action={attemptAction} className="text-xs">
                <input type="hidden" name="slug" value={slug} />
                <input type="hidden" name="userId" value={m.userId} />
                <button className="text-blue-800 hover:underline disabled:opacity-50" disabled={allowing} aria-label={t("allowLabel", { name: m.name })}>{t("allow")}</button>
              </form>
            ) : null}
            {m.warned && !m.paused ? <span className="text-xs text-amber-800">{t("warned")}</span> : null}
            {m.paused ? (
              <form action={resumeAction} className="flex items-center gap-1 text-xs text-red-800" data-testid="member-paused">
                <span>{t("paused", { reason: m.pauseReason ?? "" })}</span>
                <input type="hidden" name="slug" value={slug} />
                <input type="hidden" name="userId" value={m.userId} />
                <button className="text-blue-800 hover:underline disabled:opacity-50" disabled={resuming} aria-label={t("resumeLabel", { name: m.name })}>{t("resume")}</button>
              </form>
            ) : null}
            <form action={removeAction} className="ms-auto">
              <input type="hidden" name="slug" value={slug} />
              <input type="hidden" name="email" value={m.email} />
              <button className="text-xs text-red-700 hover:underline disabled:opacity-50" disabled={removing} aria-label={t("removeLabel", { name: m.name })}>{t("remove")}</button>
            </form>
          </li>
        ))}
      </ul>
      <FormStatus state={removeState} />
      <FormStatus state={resumeState} />
      <FormStatus state={attemptState} />
      <AddMemberForm slug={slug} />
    </div>
  );
}

export function AddMemberForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(addMemberAction, null);
  const t = useTranslations("project.members");
  const tr = useTranslations("project.roles");
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input className={`${inputClass} max-w-56`} name="email" type="email" placeholder="email@example.org" aria-label={t("emailLabel")} required />
      <select className={`${inputClass} max-w-40`} name="role" aria-label={t("roleLabel")} defaultValue="ANALYST">
        {MEMBER_ROLES.map((role) => <option key={role} value={role}>{tr(`${role}.name`)}</option>)}
      </select>
      <button className={secondaryButtonClass} disabled={pending}>{t("add")}</button>
      <details className="w-full text-xs text-slate-600">
        <summary className="cursor-pointer">{t("whatRoles")}</summary>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
          {MEMBER_ROLES.map((role) => [<dt key={`${role}-t`} className="font-medium">{tr(`${role}.name`)}</dt>, <dd key={`${role}-d`}>{tr(`${role}.does`)}</dd>])}
        </dl>
      </details>
      <div className="w-full"><FormStatus state={state} /></div>
    </form>
  );
}
