import { ActionForm } from '@/components/admin/action-form';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
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
      <PageHeader title="Users" description="Everyone who can sign in to the dashboard, their role and their access." />
      <Panel id="add-user" title="Add a user" description="Give them the temporary password; they change it on their profile page." className="max-w-xl">
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
      </Panel>
      <h2 className="mt-10 mb-3 text-lg font-semibold">Everyone with an account</h2>
      <DataTable
        caption="Everyone with an account"
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          {
            key: 'name',
            header: 'Name',
            rowHeader: true,
            cell: (u) => (
              <>
                {u.name}
                {u.id === admin.id ? <span className="font-normal text-muted"> (you)</span> : null}
              </>
            ),
          },
          { key: 'email', header: 'Email', cell: (u) => u.email },
          {
            key: 'status',
            header: 'Status',
            cell: (u) =>
              u.deactivatedAt ? (
                <>
                  <Badge tone="danger">Deactivated</Badge> <time dateTime={u.deactivatedAt.toISOString()} className="block text-xs text-muted">{formatDateTime(u.deactivatedAt)}</time>
                </>
              ) : (
                <Badge tone="success">Active</Badge>
              ),
          },
          {
            key: 'role',
            header: 'Role',
            cell: (u) => (
              <ActionForm
                inline
                label={`Role of ${u.name}`}
                action={changeUserRoleAction}
                submitLabel="Change role"
                variant="secondary"
                fields={[
                  { kind: 'hidden', name: 'userId', value: u.id },
                  { kind: 'select', name: 'role', label: `Role of ${u.name}`, defaultValue: u.role, options: ROLE_OPTIONS },
                ]}
              />
            ),
          },
          {
            key: 'access',
            header: 'Access',
            cell: (u) => (
              <ActionForm
                inline
                label={`Access of ${u.name}`}
                action={setUserActiveAction}
                submitLabel={u.deactivatedAt ? `Reactivate ${u.name}` : `Deactivate ${u.name}`}
                variant={u.deactivatedAt ? 'secondary' : 'danger'}
                fields={[
                  { kind: 'hidden', name: 'userId', value: u.id },
                  { kind: 'hidden', name: 'active', value: u.deactivatedAt ? 'true' : 'false' },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
