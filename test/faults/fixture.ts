// The fault suite's database: migrated, then a small newsroom made through the domain functions
// (articles with their revisions, a section, an author who can upload, a webhook endpoint).
// Run with `tsx --conditions=react-server faults/fixture.ts` and DATABASE_URL set; prints JSON.
import { saveArticle } from '@/lib/articles/mutations';
import { db } from '@/lib/db';
import { createWebhook } from '@/lib/webhooks';
import { articleFormSchema } from '@/lib/validation/articles';
import { migrateDeploy } from '../../scripts/db/engine.ts';
import { createSection, createUser } from '../fixtures.ts';

const webhookUrl = process.argv[2];
if (!webhookUrl) throw new Error('usage: fixture.ts WEBHOOK_URL');

await migrateDeploy(process.env.DATABASE_URL!);
const editor = await createUser('EDITOR', 'Fault Editor');
const admin = await createUser('ADMIN', 'Fault Admin');
const author = await createUser('AUTHOR', 'Fault Author');
const section = await createSection('Faults');

const article = async (title: string, intent: 'publish' | 'schedule') => {
  const data = articleFormSchema.parse({ title, standfirst: `${title}: the standfirst.`, body: `${title}. The story goes on for a paragraph.`, sectionId: section.id });
  const saved = await saveArticle({ intent, data, scheduledAt: intent === 'schedule' ? new Date(Date.now() + 3_600_000) : undefined }, editor);
  return { id: saved.id, slug: saved.slug, title };
};

const published = [];
for (let i = 1; i <= 6; i++) published.push(await article(`Standing story ${i}`, 'publish'));
const scheduledDuringOutage = await article('Published while the database was down', 'schedule');
const scheduledAtShutdown = await article('Published while the server shut down', 'schedule');
const scheduledWithoutRedis = await article('Published while Redis was down', 'schedule');
const webhook = await createWebhook({ url: webhookUrl, events: ['article.published'] }, admin);

console.log(
  JSON.stringify({ published, scheduledDuringOutage, scheduledAtShutdown, scheduledWithoutRedis, author: { email: author.email, password: 'test-password' }, section, webhookId: webhook.id }),
);
await db.$disconnect();
process.exit(0);
