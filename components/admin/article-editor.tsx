'use client';

import { useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions';
import type { SavedArticleState } from '@/lib/action-states';
import { bodyDocSchema } from '@/lib/articles/body-schema';
import type { ArticleSnapshot } from '@/lib/articles/mutations';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';
import { ArticleConflict } from './editor/article-conflict';
import { ArticleMetaFields, ArticleTextFields } from './editor/article-fields';
import { LocalDraftOffer } from './editor/local-draft-offer';
import { autosaveStatus } from './editor/autosave-status';
import { PublishBar } from './editor/publish-bar';
import { ScheduleFields } from './editor/schedule-fields';
import type { ArticleEditorInitial } from './editor/types';
import { EDITOR_KINDS, type EditorKind } from './editor/kinds';
import { useArticleDraft, initialContentKey } from './editor/use-article-draft';
import { useArticleSave } from './editor/use-article-save';
import { useAutosave } from './editor/use-autosave';
import { useLocalDraft } from './editor/use-local-draft';
import { isCoediting, useCollab, whenShared } from './editor/use-collab';
import { useSharedFields } from './editor/use-shared-fields';
import { CollabPresence, collabStatusText } from './editor/collab-presence';
import { NotesPanel, type NoteActions } from './editor/notes-panel';
import type { Editor } from '@tiptap/react';

export type { ArticleEditorInitial } from './editor/types';

/** Statuses whose articles autosave to the server; live and scheduled ones wait for an explicit Update. */
const AUTOSAVED_STATUSES = ['DRAFT', 'IN_REVIEW'];

const noSubscribe = () => () => {};

/**
 * The article form. Fields stay controlled so nothing typed is lost when a save is refused;
 * every change is kept in localStorage until the server has it, drafts autosave after a
 * pause, and a refused (stale) save opens a side-by-side comparison instead of overwriting.
 * `kind="page"` edits a static page: no section, tags or hero; its own fields come as `aside`.
 */
export function ArticleEditor({
  sections,
  canPublish,
  action,
  loadCurrent,
  initial,
  initialMessage,
  timeZone,
  mediaMaxMegabytes,
  kind = 'article',
  aside,
  coeditor,
  notes,
}: {
  sections?: { id: string; name: string }[];
  canPublish: boolean;
  action: (prev: SavedArticleState, form: FormData) => Promise<SavedArticleState>;
  /** Fetches the article as saved now, for the conflict view. */
  loadCurrent: (id: string) => Promise<ActionState<ArticleSnapshot>>;
  initial?: ArticleEditorInitial;
  /** The site's time zone, in which "Publish at" is read. */
  timeZone: string;
  /** A message carried over from the save that created this article (the page changed URL). */
  initialMessage?: string;
  /** The media upload limit, for the image pickers' early size check. */
  mediaMaxMegabytes?: number;
  kind?: EditorKind;
  /** Fields of the side column for this kind (a page's slug and SEO), in place of section, tags and hero. */
  aside?: (error: (field: string) => string | undefined) => ReactNode;
  /** The signed-in user, to co-edit the article's title, standfirst and body with everyone in it (lib/collab). */
  coeditor?: { id: string; name: string };
  /** Inline notes on the body (shown while co-editing). */
  notes?: NoteActions;
}) {
  // Buttons stay disabled until the editor is interactive, so an early click can never
  // fall back to a plain form submission that drops the work.
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const initialKey = initialContentKey(initial);
  const plainDraft = useArticleDraft(initial);
  const collab = useCollab(initial?.id, coeditor?.id, coeditor?.name);
  const coediting = isCoediting(collab) ? collab : null;
  const draft = useSharedFields(coediting, plainDraft);
  const [bodyEditor, setBodyEditor] = useState<Editor | null>(null);
  const save = useArticleSave({ initial, initialMessage, initialKey, draft, formRef, action, loadCurrent, kind });
  const { saved } = save;
  const dirty = draft.key !== save.savedKey;
  const canAutosave = saved ? AUTOSAVED_STATUSES.includes(saved.status) : draft.fields.title.trim() !== '';
  const local = useLocalDraft({
    initialId: initial?.id ?? EDITOR_KINDS[kind].newDraftId,
    serverKey: initialKey,
    serverHero: initial?.heroImage ?? null,
    articleId: saved?.id ?? EDITOR_KINDS[kind].newDraftId,
    content: draft.content,
    dirty: dirty && !coediting,
    hero: draft.hero,
    baseVersion: saved?.version ?? 0,
  });
  // Autosave after a pause in typing; a conflict holds it back. An undecided local copy does not: it waits aside.
  // Co-editing, the shared document is saved as people type (lib/collab/persistence.ts).
  useAutosave(draft.key, { enabled: dirty && canAutosave && !save.conflict && !save.offline && !coediting && collab.status !== 'connecting', save: save.autosave });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value || 'save';
    // Co-editing, the server saves the shared document: first let it have everything typed here.
    if (coediting) void whenShared(coediting.provider).then(() => save.submit(intent));
    else void save.submit(intent);
  }

  function restoreLocal() {
    const copy = local.restore();
    if (!copy) return;
    const doc = bodyDocSchema.safeParse(JSON.parse(copy.bodyJson));
    draft.load({ title: copy.title, standfirst: copy.standfirst, sectionId: copy.sectionId, tags: copy.tags, body: doc.success ? doc.data : null, hero: copy.hero });
    // Made on top of an older version: saving must meet the newer one as a conflict, not overwrite it.
    if (saved && copy.baseVersion > 0 && copy.baseVersion < saved.version) save.setSaved({ ...saved, version: copy.baseVersion });
    save.setNotice({ ok: true, message: 'Unsaved changes restored.' });
  }

  const state = save.state;
  const error = (k: string) => (!state.ok && !save.notice ? state.fieldErrors?.[k]?.[0] : undefined);
  const isLive = saved?.status === 'PUBLISHED';
  const isScheduled = saved?.status === 'SCHEDULED';
  // Writers change their articles only while Draft or In review (lib/articles/mutations.ts): say so instead of offering saves that are refused.
  const lockedForWriter = !canPublish && (isLive || isScheduled);
  const busy = save.pending || save.saving || !hydrated;
  const shown = save.notice ?? (state.message ? { ok: state.ok, message: state.message } : null);
  const status =
    collabStatusText(collab.status) ?? autosaveStatus({ conflict: !!save.conflict, saving: save.saving, dirty, offline: save.offline, saved: !!saved, canAutosave, autoError: save.autoError });

  return (
    // autoComplete off: the browser must not restore stale field values over the server's copy on reload.
    <>
      <form ref={formRef} onSubmit={onSubmit} autoComplete="off" className="space-y-6">
        {saved ? (
          <>
            <input type="hidden" name="id" value={saved.id} />
            <input type="hidden" name="version" value={saved.version} />
          </>
        ) : null}
        <input type="hidden" name="bodyJson" value={draft.bodyJson} />
        {coediting ? <input type="hidden" name="shared" value="1" /> : null}
        {coediting ? <CollabPresence collab={coediting} /> : null}
        {local.offer && !coediting ? <LocalDraftOffer offer={local.offer} savedVersion={saved?.version} onRestore={restoreLocal} onDiscard={local.discard} /> : null}
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="space-y-5">
            <ArticleTextFields
              draft={draft}
              error={error}
              mediaMaxMegabytes={mediaMaxMegabytes}
              shared={coediting ? { doc: coediting.doc, awareness: coediting.provider.awareness, readOnly: coediting.status === 'refused' } : undefined}
              waiting={collab.status === 'connecting'}
              onEditor={setBodyEditor}
            />
          </div>
          <div className="space-y-5">
            <section aria-label="Publishing" className="space-y-3 rounded-lg border border-subtle bg-surface p-4 shadow-xs">
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <p>
                  Status: <strong>{saved ? (ARTICLE_STATUS_LABEL[saved.status] ?? saved.status) : 'New draft'}</strong>
                  {saved ? ` · version ${saved.version}` : ''}
                </p>
                <p role="status" aria-label="Autosave" className="text-muted">
                  {status}
                </p>
              </div>
              <PublishBar saved={saved} canPublish={canPublish} lockedForWriter={lockedForWriter} busy={busy} shown={shown} kind={kind} />
            </section>
            {canPublish && !isLive ? (
              <ScheduleFields value={draft.fields.publishAt} onChange={draft.setField('publishAt')} error={error('publishAt')} timeZone={timeZone} scheduled={isScheduled} busy={busy} noun={kind} />
            ) : null}
            {kind === 'article' ? <ArticleMetaFields draft={draft} error={error} sections={sections ?? []} mediaMaxMegabytes={mediaMaxMegabytes} /> : aside?.(error)}
          </div>
        </div>
        {save.conflict ? (
          <ArticleConflict
            theirs={save.conflict}
            mine={{ title: draft.fields.title, standfirst: draft.fields.standfirst, body: draft.body, hero: draft.hero }}
            busy={busy}
            onKeepMine={save.keepMine}
            onTakeTheirs={save.takeTheirs}
          />
        ) : null}
      </form>
      {coediting && notes && saved ? <NotesPanel articleId={saved.id} editor={bodyEditor} doc={coediting.doc} actions={notes} /> : null}
    </>
  );
}
