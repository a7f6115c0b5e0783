import { ActionForm } from '@/components/admin/action-form';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { ROLES } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { listUsers } from '@/lib/users/admin';
import { getTwoFactorPolicy, TWO_FACTOR_POLICY_LABELS, type TwoFactorPolicy } from '@/lib/auth/two-factor-policy';
import { changeUserRoleAction, createUserAction, resetTwoFactorAction, saveTwoFactorPolicyAction, setUserActiveAction } from './actions';

export const metadata = { title: 'Users' };

const ROLE_OPTIONS = [...ROLES].reverse().map((r) => ({ value: r, label: r[0] + r.slice(1).toLowerCase() }));
const POLICY_OPTIONS = (['off', 'ADMIN', 'EDITOR', 'AUTHOR', 'CONTRIBUTOR'] as TwoFactorPolicy[]).map((value) => ({ value, label: TWO_FACTOR_POLICY_LABELS[value] }));

export default async function UsersPage() {
  const admin = await requirePageRole('ADMIN', '/admin/users');
  const [users, policy] = await Promise.all([listUsers(admin), getTwoFactorPolicy()]);
  // Forms are named after their person; two people may share a name (an import brings its own
  // authors), so those are told apart by email, or their forms would be landmarks of one name.
  const counts = new Map<string, number>();
  for (const u of users) counts.set(u.name, (counts.get(u.name) ?? 0) + 1);
  const who = (u: { name: string; email: string }) => ((counts.get(u.name) ?? 0) > 1 ? `${u.name} (${u.email})` : u.name);
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
      <Panel
        id="two-factor-policy"
        title="Two-factor authentication"
        description="People it covers who have not set it up are sent to set it up right after their password, and can do nothing else until they have."
        className="mt-6 max-w-xl"
      >
        <ActionForm
          label="Who must use two-factor authentication"
          action={saveTwoFactorPolicyAction}
          submitLabel="Save two-factor rule"
          pendingLabel="Saving…"
          fields={[{ kind: 'select', name: 'policy', label: 'Require two-factor authentication for', defaultValue: policy, options: POLICY_OPTIONS }]}
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
                  <Badge tone="danger">Deactivated</Badge>{' '}
                  <time dateTime={u.deactivatedAt.toISOString()} className="block text-xs text-muted">
                    {formatDateTime(u.deactivatedAt)}
                  </time>
                </>
              ) : (
                <Badge tone="success">Active</Badge>
              ),
          },
          {
            key: 'two-factor',
            header: 'Two-factor',
            cell: (u) =>
              u.twoFactor ? (
                <ActionForm
                  inline
                  label={`Two-factor of ${who(u)}`}
                  action={resetTwoFactorAction}
                  submitLabel={`Reset two-factor for ${who(u)}`}
                  variant="secondary"
                  fields={[{ kind: 'hidden', name: 'userId', value: u.id }]}
                >
                  <Badge tone="success">On</Badge>
                </ActionForm>
              ) : (
                'Off'
              ),
          },
          {
            key: 'role',
            header: 'Role',
            cell: (u) => (
              <ActionForm
                inline
                label={`Role of ${who(u)}`}
                action={changeUserRoleAction}
                submitLabel="Change role"
                variant="secondary"
                fields={[
                  { kind: 'hidden', name: 'userId', value: u.id },
                  { kind: 'select', name: 'role', label: `Role of ${who(u)}`, defaultValue: u.role, options: ROLE_OPTIONS },
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
                label={`Access of ${who(u)}`}
                action={setUserActiveAction}
                submitLabel={u.deactivatedAt ? `Reactivate ${who(u)}` : `Deactivate ${who(u)}`}
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
