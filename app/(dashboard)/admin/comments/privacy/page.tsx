import { CommentSubpageHeader } from '@/components/admin/comment-subpage-header';
import { CommenterPrivacyForm } from '@/components/admin/commenter-privacy-form';
import { requirePageRole } from '@/lib/auth/session';
import { eraseCommenterAction, exportCommenterAction } from '../actions';

export const metadata = { title: 'Commenter privacy' };

export default async function CommenterPrivacyPage() {
  await requirePageRole('ADMIN', '/admin/comments/privacy');
  return (
    <>
      <CommentSubpageHeader title="Commenter privacy">
        Export or erase everything Broadsheet stores about one commenter’s email address: their comments, the reports on them, notification mails quoting them and the comment text kept in the audit
        log. IP addresses are stored only as keyed hashes.
      </CommentSubpageHeader>
      <CommenterPrivacyForm exportAction={exportCommenterAction} eraseAction={eraseCommenterAction} />
    </>
  );
}
