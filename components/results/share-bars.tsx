"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Horizontal 100 % stacked bars (recharts): one bar per model (or model pair), one segment per
// answer. The same figures are in the table beside each chart and in the CSV download, so a
// reader who cannot tell the colours apart loses nothing.

export type ShareBarRow = { name: string; shares: number[] };

/** Okabe–Ito, a palette chosen to stay distinguishable for colour-blind readers, then greys. */
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999", "#666666"];

export function ShareBars({ title, segments, rows }: { title: string; segments: string[]; rows: ShareBarRow[] }) {
  const data = rows.map((r) => Object.fromEntries([["name", r.name], ...segments.map((s, i) => [s, Math.round((r.shares[i] ?? 0) * 1000) / 10])]));
  const height = 56 + rows.length * 34;
  const t = useTranslations("results.chart");
  const format = useFormatter();
  return (
    <figure className="my-2" aria-label={title} data-testid="share-chart">
      <div style={{ width: "100%", height }} role="img" aria-label={t("ofTable", { title })}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => (typeof v === "number" ? t("percent", { value: format.number(v, { maximumFractionDigits: 1, useGrouping: false }) }) : `${v} %`)} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {segments.map((s, i) => <Bar key={s} dataKey={s} stackId="shares" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
