'use client';

import type { HeroImage } from '@/components/media/hero-image-picker';
import { Button } from '@/components/ui/button';
import { docToPlainText, type BodyDoc } from '@/lib/articles/body-schema';
import type { ArticleSnapshot } from '@/lib/articles/mutations';
import { ConflictView } from '../conflict-view';

type Version = { title: string; standfirst: string; body: BodyDoc; hero: HeroImage | null };

function Hero({ hero }: { hero: HeroImage | null }) {
  return hero ? (
    <span className="flex items-center gap-2">
      {/* eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail; the alt text is written beside it */}
      <img src={hero.thumbnailUrl} alt="" width={64} height={36} className="aspect-video w-16 rounded object-cover" />
      <span>{hero.alt}</span>
    </span>
  ) : (
    'None'
  );
}

/** The text's conflict: their saved version beside this one, to keep mine (on top of theirs) or use theirs. */
export function ArticleConflict({ theirs, mine, busy, onKeepMine, onTakeTheirs }: { theirs: ArticleSnapshot; mine: Version; busy: boolean; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const text = (v: string) => v || '—';
  const theirBody = docToPlainText(theirs.bodyJson);
  const myBody = docToPlainText(mine.body);
  return (
    <ConflictView
      id="conflict-heading"
      title="Compare before saving"
      intro={`${theirs.savedBy ?? 'Someone'} saved version ${theirs.version} at ${new Date(theirs.updatedAt).toLocaleString()}. Nothing has been overwritten. Keep yours (saved on top of theirs) or use theirs (your changes are set aside).`}
      theirsLabel={`Their version (version ${theirs.version})`}
      mineLabel="Your version"
      rows={[
        { label: 'Title', theirs: theirs.title, mine: mine.title, differs: theirs.title !== mine.title },
        { label: 'Standfirst', theirs: text(theirs.standfirst), mine: text(mine.standfirst), differs: theirs.standfirst !== mine.standfirst },
        { label: 'Hero image', theirs: <Hero hero={theirs.heroImage} />, mine: <Hero hero={mine.hero} />, differs: (theirs.heroImage?.id ?? '') !== (mine.hero?.id ?? '') },
        {
          label: 'Text',
          theirs: <span className="font-serif whitespace-pre-wrap">{text(theirBody)}</span>,
          mine: <span className="font-serif whitespace-pre-wrap">{text(myBody)}</span>,
          differs: theirBody !== myBody,
        },
      ]}
      actions={
        <>
          <Button variant="primary" onClick={onKeepMine} disabled={busy}>
            Keep mine
          </Button>
          <Button onClick={onTakeTheirs} disabled={busy}>
            Use theirs
          </Button>
        </>
      }
    />
  );
}
