"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

type Status = { name: string } & ({ state: "waiting" | "uploading" } | { state: "done"; src: string } | { state: "failed"; error: string });

/**
 * Uploads the chosen image files to the project's images route, one after another (a few large
 * scans in parallel would only compete for the same upload bandwidth), and shows each file's
 * `src` for the items' images[].src.
 */
export function UploadImages({ slug }: { slug: string }) {
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("project.import");

  async function upload(files: File[]) {
    if (!files.length) return;
    setBusy(true);
    setStatuses(files.map((f) => ({ name: f.name, state: "waiting" })));
    const update = (i: number, status: Status) => setStatuses((all) => all.map((s, j) => (j === i ? status : s)));
    for (const [i, file] of files.entries()) {
      update(i, { name: file.name, state: "uploading" });
      try {
        const response = await fetch(`/api/v1/projects/${slug}/images`, {
          method: "POST",
          body: file,
          // Header values must be ASCII; the route decodes the name.
          headers: { "Content-Type": file.type || "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) },
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(body.error ?? t("serverAnswered", { status: response.status }));
        update(i, { name: file.name, state: "done", src: body.src });
      } catch (error) {
        update(i, { name: file.name, state: "failed", error: (error as Error).message });
      }
    }
    setBusy(false);
  }

  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-4">
      <label className="block text-sm font-medium text-slate-700" htmlFor="upload-images">{t("images.label")}</label>
      <p id="upload-images-help" className="text-xs text-slate-500">
        {t.rich("images.help", { code: (c) => <code>{c}</code> })}
      </p>
      <input id="upload-images" type="file" multiple accept=".png,.jpg,.jpeg,.gif,.webp,.mp3,.wav,.ogg,.m4a,image/png,image/jpeg,image/gif,image/webp,audio/mpeg,audio/wav,audio/ogg,audio/mp4" className="block text-sm"
        aria-describedby="upload-images-help" disabled={busy}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ""; // choosing the same files again uploads them again
          void upload(files);
        }} />
      {statuses.length ? (
        <ul data-testid="image-upload-results" className="max-h-48 space-y-1 overflow-auto text-sm" aria-live="polite">
          {statuses.map((s, i) => (
            <li key={i} data-state={s.state}>
              <span className="font-medium">{s.name}</span>{" "}
              {s.state === "waiting" ? <span className="text-slate-500">{t("images.waiting")}</span> : null}
              {s.state === "uploading" ? <span className="text-slate-500">{t("images.uploading")}</span> : null}
              {s.state === "done" ? <span className="text-green-700">✓ <code className="select-all rounded bg-slate-100 px-1">{s.src}</code></span> : null}
              {s.state === "failed" ? <span className="text-red-700">{s.error}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
