import { IntlScope } from "@/components/ui/intl-scope";

// User management forms.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <IntlScope namespaces={["admin"]}>{children}</IntlScope>;
}
