import { IntlScope } from "@/components/ui/intl-scope";

// The review page's client components: the form, its tools, the qualification notices.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <IntlScope namespaces={["review", "tools", "queue"]}>{children}</IntlScope>;
}
