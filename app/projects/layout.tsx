import { IntlScope } from "@/components/ui/intl-scope";

// Project administration, results, adjudication (which shows items as reviewers see them).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <IntlScope namespaces={["project", "results", "adjudication", "translations", "webhooks", "review", "tools"]}>{children}</IntlScope>;
}
