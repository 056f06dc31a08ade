import { IntlScope } from "@/components/ui/intl-scope";

// The password form.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <IntlScope namespaces={["auth"]}>{children}</IntlScope>;
}
