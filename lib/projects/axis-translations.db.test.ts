import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { asActor, seedStudy } from "@/test/support/study";
import { loadAxisTranslations, saveAxisTranslations, translateAxes } from "./axis-translations";
import { readProjectSettings } from "./settings";
import { updateProjectSettings } from "./update-settings";

describe("rubric translations", () => {
  const axes = [
    { key: "accuracy", label: "Accurate?", help: "Is it correct?", options: [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }] },
    { key: "harm", label: "Possible harm", help: null, options: [{ value: "none", label: "None" }] },
  ];

  it("show the reader's language with the English original, and leave other axes and languages alone", () => {
    const translations = { es: { accuracy: { label: "¿Exacta?", options: { yes: "Sí" } } } };
    const [accuracy, harm] = translateAxes(axes, translations, "es");
    expect(accuracy).toMatchObject({ label: "¿Exacta?", help: "Is it correct?", options: [{ value: "yes", label: "Sí" }, { value: "no", label: "No" }] });
    expect(accuracy.original).toEqual({ label: "Accurate?", help: "Is it correct?", options: { yes: "Yes", no: "No" } });
    expect(harm).toBe(axes[1]);
    expect(translateAxes(axes, translations, "fr")).toBe(axes);
    expect(translateAxes(axes, translations, "en")).toBe(axes);
    expect(translateAxes(axes, translations, null)).toBe(axes);
  });

  it("are saved per language by managers, blanks dropped, and survive a change of review options", async () => {
    const study = await seedStudy({ items: 1 });
    const admin = asActor(study.admin);
    const { axes: stored } = await loadAxisTranslations(admin, study.project.slug);
    const key = stored[0].key;
    expect(await saveAxisTranslations(admin, study.project.slug, { locale: "ar", axes: { [key]: { label: "هل هي دقيقة؟", help: "", options: { x: "" } }, other: { label: "" } } })).toEqual({ locale: "ar", axes: 1 });
    await updateProjectSettings(admin, study.project.id, { ...readProjectSettings({}), askConfidence: false });
    const project = await getDb().project.findUniqueOrThrow({ where: { id: study.project.id } });
    expect(readProjectSettings(project.settings)).toMatchObject({ askConfidence: false, axisTranslations: { ar: { [key]: { label: "هل هي دقيقة؟" } } } });
    await expect(saveAxisTranslations(asActor(study.researcher), study.project.slug, { locale: "es", axes: {} })).rejects.toThrow(/permission/);
    await expect(saveAxisTranslations(admin, study.project.slug, { locale: "en" as never, axes: {} })).rejects.toThrow();
  });
});
