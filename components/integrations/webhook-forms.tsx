"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createWebhookAction, deleteWebhookAction, sendTestWebhookAction, toggleWebhookAction } from "@/app/projects/webhook-actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { eventKey, WEBHOOK_EVENTS } from "@/lib/webhooks/events";

export function CreateWebhookForm({ slug }: { slug: string }) {
  const t = useTranslations("webhooks");
  const [state, action, pending] = useActionState(createWebhookAction, null);
  return (
    <form action={action} className="space-y-3" data-testid="create-webhook">
      <input type="hidden" name="slug" value={slug} />
      <div>
        <label className={labelClass} htmlFor="webhook-url">{t("url")}</label>
        <input className={inputClass} id="webhook-url" name="url" type="url" dir="ltr" placeholder="https://example.org/consilium-hook" required />
        <FieldError state={state} name="url" />
      </div>
      <fieldset>
        <legend className={labelClass}>{t("eventsLegend")}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="events[]" value={e} defaultChecked className="mt-1" />
              <span>
                {t(`events.${eventKey(e)}` as "events.batch_completed")} <code className="text-xs text-slate-600" dir="ltr">{e}</code>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormStatus state={state} />
      <button className={buttonClass} disabled={pending}>{t("addButton")}</button>
    </form>
  );
}

export function WebhookControls({ slug, webhookId, isActive }: { slug: string; webhookId: string; isActive: boolean }) {
  const t = useTranslations("webhooks");
  const [testState, test, testing] = useActionState(sendTestWebhookAction, null);
  const [, toggle, toggling] = useActionState(toggleWebhookAction, null);
  const [deleteState, remove, removing] = useActionState(deleteWebhookAction, null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={test}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="webhookId" value={webhookId} />
          <button className={secondaryButtonClass} disabled={testing}>{testing ? t("sending") : t("sendTest")}</button>
        </form>
        <form action={toggle}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="webhookId" value={webhookId} />
          <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
          <button className={secondaryButtonClass} disabled={toggling}>{isActive ? t("pause") : t("resume")}</button>
        </form>
        <form action={remove} onSubmit={(e) => { if (!window.confirm(t("confirmDelete"))) e.preventDefault(); }}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="webhookId" value={webhookId} />
          <button className={`${secondaryButtonClass} border-red-300 text-red-800`} disabled={removing}>{t("delete")}</button>
        </form>
      </div>
      <div aria-live="polite" data-testid="webhook-test-result">
        {testState?.ok ? (
          <p className={`text-sm ${testState.data.ok ? "text-green-800" : "text-red-700"}`} role="status" data-testid="webhook-test-message">{testState.message}</p>
        ) : (
          <FormStatus state={testState} />
        )}
        <FormStatus state={deleteState && !deleteState.ok ? deleteState : null} />
      </div>
    </div>
  );
}
