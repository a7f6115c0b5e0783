import 'server-only';
import { z } from 'zod';
import type { ADMIN_COMPONENTS } from '@/lib/api/admin-schemas';
import { blockSchema, bodyDocSchema } from '@/lib/articles/body-schema';
import {
  adminAlertSchema,
  adminCommentsQuerySchema,
  createAdminLiveUpdateSchema,
  updateAdminLiveUpdateSchema,
  adminPlanPatchSchema,
  adminPlansQuerySchema,
  createAdminPlanSchema,
  adminMediaUpdateSchema,
  adminRenameSchema,
  createAdminArticleSchema,
  createAdminPageSchema,
  mergeTagBodySchema,
  putAdminMenuSchema,
  scheduleArticleSchema,
  updateAdminArticleSchema,
  updateAdminPageSchema,
} from '@/lib/validation/admin-api';
import { addCorrectionSchema } from '@/lib/validation/corrections';
import { createSectionSchema } from '@/lib/validation/taxonomy';
import type { AdminScope } from '@/lib/validation/api-keys';

// The admin API's part of the OpenAPI document (lib/api/openapi.ts), from the zod schemas the
// route handlers parse requests with (ADMIN_REQUESTS) and answer with (ADMIN_COMPONENTS).

/** Request bodies, by the name they get under components.schemas (described as clients send them). */
export const ADMIN_REQUESTS = {
  /** The editor's structured body, shared by create and update. */
  BodyDocument: bodyDocSchema,
  BodyBlock: blockSchema,
  AdminArticleCreate: createAdminArticleSchema,
  AdminArticleUpdate: updateAdminArticleSchema,
  AdminArticleSchedule: scheduleArticleSchema,
  AdminSectionCreate: createSectionSchema,
  AdminRename: adminRenameSchema,
  AdminMediaUpdate: adminMediaUpdateSchema,
  AdminPlanCreate: createAdminPlanSchema,
  AdminPlanUpdate: adminPlanPatchSchema,
  AdminAlertCreate: adminAlertSchema,
  AdminLiveUpdateCreate: createAdminLiveUpdateSchema,
  AdminLiveUpdateUpdate: updateAdminLiveUpdateSchema,
  AdminCorrectionCreate: addCorrectionSchema.omit({ articleId: true }),
  AdminTagMerge: mergeTagBodySchema,
  AdminPageCreate: createAdminPageSchema,
  AdminPageUpdate: updateAdminPageSchema,
  AdminMenuPut: putAdminMenuSchema,
} satisfies Record<string, z.ZodType>;

type Response = keyof typeof ADMIN_COMPONENTS;
type Request = keyof typeof ADMIN_REQUESTS;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const ETAG = { ETag: { description: 'The resource’s version in quotes ("3"): send it back as If-Match.', schema: { type: 'string' } } };
const pathParam = (name: string, values?: readonly string[]) => ({ name, in: 'path', required: true, schema: values ? { type: 'string', enum: values } : { type: 'string' } });
const IF_MATCH = { name: 'If-Match', in: 'header', required: true, description: 'The version you changed, as the ETag gave it ("3"). Missing: 428; stale: 412.', schema: { type: 'string' } };
const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Makes a retry safe: the same key with the same request replays the first response (for 24 hours); with another request, 422.',
  schema: { type: 'string', maxLength: 255 },
};

type Op = {
  operationId: string;
  summary: string;
  scope: AdminScope | string;
  params?: object[];
  body?: Request | 'multipart';
  /** The body may be left out (only schedule sends one). */
  bodyOptional?: boolean;
  ok: Response;
  status?: number;
  /** Changes need If-Match (412/428), and answers carry the version as ETag. */
  versioned?: boolean;
  /** Answers carry the version as ETag (a new article). */
  etag?: boolean;
  query?: z.ZodType;
};

function operation(op: Op, method: string) {
  const params = [...(op.params ?? []), ...(op.versioned && method !== 'get' ? [IF_MATCH] : []), ...(method === 'post' ? [IDEMPOTENCY] : [])];
  if (op.query) {
    const json = z.toJSONSchema(op.query, { io: 'input' }) as { properties?: Record<string, object> };
    for (const [name, schema] of Object.entries(json.properties ?? {})) params.push({ name, in: 'query', required: false, schema });
  }
  const multipart = {
    'multipart/form-data': {
      schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, alt: { type: 'string' }, caption: { type: 'string' }, credit: { type: 'string' } } },
    },
  };
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: `Needs an admin key with the \`${op.scope}\` scope; the key's user's role and ownership rules apply as in the dashboard.`,
    security: [{ bearerKey: [] }],
    ...(params.length ? { parameters: params } : {}),
    ...(op.body ? { requestBody: { required: !op.bodyOptional, content: op.body === 'multipart' ? multipart : { 'application/json': { schema: ref(op.body) } } } } : {}),
    responses: {
      [op.status ?? 200]: { description: 'OK', ...(op.versioned || op.etag ? { headers: ETAG } : {}), content: { 'application/json': { schema: ref(op.ok) } } },
      400: err('A path or query parameter, a header or the body’s syntax is not valid.'),
      401: err('The key is missing, unknown, revoked, a content key, or its user is deactivated.'),
      403: err('The key lacks the scope, or its user’s role does not allow this (an author cannot publish).'),
      404: err('Not found, or not visible to the key’s user.'),
      409: err('The resource is not in a state that allows this (e.g. deleting an article that is not archived), or a duplicate.'),
      ...(op.versioned && method !== 'get' ? { 412: err('If-Match names an older version; details.currentVersion is the current one. Nothing changed.'), 428: err('If-Match is missing.') } : {}),
      413: err('The body is larger than this endpoint accepts.'),
      415: err('The body is not of a type this endpoint accepts.'),
      422: err('Some fields need attention: details maps field paths (body.content.0.type) to messages.'),
      429: err('This key used up its requests for now; wait Retry-After seconds.'),
    },
  };
}

const ID = pathParam('id');

/** Paths of the admin API, relative to /api/v1. */
export function adminPaths(): Record<string, Record<string, unknown>> {
  const p = (ops: Record<string, Op>) => Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, operation(op, method)]));
  return {
    '/admin/articles': p({
      post: { operationId: 'createArticle', summary: 'Create a draft article', scope: 'articles:write', body: 'AdminArticleCreate', ok: 'AdminArticleResponse', status: 201, etag: true },
    }),
    '/admin/articles/{id}': p({
      get: {
        operationId: 'getAdminArticle',
        summary: 'An article in any status its user may see',
        scope: 'articles:write or articles:publish',
        params: [ID],
        ok: 'AdminArticleResponse',
        versioned: true,
      },
      patch: { operationId: 'updateArticle', summary: 'Change the fields sent', scope: 'articles:write', params: [ID], body: 'AdminArticleUpdate', ok: 'AdminArticleResponse', versioned: true },
      delete: { operationId: 'deleteArticle', summary: 'Delete an archived article for good', scope: 'articles:publish', params: [ID], ok: 'AdminDeletedResponse', versioned: true },
    }),
    '/admin/articles/{id}/{transition}': p({
      post: {
        operationId: 'transitionArticle',
        summary: 'Submit for review, publish, schedule ({ at }), unpublish or archive',
        scope: 'articles:write for submit, articles:publish for the others',
        params: [ID, pathParam('transition', ['submit', 'publish', 'schedule', 'unpublish', 'archive'])],
        body: 'AdminArticleSchedule',
        bodyOptional: true,
        ok: 'AdminArticleResponse',
        versioned: true,
      },
    }),
    '/admin/pages': p({
      get: { operationId: 'listAdminPages', summary: 'Every page, most recently changed first', scope: 'pages:write', ok: 'AdminPageListResponse' },
      post: { operationId: 'createPage', summary: 'Create a draft page', scope: 'pages:write', body: 'AdminPageCreate', ok: 'AdminPageResponse', status: 201, etag: true },
    }),
    '/admin/pages/{id}': p({
      get: { operationId: 'getAdminPage', summary: 'A page in any status', scope: 'pages:write', params: [ID], ok: 'AdminPageResponse', versioned: true },
      patch: {
        operationId: 'updatePage',
        summary: 'Change the fields sent (a published page stays live)',
        scope: 'pages:write',
        params: [ID],
        body: 'AdminPageUpdate',
        ok: 'AdminPageResponse',
        versioned: true,
      },
      delete: { operationId: 'deletePage', summary: 'Delete a page for good, with the menu links to it', scope: 'pages:write', params: [ID], ok: 'AdminDeletedResponse', versioned: true },
    }),
    '/admin/pages/{id}/{transition}': p({
      post: {
        operationId: 'transitionPage',
        summary: 'Publish, schedule ({ at }) or unpublish a page',
        scope: 'pages:write',
        params: [ID, pathParam('transition', ['publish', 'schedule', 'unpublish'])],
        body: 'AdminArticleSchedule',
        bodyOptional: true,
        ok: 'AdminPageResponse',
        versioned: true,
      },
    }),
    '/admin/menus/{location}': p({
      get: {
        operationId: 'getAdminMenu',
        summary: 'A menu’s links and version (0: never saved)',
        scope: 'pages:write',
        params: [pathParam('location', ['header', 'footer'])],
        ok: 'AdminMenuResponse',
        versioned: true,
      },
      put: {
        operationId: 'putMenu',
        summary: 'Replace a whole menu (If-Match "0" for a menu never saved)',
        scope: 'pages:write',
        params: [pathParam('location', ['header', 'footer'])],
        body: 'AdminMenuPut',
        ok: 'AdminMenuResponse',
        versioned: true,
      },
    }),
    '/admin/sections': p({
      get: { operationId: 'listAdminSections', summary: 'Sections in navigation order', scope: 'taxonomy:write', ok: 'AdminSectionListResponse' },
      post: {
        operationId: 'createSection',
        summary: 'Add a section at the end of the navigation',
        scope: 'taxonomy:write',
        body: 'AdminSectionCreate',
        ok: 'AdminSectionCreatedResponse',
        status: 201,
        etag: true,
      },
    }),
    '/admin/sections/{id}': p({
      patch: {
        operationId: 'updateSection',
        summary: 'Rename and describe a section (its slug stays)',
        scope: 'taxonomy:write',
        params: [ID],
        body: 'AdminRename',
        ok: 'AdminRenamedResponse',
        versioned: true,
      },
    }),
    '/admin/tags': p({ get: { operationId: 'listAdminTags', summary: 'Every tag with its article count', scope: 'taxonomy:write', ok: 'AdminTagListResponse' } }),
    '/admin/tags/{id}': p({
      patch: {
        operationId: 'updateTag',
        summary: 'Rename and describe a tag (its slug stays)',
        scope: 'taxonomy:write',
        params: [ID],
        body: 'AdminRename',
        ok: 'AdminRenamedResponse',
        versioned: true,
      },
    }),
    '/admin/tags/{id}/merge': p({
      post: {
        operationId: 'mergeTag',
        summary: 'Merge this tag into another; its address redirects (If-Match: this tag’s version)',
        scope: 'taxonomy:write',
        params: [ID],
        body: 'AdminTagMerge',
        ok: 'AdminTagMergedResponse',
        versioned: true,
      },
    }),
    '/admin/comments': p({
      get: { operationId: 'listAdminComments', summary: 'Comments by moderation status, newest first', scope: 'comments:moderate', query: adminCommentsQuerySchema, ok: 'AdminCommentListResponse' },
    }),
    '/admin/comments/{id}/{action}': p({
      post: {
        operationId: 'moderateComment',
        summary: 'Approve, spam or trash a comment',
        scope: 'comments:moderate',
        params: [ID, pathParam('action', ['approve', 'spam', 'trash'])],
        ok: 'AdminModeratedResponse',
        versioned: true,
      },
    }),
    '/admin/media': p({
      post: {
        operationId: 'uploadMedia',
        summary: 'Upload an image through the media library’s pipeline (processed in the background)',
        scope: 'media:write',
        body: 'multipart',
        ok: 'AdminMediaResponse',
        status: 201,
        etag: true,
      },
    }),
    '/admin/media/{id}': p({
      get: { operationId: 'getMedia', summary: 'Read one library image, to follow its processing', scope: 'media:write', params: [ID], ok: 'AdminMediaResponse', versioned: true },
      patch: {
        operationId: 'updateMedia',
        summary: 'Change the fields sent: alt text, caption, credit, focal point (re-cuts the crops)',
        scope: 'media:write',
        params: [ID],
        body: 'AdminMediaUpdate',
        ok: 'AdminMediaResponse',
        versioned: true,
      },
      delete: { operationId: 'deleteMedia', summary: 'Delete an image no article uses, with its files', scope: 'media:write', params: [ID], ok: 'AdminDeletedResponse', versioned: true },
    }),
    '/admin/plans': p({
      get: {
        operationId: 'listAdminPlans',
        summary: 'The story budget: plans the key’s user may see, soonest due first',
        scope: 'plans:write',
        query: adminPlansQuerySchema,
        ok: 'AdminPlanListResponse',
      },
      post: { operationId: 'createPlan', summary: 'Plan a story (editors)', scope: 'plans:write', body: 'AdminPlanCreate', ok: 'AdminPlanResponse', status: 201, etag: true },
    }),
    '/admin/plans/{id}': p({
      get: { operationId: 'getAdminPlan', summary: 'A plan (writers: only those assigned to them)', scope: 'plans:write', params: [ID], ok: 'AdminPlanResponse', versioned: true },
      patch: {
        operationId: 'updatePlan',
        summary: 'Status and notes only: the writer’s progress; any other field: editors',
        scope: 'plans:write',
        params: [ID],
        body: 'AdminPlanUpdate',
        ok: 'AdminPlanResponse',
        versioned: true,
      },
      delete: { operationId: 'deletePlan', summary: 'Drop a plan from the budget (editors); its draft stays', scope: 'plans:write', params: [ID], ok: 'AdminDeletedResponse', versioned: true },
    }),
    '/admin/plans/{id}/start-draft': p({
      post: {
        operationId: 'startPlanDraft',
        summary: 'Create the plan’s draft article, bylined to its writer, and link it',
        scope: 'plans:write',
        params: [ID],
        ok: 'AdminPlanResponse',
        versioned: true,
      },
    }),
    '/admin/alerts': p({
      get: { operationId: 'listAdminAlerts', summary: 'Recent breaking-news alerts, newest first', scope: 'alerts:write', ok: 'AdminAlertListResponse' },
      post: {
        operationId: 'publishAlert',
        summary: 'Publish an alert on every page (now, or from startsAt); one live at a time',
        scope: 'alerts:write',
        body: 'AdminAlertCreate',
        ok: 'AdminAlertResponse',
        status: 201,
      },
    }),
    '/admin/alerts/{id}/end': p({
      post: { operationId: 'endAlert', summary: 'End an alert now, or cancel one not yet started', scope: 'alerts:write', params: [ID], ok: 'AdminAlertEndedResponse' },
    }),
    '/admin/articles/{id}/corrections': p({
      get: { operationId: 'listCorrections', summary: 'An article’s corrections, withdrawn ones included', scope: 'corrections:write', params: [ID], ok: 'AdminCorrectionListResponse' },
      post: {
        operationId: 'addCorrection',
        summary: 'Add a correction, clarification or update note to a published article',
        scope: 'corrections:write',
        params: [ID],
        body: 'AdminCorrectionCreate',
        ok: 'AdminCorrectionResponse',
        status: 201,
      },
    }),
    '/admin/articles/{id}/corrections/{correctionId}/withdraw': p({
      post: {
        operationId: 'withdrawCorrection',
        summary: 'Withdraw a correction added in error',
        scope: 'corrections:write',
        params: [ID, pathParam('correctionId')],
        ok: 'AdminCorrectionResponse',
      },
    }),
    '/admin/articles/{id}/live': p({
      get: { operationId: 'getLiveCoverage', summary: 'An article’s live coverage and every update, pinned first then newest', scope: 'live:write', params: [ID], ok: 'AdminLiveResponse' },
    }),
    '/admin/articles/{id}/live/{intent}': p({
      post: {
        operationId: 'setLiveCoverage',
        summary: 'Open live coverage (again) or end it',
        scope: 'live:write',
        params: [ID, pathParam('intent', ['start', 'end'])],
        ok: 'AdminLiveCoverageResponse',
      },
    }),
    '/admin/articles/{id}/live/updates': p({
      post: {
        operationId: 'postLiveUpdate',
        summary: 'Post an update on open live coverage',
        scope: 'live:write',
        params: [ID],
        body: 'AdminLiveUpdateCreate',
        ok: 'AdminLiveUpdateResponse',
        status: 201,
        etag: true,
      },
    }),
    '/admin/articles/{id}/live/updates/{updateId}': p({
      patch: {
        operationId: 'editLiveUpdate',
        summary: 'Change the fields sent of a live update',
        scope: 'live:write',
        params: [ID, pathParam('updateId')],
        body: 'AdminLiveUpdateUpdate',
        ok: 'AdminLiveUpdateResponse',
        versioned: true,
      },
      delete: { operationId: 'deleteLiveUpdate', summary: 'Delete a live update', scope: 'live:write', params: [ID, pathParam('updateId')], ok: 'AdminDeletedResponse', versioned: true },
    }),
  };
}
