import { IntlScope } from "@/components/ui/intl-scope";

// The sign-in form and its single sign-on messages.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <IntlScope namespaces={["auth"]}>{children}</IntlScope>;
}
