import { IntlScope } from "@/components/ui/intl-scope";

// The queue's filters and qualification notices.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <IntlScope namespaces={["queue", "review"]}>{children}</IntlScope>;
}
