import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await requirePageActor();
  redirect(actor.role === "REVIEWER" ? "/queue" : "/projects");
}
