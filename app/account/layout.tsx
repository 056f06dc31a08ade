import { IntlScope } from "@/components/ui/intl-scope";

// Tokens, password and language forms.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <IntlScope namespaces={["account", "auth"]}>{children}</IntlScope>;
}
