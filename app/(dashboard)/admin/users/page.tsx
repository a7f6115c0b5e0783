import { ActionForm } from '@/components/admin/action-form';
import { ROLES } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { listUsers } from '@/lib/users/admin';
import { changeUserRoleAction, createUserAction, setUserActiveAction } from './actions';

export const metadata = { title: 'Users' };

const ROLE_OPTIONS = [...ROLES].reverse().map((r) => ({ value: r, label: r[0] + r.slice(1).toLowerCase() }));

export default async function UsersPage() {
  const admin = await requirePageRole('ADMIN', '/admin/users');
  const users = await listUsers(admin);
  return (
    <>
      <h1 className="text-2xl font-bold">Users</h1>
      <section aria-labelledby="add-user" className="mt-6 max-w-xl rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
        <h2 id="add-user" className="text-lg font-semibold">
          Add a user
        </h2>
        <p className="mb-4 mt-1 text-sm text-neutral-600 dark:text-neutral-300">Give them the temporary password; they change it on their profile page.</p>
        <ActionForm
          label="Add a user"
          action={createUserAction}
          submitLabel="Add user"
          pendingLabel="Adding…"
          fields={[
            { kind: 'text', name: 'name', label: 'Name', autoComplete: 'off' },
            { kind: 'email', name: 'email', label: 'Email', autoComplete: 'off' },
            { kind: 'select', name: 'role', label: 'Role', defaultValue: 'AUTHOR', options: ROLE_OPTIONS },
            { kind: 'password', name: 'password', label: 'Temporary password', autoComplete: 'new-password', hint: 'At least 12 characters.' },
          ]}
        />
      </section>
      <h2 className="mt-10 text-lg font-semibold">Everyone with an account</h2>
      <table className="mt-3 w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-black/10 dark:border-white/15">
            <th scope="col" className="py-2 pr-4">Name</th>
            <th scope="col" className="py-2 pr-4">Email</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2 pr-4">Role</th>
            <th scope="col" className="py-2">Access</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-black/5 align-top dark:border-white/10">
              <th scope="row" className="py-2 pr-4 font-semibold">
                {u.name}
                {u.id === admin.id ? <span className="font-normal"> (you)</span> : null}
              </th>
              <td className="py-2 pr-4">{u.email}</td>
              <td className="py-2 pr-4">
                {u.deactivatedAt ? (
                  <>
                    Deactivated <time dateTime={u.deactivatedAt.toISOString()}>{formatDateTime(u.deactivatedAt)}</time>
                  </>
                ) : (
                  'Active'
                )}
              </td>
              <td className="py-2 pr-4">
                <ActionForm
                  inline
                  label={`Role of ${u.name}`}
                  action={changeUserRoleAction}
                  submitLabel="Change role"
                  fields={[
                    { kind: 'hidden', name: 'userId', value: u.id },
                    { kind: 'select', name: 'role', label: `Role of ${u.name}`, defaultValue: u.role, options: ROLE_OPTIONS },
                  ]}
                />
              </td>
              <td className="py-2">
                <ActionForm
                  inline
                  label={`Access of ${u.name}`}
                  action={setUserActiveAction}
                  submitLabel={u.deactivatedAt ? `Reactivate ${u.name}` : `Deactivate ${u.name}`}
                  fields={[
                    { kind: 'hidden', name: 'userId', value: u.id },
                    { kind: 'hidden', name: 'active', value: u.deactivatedAt ? 'true' : 'false' },
                  ]}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
