import type { Metadata } from "next";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/users";
import { CreateUserForm, UserActiveToggle } from "@/components/admin/user-forms";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("user:manage");
  const users = await listUsers();
  return (
    <AppShell actor={actor}>
      <PageTitle sub="Admins manage accounts. Deactivated users cannot sign in; their work is kept.">Users</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className={cardClass}>
          <table className="w-full text-left text-sm" data-testid="users-table">
            <thead className="text-slate-500">
              <tr><th className="py-2">Name</th><th>Email</th><th>Role</th><th>Specialty</th><th>Status</th><th /></tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-t border-slate-100">
                  <td className="py-2">{u.name}</td>
                  <td>{u.email}</td>
                  <td>{u.role.toLowerCase()}</td>
                  <td>{u.specialty ?? "—"}</td>
                  <td>{u.isActive ? "active" : <span className="text-red-700">deactivated</span>}</td>
                  <td className="text-right">{u.id !== actor.id ? <UserActiveToggle userId={u.id} isActive={u.isActive} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className={cardClass}>
          <h2 className="mb-3 font-medium">New user</h2>
          <CreateUserForm />
        </div>
      </div>
    </AppShell>
  );
}
